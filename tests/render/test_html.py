from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from checker.records import Claim, Finding, FindingType, Report, Severity
from checker.render.html import (
    anchor_part,
    clean_text,
    finding_anchor,
    highlight_sentence,
    render_html,
    report_anchor,
    safe_url,
    slot_anchor,
)
from scripts.regen_golden_html import CASES, golden_path, outline
from tests.browser.sample_report import previous_of, rich_report, xss_payloads, xss_report
from tests.factories import article, count_claim


@pytest.fixture(scope="module")
def rich_page() -> str:
    report = rich_report()
    return render_html(report, previous=previous_of(report), tool_version="1.2.3")


@pytest.fixture(scope="module")
def xss_page() -> str:
    return render_html(xss_report(), title="<script>window.__pwned=1</script>")


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "style":
            self.styles[-1] += data
        else:
            self.text.append(data)


def _parse(page: str) -> _Collect:
    parser = _Collect()
    parser.feed(page)
    parser.close()
    return parser


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# --- the whole page ----------------------------------------------------------


def test_deterministic(rich_page: str) -> None:
    report = rich_report()
    again = render_html(report, previous=previous_of(report), tool_version="1.2.3")
    assert again == rich_page
    assert re.search(r"20\d\d-\d\d-\d\dT\d\d:\d\d", rich_page) is None  # no run timestamp


def test_self_contained_with_strict_csp(rich_page: str) -> None:
    doc = _parse(rich_page)
    (script,) = doc.scripts
    (style,) = doc.styles
    csp = next(a["content"] for t, a in doc.tags if t == "meta" and a.get("http-equiv"))
    assert csp is not None
    assert "default-src 'none'" in csp
    assert f"script-src {_sha(script)}" in csp
    assert f"style-src {_sha(style)}" in csp
    assert "img-src data:" in csp
    for tag, attrs in doc.tags:
        assert "src" not in attrs or tag == "img", (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "link":
            assert attrs.get("href", "").startswith("data:")  # type: ignore[union-attr]
        if "href" in attrs:
            href = attrs["href"] or ""
            assert href.startswith(("#", "https://", "http://", "data:")), href
    assert "@import" not in style and "url(" not in style
    assert "fetch(" not in script and "XMLHttpRequest" not in script


def test_ids_unique_and_valid(rich_page: str, xss_page: str) -> None:
    for page in (rich_page, xss_page):
        doc = _parse(page)
        ids = [a["id"] for _, a in doc.tags if a.get("id")]
        dupes = [i for i, n in Counter(ids).items() if n > 1]
        assert not dupes
        assert all(i and not re.search(r"\s", i) for i in ids)  # type: ignore[arg-type]
        targets = {a["href"][1:] for _, a in doc.tags if (a.get("href") or "").startswith("#")}  # type: ignore[index]
        assert targets <= set(ids) | {""}, targets - set(ids)


def test_content_present(rich_page: str) -> None:
    doc = _parse(rich_page)
    classes = Counter(c for _, a in doc.tags for c in (a.get("class") or "").split())
    report = rich_report()
    assert classes["finding"] == len(report.findings)
    assert classes["report"] == len(report.articles)
    # A chart for every timeline with a finding or three figures over two days; the
    # rest (the names timeline, single points) folded into tables, still linkable.
    assert classes["chart-box"] == 7 and classes["folded-slot"] == 3
    assert classes["slot"] == len(report.timelines)
    assert classes["tip"] >= 3  # open intervals end in an arrow
    assert classes["evidence-item"] == sum(len(f.claim_ids) for f in report.findings)
    ids = {a.get("id") for _, a in doc.tags}
    assert finding_anchor("F-lima-hostages-0110") in ids
    assert report_anchor("lima/ap-0110") in ids
    assert slot_anchor("lima-1996", "hostages") in ids
    assert "75 → 74" in rich_page and "6 → 7" in rich_page
    assert classes["status-resolved"] >= 2
    text = "".join(doc.text)
    assert "Reuters said 103 hostages but AFP said 81 <b>on the same day</b>." in text


def test_findings_sorted_by_severity_within_a_story(rich_page: str) -> None:
    doc = _parse(rich_page)
    seen: list[tuple[str, str]] = []
    for _, attrs in doc.tags:
        if "finding" in (attrs.get("class") or "").split():
            seen.append((attrs["data-slot"] or "", attrs["data-severity"] or ""))
    lima = [s for slot, s in seen if slot.startswith("slot-lima")]
    rank = {"error": 2, "warning": 1, "info": 0}
    assert [rank[s] for s in lima] == sorted((rank[s] for s in lima), reverse=True)


def test_golden_outlines() -> None:
    for name, build in CASES.items():
        path = golden_path(name)
        assert path.exists(), f"run scripts/regen_golden_html.py to create {path}"
        assert outline(build()) == path.read_text(encoding="utf-8"), (
            f"{path.name} is out of date: run scripts/regen_golden_html.py and review the diff"
        )


def test_size_of_rich_report(rich_page: str) -> None:
    assert len(rich_page.encode("utf-8")) < 2_000_000


# --- safety ------------------------------------------------------------------


def test_xss_payloads_are_inert_and_literal(xss_page: str) -> None:
    doc = _parse(xss_page)
    assert len(doc.scripts) == 1
    for tag, attrs in doc.tags:
        drawn = {"chart", "yaxis", "defs", "key", "at"} & set((attrs.get("class") or "").split())
        assert tag not in ("img", "svg") or drawn, (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith(("javascript", "data:text"))
    text = "".join(doc.text)
    p = xss_payloads()
    for key in ("script", "img", "js_url"):
        assert p[key] in text
    assert "window.__pwned" not in doc.scripts[0]
    xss_page.encode("utf-8")  # no lone surrogate survives


def test_script_close_and_line_separators_are_escaped(xss_page: str) -> None:
    assert xss_page.count("</script>") == 1
    assert xss_page.count("<script>") == 1
    assert xss_page.count("<!--") == 0


def test_clean_text_keeps_length_and_visibility() -> None:
    raw = "a\x00b\ud800c\x07d\ufffd\u202ee"
    cleaned = clean_text(raw)
    assert len(cleaned) == len(raw)
    assert cleaned == "a\u2400b\ufffdc\u2407d\ufffd\u202ee"
    cleaned.encode("utf-8")


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" java\tscript:alert(1)", False),
        ("data:text/html,<b>", False),
        ("//evil.example/x", False),
        ('https://x.org/"onmouseover=1', False),
        ("vbscript:x", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_anchor_part_is_injective_and_safe() -> None:
    ids = ["a b", "a_20_b", "a-b", "a/b", 'x"<>', "", "é", "a_b"]
    parts = [anchor_part(i) for i in ids]
    assert len(set(parts)) == len(parts)
    assert all(re.fullmatch(r"[A-Za-z0-9./_-]+", p) for p in parts)
    assert anchor_part("F-0003") == "F-0003"


def test_highlight_sentence_escapes_segments() -> None:
    out = highlight_sentence("<b>74</b> hostages & more", "74")
    assert str(out) == '&lt;b&gt;<mark class="fig">74</mark>&lt;/b&gt; hostages &amp; more'
    missing = highlight_sentence("no figure here", "<i>")
    assert "&lt;i&gt;" in missing


# --- report views ------------------------------------------------------------


def _one_story(text: str, claims: list[Claim], findings: tuple[Finding, ...] = ()) -> Report:
    art = article("a1", dt.date(2024, 1, 1), text=text, story="s")
    return Report(articles=(art,), claims=tuple(claims), findings=findings, timelines=())


def test_claims_highlighted_at_offsets_even_when_overlapping() -> None:
    text = "Police said 12 people died and 40 were hurt."
    c1 = count_claim("a1", "dead", 12, as_of=None, story="s", id="k1", quote="12 people died")
    c1 = replace(c1, start=12, end=26)
    c2 = count_claim("a1", "people", 12, as_of=None, story="s", id="k2", quote="12 people")
    c2 = replace(c2, start=12, end=21)
    finding = Finding("F1", FindingType.STALE, Severity.WARNING, "s", "dead", ("k1",), "m")
    page = render_html(_one_story(text, [c1, c2], (finding,)))
    assert 'id="claim-k1"' in page and 'id="claim-k2"' in page
    assert (
        '<span class="anchor" id="claim-k1"></span><mark class="claim tone-warning" id="claim-k2"'
        ' title="people = 12; dead = 12">12 people</mark>'
    ) in page
    assert '<mark class="claim tone-warning" title="dead = 12"> died</mark>' in page
    assert 'href="#finding-F1"' in page


def test_claim_with_bad_offsets_is_found_by_quote_or_listed() -> None:
    text = "Later, 15 people died."
    c1 = count_claim("a1", "dead", 15, as_of=None, story="s", id="k1", quote="15 people died")
    c1 = replace(c1, start=500, end=510)
    c2 = count_claim("a1", "dead", 9, as_of=None, story="s", id="k2", quote="nine dead")
    page = render_html(_one_story(text, [c1, c2]))
    assert 'title="dead = 15">15 people died</mark>' in page
    assert "Claims not found in the text" in page and "nine dead" in page


def test_empty_report_renders() -> None:
    page = render_html(Report(articles=(), claims=(), findings=(), timelines=()))
    assert "<main" in page and "No findings: the reports agree" in page
