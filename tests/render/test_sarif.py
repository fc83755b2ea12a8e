"""``--format sarif``: structure, and validation against the vendored OASIS schema."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.records import FindingType, Report
from checker.render import Format, RenderOptions, render
from checker.render.sarif import FINGERPRINT, artifact_location, artifact_uri
from tests.render.sample import sample_report
from tests.render.validators import sarif_validator


def _sarif(**options: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(
        render(sample_report(), Format.SARIF, RenderOptions(tool_version="9.9.9", **options))
    )
    return doc


def test_one_run_with_driver_and_rules() -> None:
    doc = _sarif()
    assert doc["version"] == "2.1.0"
    assert doc["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "checker" and driver["version"] == "9.9.9"
    assert [r["id"] for r in driver["rules"]] == [t.value for t in FindingType]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels["contradiction"] == "error"
    assert levels["revision"] == "note"
    assert all(r["shortDescription"]["text"] for r in driver["rules"])


def test_results_levels_and_rule_indices() -> None:
    run = _sarif()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(sample_report().findings)
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["level"] for r in results] == ["error"] * 2 + ["warning"] * 3 + ["note"] * 2


def test_one_location_on_the_odd_one_out_and_the_rest_related() -> None:
    result = _sarif()["runs"][0]["results"][0]
    assert result["partialFingerprints"] == {FINGERPRINT: "f-contra-rebels"}
    assert result["message"]["text"].startswith("wire/b says")
    (location,) = (loc["physicalLocation"] for loc in result["locations"])
    assert location["artifactLocation"]["uri"] == "reports/wire/b%20with%20space.md"
    assert location["region"]["snippet"] == {"text": "14 rebels"}
    (related,) = result["relatedLocations"]
    assert related["id"] == 1
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "reports/wire/a.md"
    assert related["physicalLocation"]["region"] == {
        "startLine": 8,
        "startColumn": 29,
        "endLine": 8,
        "endColumn": 44,
        "snippet": {"text": "about 20 rebels"},
    }
    assert result["properties"]["outliers"] == ["c-r-b"]


def test_missing_claims_skipped_and_no_claims_no_locations() -> None:
    results = {r["partialFingerprints"][FINGERPRINT]: r for r in _sarif()["runs"][0]["results"]}
    assert len(results["f-spell"]["locations"]) == 1
    (meta,) = results["f-meta"]["locations"]
    assert meta["physicalLocation"]["artifactLocation"]["uri"] == "reports/flood/c.txt"
    assert meta["physicalLocation"]["region"]["startLine"] == 1


def test_baseline_state_only_with_a_baseline() -> None:
    from checker.baseline import Baseline, apply_baseline

    assert all("baselineState" not in r for r in _sarif()["runs"][0]["results"])
    result = apply_baseline(sample_report(), Baseline())
    doc = json.loads(render(result.report, Format.SARIF, RenderOptions(baseline=result)))
    assert {r["baselineState"] for r in doc["runs"][0]["results"]} == {"new"}
    sarif_validator().validate(doc)


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("reports/a.md", "reports/a.md"),
        ("reports/a b#1.md", "reports/a%20b%231.md"),
        ("reports\\win\\a.md", "reports/win/a.md"),
        ("/abs/a.md", "file:///abs/a.md"),
        ("C:\\data\\a.md", "file:///C:/data/a.md"),
    ],
)
def test_artifact_uri(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


def test_the_vendored_schema_rejects_bad_sarif() -> None:
    doc = _sarif()
    doc["runs"][0]["results"][0]["level"] = "info"  # not a SARIF level
    with pytest.raises(jsonschema.ValidationError):
        sarif_validator().validate(doc)
    with pytest.raises(jsonschema.ValidationError):
        sarif_validator().validate({"runs": []})


def test_relative_uris_name_the_srcroot_base() -> None:
    run = _sarif()["runs"][0]
    assert set(run["originalUriBaseIds"]) == {"%SRCROOT%"}
    assert "uri" not in run["originalUriBaseIds"]["%SRCROOT%"]  # same bytes on every machine
    for result in run["results"]:
        for loc in [*result["locations"], *result.get("relatedLocations", [])]:
            artifact = loc["physicalLocation"]["artifactLocation"]
            assert artifact["uriBaseId"] == "%SRCROOT%"
            assert not artifact["uri"].startswith(("/", "file:"))


def test_an_absolute_path_under_the_base_dir_is_made_relative(tmp_path: Path) -> None:
    under = artifact_location(str(tmp_path / "reports" / "a b.md"), tmp_path)
    assert under == {"uri": "reports/a%20b.md", "uriBaseId": "%SRCROOT%"}
    outside = artifact_location("/elsewhere/a.md", tmp_path)
    assert outside == {"uri": "file:///elsewhere/a.md"}
    assert artifact_location("reports/a.md", tmp_path)["uri"] == "reports/a.md"


def test_at_most_one_location_per_result_and_valid_against_the_vendored_schema() -> None:
    text = render(sample_report(), Format.SARIF)
    sarif_validator().validate(json.loads(text))
    for result in json.loads(text)["runs"][0]["results"]:
        assert len(result["locations"]) <= 1


def test_input_errors_are_tool_execution_notifications() -> None:
    report = sample_report()
    assert report.errors
    (invocation,) = _sarif()["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert len(notes) == len(report.errors)
    for note, error in zip(notes, report.errors, strict=True):
        assert note["level"] == "error"
        assert note["descriptor"] == {"id": "input-error"}
        assert note["message"]["text"] == error.describe()
        (loc,) = note["locations"]
        assert loc["physicalLocation"]["artifactLocation"]["uri"] == artifact_uri(error.path)
        assert note.get("properties", {}).get("row") == error.row


def test_a_clean_run_is_successful_with_no_notifications() -> None:
    report = replace(sample_report(), errors=())
    doc = json.loads(render(report, Format.SARIF))
    (invocation,) = doc["runs"][0]["invocations"]
    assert invocation == {"executionSuccessful": True, "toolExecutionNotifications": []}
    sarif_validator().validate(doc)


def test_the_bundled_dataset_gives_one_location_per_result_and_validates(
    bundled_report: Report,
) -> None:
    doc = json.loads(render(bundled_report, Format.SARIF))
    sarif_validator().validate(doc)
    results = doc["runs"][0]["results"]
    assert len(results) == len(bundled_report.findings) >= 15
    assert all(len(r["locations"]) == 1 for r in results)
    for result in results:  # relative to the checkout, never a machine path
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith(("reports/", "seeds/")), uri
