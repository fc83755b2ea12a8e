"""Validators of every output format, shared by the render and schema tests.

Each takes the rendered text and raises AssertionError (or a jsonschema
ValidationError) when the output breaks its contract.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator, Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from checker.render import Format
from checker.render.csv_ import COLUMNS

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
SARIF_SCHEMA = SCHEMAS / "vendor" / "sarif-schema-2.1.0.json"


def own_schema_paths() -> list[Path]:
    return sorted(SCHEMAS.glob("*.schema.json"))


@cache
def registry() -> Registry:
    resources = []
    for path in own_schema_paths():
        doc = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (doc["$id"], Resource.from_contents(doc, default_specification=DRAFT202012))
        )
    return Registry().with_resources(resources)


@cache
def schema(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return doc


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(
        schema(name), registry=registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@cache
def sarif_validator() -> Draft4Validator:
    doc = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return Draft4Validator(doc)


def validate_json(text: str) -> None:
    validator("report.schema.json").validate(json.loads(text))


def csv_rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def validate_csv(text: str) -> None:
    check = validator("findings-csv.schema.json")
    for row in csv_rows(text):
        check.validate(row)


def validate_sarif(text: str) -> None:
    sarif_validator().validate(json.loads(text))


_GITHUB = re.compile(
    r"^::(?P<cmd>error|warning|notice)"
    r"(?: (?P<props>[A-Za-z]+=[^,:\r\n]*(?:,[A-Za-z]+=[^,:\r\n]*)*))?"
    r"::(?P<message>[^\r\n]*)$"
)


def github_lines(text: str) -> list[re.Match[str]]:
    assert text == "" or text.endswith("\n")
    matches = []
    for line in text.splitlines():
        match = _GITHUB.match(line)
        assert match is not None, f"not a workflow command: {line!r}"
        matches.append(match)
    return matches


def github_properties(match: re.Match[str]) -> dict[str, str]:
    props = match.group("props")
    if not props:
        return {}
    return dict(item.split("=", 1) for item in props.split(","))


def validate_gitlab(text: str) -> None:
    issues = json.loads(text)
    validator("gitlab-codequality.schema.json").validate(issues)
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(fingerprints) == len(set(fingerprints)), "fingerprints must be unique"


def validate_github(text: str) -> None:
    for match in github_lines(text):
        props = github_properties(match)
        assert set(props) <= {"file", "line", "col", "endLine", "endColumn", "title"}
        for key in ("line", "col", "endLine"):
            if key in props:
                assert props[key].isdigit() and int(props[key]) >= 1


def validate_junit(text: str) -> None:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    total = failures = errors = 0
    for suite in root:
        assert suite.tag == "testsuite"
        cases = list(suite)
        assert all(c.tag == "testcase" for c in cases)
        assert int(suite.attrib["tests"]) == len(cases)
        n_fail = sum(1 for c in cases if c.find("failure") is not None)
        n_err = sum(1 for c in cases if c.find("error") is not None)
        assert int(suite.attrib["failures"]) == n_fail
        assert int(suite.attrib["errors"]) == n_err
        assert suite.attrib["skipped"] == "0"
        for case in cases:
            assert case.attrib["classname"] and "name" in case.attrib
            assert {child.tag for child in case} <= {"failure", "error", "system-out"}
            assert len(case.findall("failure")) <= 1
        total += len(cases)
        failures += n_fail
        errors += n_err
    assert int(root.attrib["tests"]) == total
    assert int(root.attrib["failures"]) == failures
    assert int(root.attrib["errors"]) == errors


_HEADER = re.compile(
    r"^checker: \d+ reports?, \d+ claims?, \d+ findings? "
    r"\(\d+ errors?, \d+ warnings?, \d+ info\)(, \d+ input errors?)?$"
)


def validate_text(text: str) -> None:
    assert text.endswith("\n")
    lines = text.splitlines()
    assert _HEADER.match(lines[0]), lines[0]
    assert "\x1b" not in text, "colour without RenderOptions.color"
    sections = [line for line in lines if line in {"FINDINGS", "TIMELINES", "BASELINE"}]
    order = ["FINDINGS", "TIMELINES", "BASELINE"]
    assert sections == sorted(sections, key=order.index)


VALIDATORS: Mapping[Format, Callable[[str], None]] = {
    Format.TEXT: validate_text,
    Format.JSON: validate_json,
    Format.CSV: validate_csv,
    Format.SARIF: validate_sarif,
    Format.GITHUB: validate_github,
    Format.GITLAB: validate_gitlab,
    Format.JUNIT: validate_junit,
}
