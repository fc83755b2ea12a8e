"""The report as an editor with five minutes uses it: triage on top, the diff, mobile, print."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from checker.records import Report
from checker.render.diff import diff_against_previous
from checker.render.html import finding_anchor, render_html
from tests.browser.conftest import ADDED_REPORT, DESKTOP, EDITED_REPORT, MOBILE, LimaRuns

ADDED_ID = Path(ADDED_REPORT[0]).stem
EDITED_ID = Path(EDITED_REPORT).stem


def _open(browser: Any, html: str, path: Path, viewport: dict[str, int], **kw: Any) -> Any:
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport=viewport, **kw)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri() + kw.pop("fragment", ""), wait_until="load")
    page.errors = errors
    return page


# ---------------------------------------------------------------------------
# The diff, on the stable finding identity (no browser needed)


def test_diff_shows_exactly_the_changed_and_new_findings(lima_runs: LimaRuns) -> None:
    before, after = lima_runs.before, lima_runs.after
    diff = diff_against_previous(after, lima_runs.previous)
    added = {f.id for f in after.findings if ADDED_ID in f.outlier_reports}
    edited_claims = {
        c.id for c in after.claims if c.article_id == EDITED_ID and "160 hostages" in c.quote
    }
    touched = {f.id for f in after.findings if edited_claims & set(f.claim_ids)}
    assert added, "the added report should contradict the attack date"
    assert len(touched) == 1
    assert set(diff.new) == added
    assert set(diff.changed) == touched
    assert diff.resolved == ()
    # The finding whose figure was edited got a new id; it is paired, not "1 new, 1 resolved".
    ((new_id, old_id),) = diff.rekeyed
    assert new_id in touched and old_id in {f.id for f in before.findings}
    # Every other finding keeps its id.
    before_ids = {f.id for f in before.findings}
    assert set(diff.unchanged) == {f.id for f in after.findings} - added - touched
    assert set(diff.unchanged) <= before_ids
    ((change,),) = [diff.changed_values]
    assert (change.old, change.new, change.article_id) == ("140", "160", EDITED_ID)


def test_diff_page_puts_new_first_and_says_what_the_edit_did(
    browser: Any, lima_runs: LimaRuns, tmp_path: Path
) -> None:
    html = render_html(lima_runs.after, previous=lima_runs.previous)
    page = _open(browser, html, tmp_path / "diff.html", DESKTOP)
    statuses = page.locator(".triage-table tr[data-status]").evaluate_all(
        "rows => rows.map(r => r.dataset.status)"
    )
    n_new = statuses.count("new")
    assert n_new >= 1 and statuses[:n_new] == ["new"] * n_new
    assert statuses[n_new] == "changed"
    edit = page.locator("#changes table tbody tr")
    assert edit.count() == 1
    text = edit.first.inner_text()
    assert "140 → 160" in text and "changed contradiction #" in text
    added = page.locator("#changes ul.added li")
    assert added.count() == 1
    assert "Harbour Bulletin" in added.first.inner_text()
    assert "new contradiction #1" in added.first.inner_text()
    # The chips say what happened: no "resolved" for a finding that only moved.
    assert "0 resolved" in page.locator(".page-header").inner_text()
    assert page.errors == []
    page.context.close()


# ---------------------------------------------------------------------------
# Triage and the first viewport


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_first_error_finding_is_in_the_first_viewport(
    browser: Any, lima_report: Report, tmp_path: Path, viewport: dict[str, int]
) -> None:
    page = _open(browser, render_html(lima_report), tmp_path / "lima.html", viewport)
    row = page.locator(".triage-table tr[data-severity=error]").first
    box = row.bounding_box()
    assert box is not None and box["y"] + box["height"] <= viewport["height"], box
    # The row names the odd one out and its figure against the majority, and links to the card.
    text = row.inner_text()
    assert "Tokyo Evening Ledger" in text and "18 Dec 1996" in text and "17 Dec 1996" in text
    href = row.locator("a").first.get_attribute("href")
    assert href and href.startswith("#finding-")
    # No page-wide horizontal scroll: wide tables scroll in their own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.click(f"a[href='{href}']")
    card = page.locator(href.replace(".", "\\."))
    assert card.locator(".evidence-item").first.get_attribute("class") == "evidence-item odd"
    bar = page.locator("#bar").bounding_box()
    top = card.bounding_box()
    assert bar is not None and top is not None and top["y"] >= bar["y"] + bar["height"] - 1
    assert page.errors == []
    page.context.close()


@pytest.mark.browser
def test_wire_copy_is_named_by_its_agency(lima_report: Report) -> None:
    html = render_html(lima_report)
    # "AWS" and "CRN" in the dateline are the outlets the story's other reports name in full.
    assert ">AWS<" not in html and ">CRN<" not in html
    assert "Andean Wire Service (23 Dec 1996)" in html


@pytest.mark.browser
def test_keyboard_charts_hold_no_tab_stops_and_filters_live_in_the_hash(
    browser: Any, lima_report: Report, tmp_path: Path
) -> None:
    page = _open(browser, render_html(lima_report), tmp_path / "lima.html", DESKTOP)
    focusable = ("a[href]", "button", "select", "summary", "[tabindex]:not([tabindex='-1'])")
    in_charts = ", ".join(f".chart-box {f}" for f in focusable)
    assert page.locator(in_charts).count() == 0
    # From finding #1 to #2 in a few Tabs.
    first, second = page.locator(".finding").nth(0), page.locator(".finding").nth(1)
    stops = first.locator(", ".join(focusable)).evaluate_all(
        "els => els.filter(e => e.checkVisibility()).length"
    )
    assert stops <= 8, stops
    assert second.is_visible()
    page.select_option("#filter-severity", "warning")
    assert page.evaluate("location.hash") == "#severity=warning"
    shown = page.locator(".finding:visible")
    assert shown.count() == sum(1 for f in lima_report.findings if f.severity.value == "warning")
    url = page.url
    page.goto("about:blank")
    page.goto(url)
    assert page.locator("#filter-severity").input_value() == "warning"
    assert page.locator(".finding:visible").count() == shown.count()
    assert page.locator(".triage-table tr[data-severity=error]:visible").count() == 0
    page.context.close()


@pytest.mark.browser
def test_mobile_filters_behind_a_toggle(browser: Any, lima_report: Report, tmp_path: Path) -> None:
    page = _open(browser, render_html(lima_report), tmp_path / "lima.html", MOBILE)
    assert not page.locator("#filter-severity").is_visible()
    bar = page.locator("#bar").bounding_box()
    assert bar is not None and bar["height"] < 60
    page.click("#filter-toggle")
    assert page.locator("#filter-severity").is_visible()
    assert page.locator("#filter-toggle").get_attribute("aria-expanded") == "true"
    # The scroll margin follows the bar's real height, open or closed.
    height = page.evaluate("document.getElementById('bar').offsetHeight")
    margin = page.evaluate("getComputedStyle(document.documentElement).scrollPaddingTop")
    assert float(margin.removesuffix("px")) >= height
    page.context.close()


@pytest.mark.browser
def test_print_puts_findings_first_with_legible_badges(
    browser: Any, lima_report: Report, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    page = _open(browser, render_html(lima_report), tmp_path / "lima.html", DESKTOP)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    first = " ".join(pdf.pages[0].extract_text().split())
    errors = [f for f in lima_report.findings if f.severity.value == "error"]
    # Page 1: the triage table with every error, its badge as text.
    assert first.count("ERROR") >= len(errors), first[:500]
    assert "Tokyo Evening Ledger" in first
    # The finding cards follow at once: the first card is on page 2 or 3.
    early = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages[:3])
    number = f"#{1} attack.date"
    assert number in early
    assert finding_anchor(errors[0].id)  # anchors exist for every card
    print(f"print: {len(pdf.pages)} A4 pages")
    page.context.close()


# ---------------------------------------------------------------------------
# A large corpus: packed sections, inflated on demand


def replicate(report: Report, copies: int) -> Report:
    """``copies`` stories made of one report's, every id made distinct."""
    from dataclasses import replace

    articles, claims, findings, timelines = [], [], [], []
    for k in range(copies):

        def cid(raw: str, k: int = k) -> str:
            return f"k{k:02d}-{raw}"

        story = {s: f"{s}-{k:02d}" for s in {a.story for a in report.articles}}
        articles += [replace(a, id=cid(a.id), story=story[a.story]) for a in report.articles]
        claims += [
            replace(
                c, id=cid(c.id), article_id=cid(c.article_id), story=story.get(c.story, c.story)
            )
            for c in report.claims
        ]
        findings += [
            replace(
                f,
                id=cid(f.id),
                story=story.get(f.story, f.story),
                claim_ids=tuple(map(cid, f.claim_ids)),
                outliers=tuple(map(cid, f.outliers)),
                outlier_reports=tuple(map(cid, f.outlier_reports)),
            )
            for f in report.findings
        ]
        timelines += [
            replace(
                t,
                story=story.get(t.story, t.story),
                points=tuple(replace(p, claim_ids=tuple(map(cid, p.claim_ids))) for p in t.points),
            )
            for t in report.timelines
        ]
    return Report(tuple(articles), tuple(claims), tuple(findings), tuple(timelines))


@pytest.mark.browser
def test_a_thousand_reports_fit_in_3_mb_and_open_on_demand(
    browser: Any, lima_report: Report, tmp_path: Path
) -> None:
    big = replicate(lima_report, 20)
    assert len(big.articles) >= 1000
    html = render_html(big)
    size = len(html.encode("utf-8"))
    assert size <= 3_000_000, size
    page = _open(browser, html, tmp_path / "big.html", DESKTOP)
    nodes = page.evaluate("document.getElementsByTagName('*').length")
    assert nodes < 10_000, nodes  # the sections are packed until wanted
    assert page.locator("#filter-count").inner_text() == f"{len(big.findings)} findings"
    # A link into a packed section inflates it: the last story's first card.
    last = page.locator(".triage-table a.tri-link").last
    href = last.get_attribute("href")
    assert href
    target = page.locator(f"[id='{href[1:]}']")
    assert target.count() == 0
    page.evaluate(f"location.hash = {href!r}")
    target.wait_for(state="visible", timeout=20_000)
    # Filters count every finding, packed or not.
    page.select_option("#filter-severity", "info")
    info = sum(1 for f in big.findings if f.severity.value == "info")
    count = page.locator("#filter-count")
    for _ in range(100):
        if count.inner_text().startswith(f"{info} of"):
            break
        page.wait_for_timeout(100)
    assert count.inner_text() == f"{info} of {len(big.findings)} findings shown"
    print(f"1,040 replicated reports: {size:,} bytes, {nodes:,} DOM nodes at load")
    assert page.errors == []
    page.context.close()
