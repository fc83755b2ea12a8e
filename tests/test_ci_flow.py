"""The CI flow of the issue, on a copy of the bundled dataset, through the CLI.

- An unrelated report (another story) leaves every existing finding id unchanged.
- ``checker baseline`` then ``check --baseline``: exit 0, no new finding.
- A new report that agrees with the majority: exit 0, no finding changes its id.
- A new report that contradicts a figure of the same day: exit 1, exactly one new finding.
- A report removed: the baseline entries that no longer occur are listed.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from checker.cli import main
from tests.render.validators import validate_json, validator

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "pyproject.toml"

QUAKE = """\
---
title: "Powerful earthquake strikes western India"
source: Harbour Light Gazette
published: 2001-01-27
---
AHMEDABAD, India -- A powerful earthquake struck the western state of Gujarat on Friday
morning, as the country celebrated Republic Day, flattening buildings in Bhuj and
Ahmedabad. Officials said on Saturday that at least 1,000 people had been killed and more
than 5,000 injured, and warned that the toll would rise.

The quake, measured at magnitude 7.7, was felt as far away as Nepal and Pakistan. Rescue
teams were searching the rubble of about 50 collapsed apartment blocks in Ahmedabad.
"""

CONTRADICTION = """\
---
title: "Rebels tighten their grip on the Lima residence"
source: Coastal Times
published: 1996-12-23
---
LIMA, Peru -- The Tupac Amaru rebels were holding 250 hostages in the Japanese ambassador's
residence on Monday, a police spokesman said.
"""
NEW_ID = "lima-1996/1996-12-23-coastal-times"

AGREEING = """\
---
title: "Lima siege enters its fourth week"
source: Harbour Light Gazette
published: 1997-01-08
---
LIMA, Peru -- The Tupac Amaru rebels have held the Japanese ambassador's residence since they
stormed it on Dec. 17, during a reception for the emperor's birthday.
"""


def run(workdir: Path, args: Sequence[object], monkeypatch: pytest.MonkeyPatch) -> Result:
    argv = [str(a) for a in args]
    argv[1:1] = ["reports", "seeds", "--workers", "1", "-q", "--config", str(CONFIG)]
    with monkeypatch.context() as m:
        m.chdir(workdir)
        return CliRunner().invoke(main, argv, catch_exceptions=False)


@pytest.fixture(scope="module")
def accepted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the dataset with a baseline of today's findings (computed once)."""
    workdir = tmp_path_factory.mktemp("dataset")
    for folder in ("reports", "seeds"):
        shutil.copytree(ROOT / folder, workdir / folder)
    with pytest.MonkeyPatch.context() as mp:
        result = run(workdir, ["baseline", "-o", "checker-baseline.json"], mp)
    assert result.exit_code == 0, result.output
    return workdir


@pytest.fixture()
def dataset(accepted: Path, tmp_path: Path) -> Path:
    """A fresh copy of the accepted dataset for one test to change."""
    workdir = tmp_path / "work"
    shutil.copytree(accepted, workdir)
    return workdir


def baseline_entries(workdir: Path) -> list[dict[str, Any]]:
    doc = json.loads((workdir / "checker-baseline.json").read_text(encoding="utf-8"))
    validator("baseline.schema.json").validate(doc)
    entries: list[dict[str, Any]] = doc["findings"]
    return entries


def report(result: Result) -> dict[str, Any]:
    validate_json(result.stdout)
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def test_the_dataset_has_accepted_findings(accepted: Path) -> None:
    entries = baseline_entries(accepted)
    assert any(e["type"] == "contradiction" for e in entries)


def test_an_unrelated_report_changes_no_existing_finding(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {e["id"]: e for e in baseline_entries(dataset)}
    quake = dataset / "reports" / "quake-2001" / "2001-01-27-harbour-gazette.md"
    quake.parent.mkdir()
    quake.write_text(QUAKE, encoding="utf-8")

    result = run(dataset, ["check", "--format", "json", "--fail-on", "never"], monkeypatch)
    assert result.exit_code == 0
    doc = report(result)
    assert "quake-2001/2001-01-27-harbour-gazette" in {a["id"] for a in doc["articles"]}
    folders = {
        p.name for p in (dataset / "reports").iterdir() if p.is_dir() and not p.name.startswith(".")
    }
    assert {a["story"] for a in doc["articles"]} == folders
    assert "quake-2001" in folders
    after = {f["id"]: f for f in doc["findings"]}
    assert set(before) <= set(after), "an existing finding changed its id"
    for fid, entry in before.items():
        finding = after[fid]
        assert (finding["type"], finding["story"], finding["slot"], finding["message"]) == (
            entry["type"],
            entry["story"],
            entry["slot"],
            entry["message"],
        )
    assert all(f["story"] == "quake-2001" for f in after.values() if f["id"] not in before)


def test_check_against_the_baseline_passes(dataset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(
        dataset, ["check", "--format", "json", "--baseline", "checker-baseline.json"], monkeypatch
    )
    assert result.exit_code == 0, result.output
    doc = report(result)
    assert doc["findings"] == []
    assert doc["baseline"] == {"accepted": len(baseline_entries(dataset)), "gone": []}
    text = run(dataset, ["check", "--baseline", "checker-baseline.json"], monkeypatch)
    assert text.exit_code == 0
    assert "no longer occur" not in text.stdout


def test_a_report_that_agrees_with_the_majority_changes_no_id(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {e["id"]: e for e in baseline_entries(dataset)}
    new = dataset / "reports" / "lima-1996" / "1997-01-08-harbour-gazette.md"
    new.write_text(AGREEING, encoding="utf-8")

    full = report(run(dataset, ["check", "--format", "json", "--fail-on", "never"], monkeypatch))
    agreeing_id = "lima-1996/1997-01-08-harbour-gazette"
    new_claims = {c["id"] for c in full["claims"] if c["article_id"] == agreeing_id}
    assert any(c["slot"] == "attack.date" for c in full["claims"] if c["id"] in new_claims)
    joined = [f for f in full["findings"] if set(f["claim_ids"]) & new_claims]
    assert joined, "the new report should join the attack-date majority"
    assert all(f["id"] in before and not set(f["outliers"]) & new_claims for f in joined)
    assert {f["id"] for f in full["findings"]} == set(before)

    result = run(
        dataset, ["check", "--format", "json", "--baseline", "checker-baseline.json"], monkeypatch
    )
    assert result.exit_code == 0, result.output
    assert report(result)["findings"] == []


def test_a_report_against_the_majority_is_the_one_new_finding(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    odd_id = "lima-1996/1997-01-08-harbour-gazette"
    new = dataset / "reports" / "lima-1996" / "1997-01-08-harbour-gazette.md"
    new.write_text(AGREEING.replace("Dec. 17", "Dec. 19"), encoding="utf-8")

    result = run(
        dataset, ["check", "--format", "json", "--baseline", "checker-baseline.json"], monkeypatch
    )
    assert result.exit_code == 1, result.output
    doc = report(result)
    assert [(f["type"], f["slot"]) for f in doc["findings"]] == [("contradiction", "attack.date")]
    (finding,) = doc["findings"]
    assert finding["outlier_reports"] == [odd_id]
    assert finding["message"].startswith("attack.date: Harbour Light Gazette (8 Jan 1997) says")
    assert doc["baseline"]["gone"] == [], "the findings the baseline accepted all still stand"

    sarif = run(
        dataset, ["check", "--format", "sarif", "--baseline", "checker-baseline.json"], monkeypatch
    )
    (result_,) = json.loads(sarif.stdout)["runs"][0]["results"]
    (location,) = result_["locations"]
    uri = location["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("1997-01-08-harbour-gazette.md")
    assert len(result_["relatedLocations"]) > 10  # the agreeing reports, as related evidence
    assert result_["partialFingerprints"] == {"checkerFindingId/v1": finding["id"]}


def test_a_new_same_day_contradiction_fails_the_build(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new = dataset / "reports" / "lima-1996" / "1996-12-23-coastal-times.md"
    new.write_text(CONTRADICTION, encoding="utf-8")

    result = run(
        dataset, ["check", "--format", "json", "--baseline", "checker-baseline.json"], monkeypatch
    )
    assert result.exit_code == 1, result.output
    doc = report(result)
    new_claims = {c["id"] for c in doc["claims"] if c["article_id"] == NEW_ID}
    assert new_claims, "the new report's figure was not read"
    fresh = [f for f in doc["findings"] if set(f["claim_ids"]) & new_claims]
    assert fresh, doc["findings"]
    assert all(f["severity"] == "error" for f in fresh)
    assert [(f["type"], f["slot"]) for f in fresh] == [("contradiction", "hostages")]
    assert len(doc["findings"]) == 1, "exactly one new finding"
    assert "250 hostages" in fresh[0]["message"] and "23 Dec 1996" in fresh[0]["message"]
    assert "Coastal Times (23 Dec 1996)" in fresh[0]["message"]

    annotations = run(
        dataset, ["check", "--format", "github", "--baseline", "checker-baseline.json"], monkeypatch
    )
    assert annotations.exit_code == 1
    errors = [line for line in annotations.stdout.splitlines() if line.startswith("::error")]
    assert len(errors) == 1, annotations.stdout  # one annotation per finding
    assert "Coastal Times (23 Dec 1996)" in errors[0]


def _two_report_contradiction(doc: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """An error finding between exactly two reports, and the path of one of them."""
    article_of = {c["id"]: c["article_id"] for c in doc["claims"]}
    path_of = {a["id"]: a["path"] for a in doc["articles"]}
    for finding in doc["findings"]:
        articles = sorted({article_of[c] for c in finding["claim_ids"]})
        if finding["type"] == "contradiction" and len(articles) == 2:
            path = path_of[articles[-1]]
            if path.endswith((".md", ".txt")):
                return finding, path
    raise AssertionError("no contradiction between two report files in the dataset")


def test_entries_of_a_removed_report_are_listed_as_gone(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = run(dataset, ["check", "--format", "json", "--fail-on", "never"], monkeypatch)
    finding, path = _two_report_contradiction(report(full))
    assert finding["id"] in {e["id"] for e in baseline_entries(dataset)}
    (dataset / path).unlink()

    result = run(
        dataset,
        ["check", "--format", "json", "--baseline", "checker-baseline.json", "--fail-on", "never"],
        monkeypatch,
    )
    assert result.exit_code == 0
    doc = report(result)
    gone = {e["id"]: e for e in doc["baseline"]["gone"]}
    assert finding["id"] in gone, doc["baseline"]
    assert gone[finding["id"]]["message"] == finding["message"]

    text = run(
        dataset, ["check", "--baseline", "checker-baseline.json", "--fail-on", "never"], monkeypatch
    )
    assert "no longer occur" in text.stdout
    assert finding["id"] in text.stdout
