"""The browser the tests drive, and the reports they open, made once per session.

Playwright's own browser builds cannot be downloaded here, so the tests drive
``/usr/bin/chromium`` (``scripts/install_browser.sh`` installs it). They skip,
saying why, only where no browser is installed and none can be.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.records import Report

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1440, "height": 900}
MOBILE = {"width": 390, "height": 844}


def _ensure_chromium() -> str | None:
    """None when Chromium is usable, else why not."""
    if not CHROMIUM.exists() and os.environ.get("CHECKER_NO_BROWSER_INSTALL") != "1":
        script = ROOT / "scripts" / "install_browser.sh"
        if shutil.which("bash") and script.exists():
            subprocess.run(["bash", str(script)], check=False, timeout=900)
    if not CHROMIUM.exists():
        return (
            f"{CHROMIUM} is missing and could not be installed "
            "(scripts/install_browser.sh needs root and apt-get)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = _ensure_chromium()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield launched
        launched.close()


# An edit and an addition to the Lima story, for the diff: one figure changed
# in one report (140 -> 160 hostages), and one new report with a wrong date.
EDITED_REPORT = "1996-12-23-andean-wire.txt"
EDIT = ("were holding 140 hostages on Monday", "were holding 160 hostages on Monday")
ADDED_REPORT = (
    "1997-01-08-harbour-bulletin.md",
    "---\ntitle: Lima siege enters its fourth week\nsource: Harbour Bulletin\n"
    "published: 1997-01-08\nstory: lima-1996\n---\n"
    "LIMA, Peru -- Rebels of the Tupac Amaru Revolutionary Movement, who stormed the "
    "Japanese ambassador's residence on Dec. 15, still held 74 hostages on Wednesday, "
    "officials said.\n",
)


class LimaRuns:
    """The Lima story before and after the edit, checked with a shared cache."""

    def __init__(self, base: Path, cache: Path) -> None:
        from checker.config import load_config
        from checker.pipeline import check
        from checker.render.serialize import report_to_dict

        before, after = base / "before" / "lima-1996", base / "after" / "lima-1996"
        shutil.copytree(ROOT / "reports" / "lima-1996", before)
        shutil.copytree(before, after)
        edited = after / EDITED_REPORT
        text = edited.read_text(encoding="utf-8")
        assert EDIT[0] in text
        edited.write_text(text.replace(EDIT[0], EDIT[1]), encoding="utf-8")
        (after / ADDED_REPORT[0]).write_text(ADDED_REPORT[1], encoding="utf-8")
        config = load_config(start=ROOT)
        self.before: Report = check([before], config, use_cache=True, cache_dir=cache)
        self.after: Report = check([after], config, use_cache=True, cache_dir=cache)
        self.previous: dict[str, Any] = json.loads(json.dumps(report_to_dict(self.before)))


@pytest.fixture(scope="session")
def parse_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for every run of the session: each report is parsed once."""
    return tmp_path_factory.mktemp("parse-cache")


@pytest.fixture(scope="session")
def lima_runs(tmp_path_factory: pytest.TempPathFactory, parse_cache: Path) -> LimaRuns:
    return LimaRuns(tmp_path_factory.mktemp("lima-runs"), parse_cache)


@pytest.fixture(scope="session")
def lima_report(parse_cache: Path) -> Report:
    """The main job's report: the Lima story and the seed, as ``make run`` checks them."""
    from checker.config import load_config
    from checker.pipeline import check

    paths = [ROOT / "reports" / "lima-1996", ROOT / "seeds"]
    return check(paths, load_config(start=ROOT), use_cache=True, cache_dir=parse_cache)
