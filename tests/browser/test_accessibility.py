"""axe-core (vendored, tests/browser/vendor) on real reports: light and dark, desktop and mobile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checker.records import Report
from checker.render.html import render_html
from tests.browser.conftest import DESKTOP, MOBILE, LimaRuns

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"


def axe_violations(
    browser: Any, html: str, path: Path, viewport: dict[str, int], scheme: str
) -> list[str]:
    path.write_text(html, encoding="utf-8")
    # The page's CSP admits only its own script; axe is injected past it, as a tester would.
    context = browser.new_context(viewport=viewport, color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(path.as_uri(), wait_until="load")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
            " return r.violations.map(v => v.id + ' (' + v.nodes.length + '): ' +"
            " v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary)"
            ".join(' | ')); }"
        )
    finally:
        context.close()
    return list(result)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_lima_report_has_no_axe_violations(
    browser: Any, lima_report: Report, tmp_path: Path, viewport: dict[str, int], scheme: str
) -> None:
    html = render_html(lima_report, tool_version="test")
    assert axe_violations(browser, html, tmp_path / "lima.html", viewport, scheme) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_diff_report_has_no_axe_violations(
    browser: Any, lima_runs: LimaRuns, tmp_path: Path, viewport: dict[str, int], scheme: str
) -> None:
    html = render_html(lima_runs.after, previous=lima_runs.previous, tool_version="test")
    assert axe_violations(browser, html, tmp_path / "diff.html", viewport, scheme) == []
