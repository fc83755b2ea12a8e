"""Real outputs of the CLI on the bundled dataset validate against their schemas.

One working directory holds a copy of ``reports/`` and ``seeds/``; every
output is produced by the CLI from it. The pipeline result is computed once
by the first CLI run and reused by the others (``checker.pipeline.check`` is
memoised for this module), so that each format costs a render, not a parse:
the options, renderers, writers and exit codes are the real ones.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.render.validators import (
    schema,
    validate_csv,
    validate_github,
    validate_json,
    validate_junit,
    validate_sarif,
    validate_text,
    validator,
)

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "000_0812fcdc0b19a89e"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run every command once on a copy of the bundled dataset; yield the folder."""
    workdir = tmp_path_factory.mktemp("real")
    for folder in ("reports", "seeds"):
        shutil.copytree(ROOT / folder, workdir / folder)
    shutil.copy(ROOT / "pyproject.toml", workdir / "pyproject.toml")  # stories of the seed
    with pytest.MonkeyPatch.context() as mp:
        import checker.pipeline

        real = checker.pipeline.check
        memo: dict[tuple[str, ...], Any] = {}

        @functools.wraps(real)
        def check(paths: Any, *args: Any, **kwargs: Any) -> Any:
            key = tuple(str(p) for p in paths)
            if key not in memo:
                memo[key] = real(paths, *args, **kwargs)
            return memo[key]

        mp.setattr(checker.pipeline, "check", check)
        mp.chdir(workdir)
        runs = [
            ["check", "--format", "json", "-o", "report.json", "--html", "report.html"],
            ["check", "--format", "text", "-o", "report.txt"],
            ["check", "--format", "csv", "-o", "findings.csv"],
            ["check", "--format", "sarif", "-o", "checker.sarif"],
            ["check", "--format", "github", "-o", "annotations.txt"],
            ["check", "--format", "junit", "-o", "junit.xml"],
            ["extract", "-o", "claims.jsonl"],
            ["extract", "-o", "claims.csv"],
            ["extract", "-o", "claims.parquet"],
            ["baseline", "-o", "checker-baseline.json", "--reason", "accepted in a test"],
        ]
        codes = {}
        for args in runs:
            argv = [args[0], "reports", "seeds", "--workers", "1", "-q", *args[1:]]
            result = CliRunner().invoke(main, argv, catch_exceptions=False)
            codes[args[args.index("-o") + 1]] = result.exit_code
        (workdir / "exit-codes.json").write_text(json.dumps(codes), encoding="utf-8")
    return workdir


def _read(outputs: Path, name: str) -> str:
    return (outputs / name).read_text(encoding="utf-8")


def _report(outputs: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(_read(outputs, "report.json"))
    return doc


def test_exit_codes_follow_the_findings(outputs: Path) -> None:
    codes = json.loads(_read(outputs, "exit-codes.json"))
    has_errors = any(f["severity"] == "error" for f in _report(outputs)["findings"])
    for name in ("report.json", "report.txt", "findings.csv", "checker.sarif", "junit.xml"):
        assert codes[name] == (1 if has_errors else 0), name
    for name in ("claims.jsonl", "claims.csv", "claims.parquet", "checker-baseline.json"):
        assert codes[name] == 0, name


def test_json_report_validates(outputs: Path) -> None:
    validate_json(_read(outputs, "report.json"))
    doc = _report(outputs)
    assert doc["errors"] == []
    assert doc["summary"]["articles"] == len(doc["articles"]) > 40
    assert doc["summary"]["claims"] == len(doc["claims"])
    assert sum(doc["summary"]["findings"].values()) == len(doc["findings"])
    assert SEED_ID in {a["id"] for a in doc["articles"]}
    claim_ids = {c["id"] for c in doc["claims"]}
    assert len(claim_ids) == len(doc["claims"]), "claim ids are unique"
    for finding in doc["findings"]:
        assert set(finding["claim_ids"]) <= claim_ids, finding["id"]
    for timeline in doc["timelines"]:
        for point in timeline["points"]:
            assert set(point["claim_ids"]) <= claim_ids


def test_text_summary_validates(outputs: Path) -> None:
    validate_text(_read(outputs, "report.txt"))


def test_findings_csv_validates(outputs: Path) -> None:
    text = _read(outputs, "findings.csv")
    validate_csv(text)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert sorted(r["id"] for r in rows) == sorted(f["id"] for f in _report(outputs)["findings"])


def test_sarif_validates_against_the_oasis_schema(outputs: Path) -> None:
    text = _read(outputs, "checker.sarif")
    validate_sarif(text)
    doc = json.loads(text)
    results = doc["runs"][0]["results"]
    assert len(results) == len(_report(outputs)["findings"])
    for result in results:
        for location in result.get("locations", []):
            uri = location["physicalLocation"]["artifactLocation"]["uri"]
            assert not uri.startswith("/"), "URIs relative to the repository, for code scanning"
            assert (outputs / uri).is_file(), uri


def test_github_annotations_validate(outputs: Path) -> None:
    text = _read(outputs, "annotations.txt")
    validate_github(text)
    errors = sum(1 for f in _report(outputs)["findings"] if f["severity"] == "error")
    assert text.count("::error") >= errors > 0


def test_junit_has_suites_of_cases(outputs: Path) -> None:
    text = _read(outputs, "junit.xml")
    validate_junit(text)
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert suites and all(s.findall("testcase") for s in suites)
    failing = {
        (f["story"], f["slot"]) for f in _report(outputs)["findings"] if f["severity"] == "error"
    }
    cases = {
        (case.attrib["classname"], case.attrib["name"])
        for suite in suites
        for case in suite.findall("testcase")
        if case.find("failure") is not None
    }
    assert cases == failing, "one failing test case per story and slot with an error finding"
    assert int(root.attrib["errors"]) == 0, "no input errors in the bundled dataset"


def _typed(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row read back as the schema says: empty cells null, numbers and booleans typed."""
    props = schema("claims-table.schema.json")["properties"]
    out: dict[str, Any] = {}
    for key, cell in row.items():
        types = props[key].get("type", [])
        types = [types] if isinstance(types, str) else types
        if cell == "":
            out[key] = None
        elif "integer" in types:
            out[key] = int(cell)
        elif "number" in types:
            number = float(cell)
            out[key] = int(number) if number.is_integer() and "." not in cell else number
        elif "boolean" in types:
            assert cell in {"true", "false"}, (key, cell)
            out[key] = cell == "true"
        else:
            out[key] = cell
    return out


def _jsonl_rows(outputs: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in _read(outputs, "claims.jsonl").splitlines()]


def test_claims_jsonl_rows_validate(outputs: Path) -> None:
    check = validator("claims-table.schema.json")
    rows = _jsonl_rows(outputs)
    assert len(rows) == len(_report(outputs)["claims"])
    for row in rows:
        check.validate(row)
    assert [r["id"] for r in rows] == [c["id"] for c in _report(outputs)["claims"]]


def test_claims_csv_rows_validate_and_match_the_jsonl(outputs: Path) -> None:
    check = validator("claims-table.schema.json")
    text = _read(outputs, "claims.csv")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert list(reader.fieldnames or ()) == list(schema("claims-table.schema.json")["required"])
    rows = [_typed(r) for r in reader]
    for row in rows:
        check.validate(row)
    assert rows == _jsonl_rows(outputs)


def test_claims_parquet_matches_the_jsonl(outputs: Path) -> None:
    table = pl.read_parquet(outputs / "claims.parquet")
    assert table.columns == list(schema("claims-table.schema.json")["required"])
    check = validator("claims-table.schema.json")
    rows = []
    for raw in table.iter_rows(named=True):
        row = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in raw.items()}
        row = {
            k: (int(v) if isinstance(v, float) and v.is_integer() else v) for k, v in row.items()
        }
        check.validate(row)
        rows.append(row)
    assert rows == _jsonl_rows(outputs)


def test_baseline_validates_and_accepts_every_finding(outputs: Path) -> None:
    doc = json.loads(_read(outputs, "checker-baseline.json"))
    validator("baseline.schema.json").validate(doc)
    ids = [e["id"] for e in doc["findings"]]
    assert ids == sorted(ids)
    assert set(ids) == {f["id"] for f in _report(outputs)["findings"]}
    assert {e["reason"] for e in doc["findings"]} == {"accepted in a test"}


def test_html_report_is_one_self_contained_page(outputs: Path) -> None:
    page = _read(outputs, "report.html")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert SEED_ID in page
    for marker in ('src="http', "src='http", '<link rel="stylesheet" href'):
        assert marker not in page, f"external resource: {marker}"


# --- the seed article (issue acceptance) ----------------------------------------------------


def _seed(doc: dict[str, Any]) -> dict[str, Any]:
    (article,) = [a for a in doc["articles"] if a["id"] == SEED_ID]
    return article


def _seed_claim(doc: dict[str, Any], quote: str) -> dict[str, Any]:
    (claim,) = [c for c in doc["claims"] if c["article_id"] == SEED_ID and c["quote"] == quote]
    return claim


def test_seed_alone_has_an_inferred_date_without_a_single_answer(outputs: Path) -> None:
    result = CliRunner().invoke(
        main, ["check", str(outputs / "seeds"), "--format", "json", "--workers", "1", "-q"]
    )
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(result.stdout)
    validate_json(result.stdout)
    seed = _seed(doc)
    assert seed["published_basis"] == "inferred"
    assert seed["published"] is None
    # The candidates are only exposed inside the evidence text (no structured field).
    assert "1997-01-10" in seed["published_evidence"]
    assert "Dec. 17" in seed["published_evidence"] and "24 days ago" in seed["published_evidence"]


def test_seed_with_the_dataset_is_dated_1997_01_10(outputs: Path) -> None:
    doc = _report(outputs)
    seed = _seed(doc)
    assert seed["published"] == "1997-01-10"
    assert seed["published_basis"] == "inferred"
    assert seed["story"] == "lima-1996"
    for quote in ("Dec. 17", "24 days ago"):
        claim = _seed_claim(doc, quote)
        assert claim["kind"] == "date"
        assert claim["value"] == {"start": "1996-12-17", "end": "1996-12-17"}, quote
        assert claim["slot"] == "attack.date"
    hostages = [c for c in doc["claims"] if c["article_id"] == SEED_ID and c["slot"] == "hostages"]
    assert [(c["value"], c["as_of"]) for c in hostages] == [({"low": 74, "high": 74}, "1997-01-10")]
