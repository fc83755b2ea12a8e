"""Write docs/api.md, the library reference, from the docstrings of ``checker.__all__``.

    .venv/bin/python scripts/gen_api_docs.py          # rewrite docs/api.md
    .venv/bin/python scripts/gen_api_docs.py --check  # exit 1 if it is stale

Never edit docs/api.md by hand: change the docstring, run this, commit both
(``tests/test_api_docs.py`` fails while they differ).
"""

from __future__ import annotations

import dataclasses
import enum
import inspect
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import checker  # noqa: E402

API_DOC = ROOT / "docs" / "api.md"

HEADER = """\
# The checker library API

Generated from the docstrings by `scripts/gen_api_docs.py`; do not edit by hand.
Everything here is importable from `checker` (`import checker`); the records are
frozen dataclasses from `checker.records`. The command line does the same work:
`checker.check` reads the same configuration and cache as `checker check`.

```python
import checker

report = checker.check(["reports/"])              # a checker.Report
for finding in report.findings:
    print(finding.severity, finding.type, finding.message)
print(checker.render_report(report, "sarif"))     # any --format, as text
```
"""


def _doc(obj: Any) -> str:
    return inspect.cleandoc(obj.__doc__ or "").strip()


def _function(name: str, func: Any) -> list[str]:
    signature = str(inspect.signature(func)).replace("'", "")
    return [f"## `checker.{name}{signature}`", "", _doc(func), ""]


def _enum(name: str, cls: type[enum.Enum]) -> list[str]:
    values = ", ".join(f"`{m.value}`" for m in cls)
    lines = [f"## `checker.{name}`", ""]
    if cls.__doc__ and cls.__doc__ != enum.Enum.__doc__ and "An enumeration" not in cls.__doc__:
        lines += [_doc(cls), ""]
    return [*lines, f"An enumeration: {values}.", ""]


def _dataclass(name: str, cls: Any) -> list[str]:
    lines = [f"## `checker.{name}`", "", _doc(cls), "", "| field | type | default |"]
    lines.append("| --- | --- | --- |")
    for f in dataclasses.fields(cls):
        if isinstance(f.default, enum.Enum):
            default = f"`{type(f.default).__name__}.{f.default.name}`"
        elif f.default is not dataclasses.MISSING:
            default = f"`{f.default!r}`"
        elif f.default_factory is not dataclasses.MISSING:
            default = f"`{f.default_factory.__name__}()`"
        else:
            default = "required"
        kind = str(f.type).replace("|", "\\|")
        lines.append(f"| `{f.name}` | `{kind}` | {default} |")
    lines.append("")
    members = [
        (n, m)
        for n, m in vars(cls).items()
        if not n.startswith("_") and (callable(m) or isinstance(m, property)) and m.__doc__
    ]
    for member_name, member in members:
        target = member.fget if isinstance(member, property) else member
        signature = "" if isinstance(member, property) else str(inspect.signature(target))
        signature = signature.replace("'", "")
        lines += [f"- `{member_name}{signature}`: {' '.join(_doc(target).split())}"]
    if members:
        lines.append("")
    return lines


def api_markdown() -> str:
    lines = [HEADER]
    for name in sorted(n for n in checker.__all__ if not n.startswith("_")):
        obj = getattr(checker, name)
        if inspect.isclass(obj) and issubclass(obj, enum.Enum):
            lines += _enum(name, obj)
        elif inspect.isclass(obj) and dataclasses.is_dataclass(obj):
            lines += _dataclass(name, obj)
        elif inspect.isclass(obj):
            lines += [f"## `checker.{name}`", "", _doc(obj), ""]
        else:
            lines += _function(name, obj)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    text = api_markdown()
    if "--check" in argv:
        current = API_DOC.read_text(encoding="utf-8") if API_DOC.exists() else ""
        if current != text:
            print(f"{API_DOC.relative_to(ROOT)} is stale: run scripts/gen_api_docs.py")
            return 1
        return 0
    API_DOC.write_text(text, encoding="utf-8")
    print(f"wrote {API_DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
