"""``--format sarif``: structure, and validation against the vendored OASIS schema."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from checker.records import FindingType
from checker.render import Format, RenderOptions, render
from checker.render.sarif import FINGERPRINT, artifact_uri
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
