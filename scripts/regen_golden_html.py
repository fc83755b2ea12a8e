"""Regenerate the golden HTML structure files in tests/golden/html/.

    .venv/bin/python scripts/regen_golden_html.py          # rewrite the goldens
    .venv/bin/python scripts/regen_golden_html.py --check  # exit 1 if any differ

A golden is a normalised outline of the rendered page: one line per element,
indented by depth, ``tag#id.class.class``; no text, no other attributes.
Never edit the files by hand: change the renderer, run this, review the diff.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.render.html import render_html  # noqa: E402
from tests.browser.sample_report import previous_of, rich_report, xss_report  # noqa: E402

GOLDEN_DIR = ROOT / "tests" / "golden" / "html"
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.depth = 0

    def _line(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        text = tag
        if found.get("id"):
            text += "#" + str(found["id"])
        for cls in (found.get("class") or "").split():
            text += "." + cls
        self.lines.append("  " * self.depth + text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._line(tag, attrs)
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._line(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self.depth = max(0, self.depth - 1)


def outline(page: str) -> str:
    parser = _Outline()
    parser.feed(page)
    parser.close()
    return "\n".join(parser.lines) + "\n"


def _rich() -> str:
    report = rich_report()
    return render_html(report, previous=previous_of(report), tool_version="0.0.0-golden")


def _xss() -> str:
    return render_html(xss_report(), title="<script>window.__pwned=1</script>")


CASES: dict[str, Callable[[], str]] = {"rich": _rich, "xss": _xss}


def golden_path(name: str) -> Path:
    return GOLDEN_DIR / f"{name}.outline"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, build in CASES.items():
        text = outline(build())
        path = golden_path(name)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({text.count(chr(10))} elements)")
    for path in stale:
        print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
