"""The HTML report in a real browser: headless Debian Chromium via Playwright.

Playwright's own browser builds cannot be downloaded here, so the tests drive
``/usr/bin/chromium`` (``scripts/install_browser.sh`` installs it). They skip,
saying why, only where no browser is installed and none can be.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checker.records import Report
from checker.render.html import finding_anchor, render_html, report_anchor, slot_anchor
from tests.browser.sample_report import previous_of, rich_report, xss_payloads, xss_report

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
# Pages and screenshots for a person to look at; never out/report.html itself,
# which is the user's (make run writes it).
OUT = ROOT / "out" / "browser-tests"


class Opened:
    def __init__(self, page: Any, path: Path, requests: list[str], errors: list[str]) -> None:
        self.page, self.path, self.requests, self.errors = page, path, requests, errors


def open_report(
    browser: Any, html: str, name: str, *, javascript: bool = True, fragment: str = ""
) -> Opened:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=javascript
    )
    requests: list[str] = []
    errors: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith("file:"):
            r.continue_()
        else:
            requests.append(url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on(
        "request",
        lambda req: None if req.url.startswith(("file:", "data:")) else requests.append(req.url),
    )
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri() + fragment, wait_until="load")
    return Opened(page, path, requests, errors)


@pytest.fixture(scope="module")
def cases(lima_report: Report) -> list[tuple[str, Report, dict[str, Any] | None]]:
    """out/report.* is the dataset's report (the Lima story, as ``make run`` writes it)."""
    rich = rich_report()
    return [("report", lima_report, None), ("report-synthetic", rich, previous_of(rich))]


def test_report_opens_offline_and_complete(browser: Any, cases: Any) -> None:
    """Offline, without errors, every finding and report shown. How fast it loads is a
    benchmark's (``bench/html_report.py``), not a test's: a time limit here measures
    how busy the machine is."""
    for name, report, previous in cases:
        html = render_html(report, previous=previous, tool_version="test")
        size = len(html.encode("utf-8"))
        assert size < 2_000_000, f"{name}: {size} bytes"
        opened = open_report(browser, html, name)
        page = opened.page
        assert opened.requests == [], opened.requests
        assert opened.errors == [], opened.errors  # includes CSP violations
        assert page.locator(".finding").count() == len(report.findings)
        assert page.locator("article.report").count() == len(report.articles)
        assert page.locator("svg.chart").count() >= (1 if report.timelines else 0)
        if report.findings:
            assert page.locator(".finding .evidence-item").count() >= 1
        assert page.locator("#filters").is_visible()
        page.set_viewport_size({"width": 1280, "height": 2400})
        page.screenshot(path=str(OUT / f"{name}.png"))
        page.context.close()


def test_filters_hide_and_show(browser: Any) -> None:
    report = rich_report()
    opened = open_report(browser, render_html(report, previous=previous_of(report)), "filters")
    page = opened.page
    # Keyboard: the skip link is the first tab stop and leads to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#triage"

    errors = page.locator(".finding[data-severity=error]")
    warnings = page.locator(".finding[data-severity=warning]")
    assert errors.count() > 0 and warnings.count() > 0
    assert errors.first.is_visible()

    page.select_option("#filter-severity", "warning")
    assert all(not errors.nth(i).is_visible() for i in range(errors.count()))
    assert all(warnings.nth(i).is_visible() for i in range(warnings.count()))
    assert "findings shown" in page.locator("#filter-count").inner_text()

    page.select_option("#filter-severity", "")
    page.select_option("#filter-type", "regression")
    visible = page.locator(".finding:visible")
    assert visible.count() == 2
    assert {visible.nth(i).get_attribute("data-type") for i in range(2)} == {"regression"}

    page.click("button[type=reset]")
    page.select_option("#filter-slot", slot_anchor("lima-1996", "rebels"))
    assert page.locator(".finding:visible").count() == 2
    assert page.locator(f"#{slot_anchor('lima-1996', 'rebels')}".replace(".", "\\.")).is_visible()
    assert not page.locator(f"#{slot_anchor('lima-1996', 'hostages')}").is_visible()

    page.click("button[type=reset]")
    page.select_option("#filter-status", "new")
    assert page.locator(".finding:visible").count() == 1
    assert page.locator("#filter-severity").evaluate("el => el.labels.length") == 1
    assert opened.errors == []
    page.context.close()


def test_without_javascript_everything_is_visible(browser: Any) -> None:
    report = rich_report()
    opened = open_report(browser, render_html(report), "nojs", javascript=False)
    page = opened.page
    assert not page.locator("#filters").is_visible()
    cards = page.locator(".finding")
    assert cards.count() == len(report.findings)
    assert all(cards.nth(i).is_visible() for i in range(cards.count()))
    page.context.close()


def test_deep_links(browser: Any) -> None:
    report = rich_report()
    html = render_html(report)
    anchor = finding_anchor("F-cave-missing-date")
    opened = open_report(browser, html, "deeplink", fragment="#" + anchor)
    page = opened.page
    assert page.locator(f"#{anchor}").is_visible()
    assert page.evaluate("location.hash") == "#" + anchor
    # A claim inside a collapsed report view opens it.
    page.evaluate("location.hash = '#claim-Q01'")
    page.wait_for_function("document.querySelector('#report-quake\\\\/undated details').open")
    assert page.locator(f"[id='{report_anchor('quake/undated')}'] mark.claim").is_visible()
    page.context.close()


def test_xss_fixture_executes_nothing(browser: Any) -> None:
    p = xss_payloads()
    html = render_html(xss_report(), title=p["script"])
    opened = open_report(browser, html, "xss")
    page = opened.page
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    body = page.locator("body").inner_text()
    for key in ("script", "img", "js_url"):
        assert p[key] in body, key
    assert page.locator("a[href^='javascript']").count() == 0
    # Hover and click everything clickable: still nothing runs.
    for link in [a for a in page.locator("main a").all() if a.is_visible()][:30]:
        link.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert opened.requests == []
    page.context.close()


def test_the_pages_never_land_on_the_users_report(browser: Any) -> None:
    user_report = ROOT / "out" / "report.html"
    before = user_report.read_bytes() if user_report.exists() else None
    opened = open_report(browser, render_html(rich_report()), "report")
    opened.page.context.close()
    assert opened.path == OUT / "report.html" and opened.path != user_report
    assert (user_report.read_bytes() if user_report.exists() else None) == before
