"""``--format gitlab``: GitLab Code Quality issues, validated against their schema."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from checker.render import Format, RenderOptions, render
from checker.render.gitlab import relative_path
from tests.render.sample import empty_report, sample_report
from tests.render.validators import validate_gitlab


def _issues(**options: Any) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = json.loads(
        render(sample_report(), Format.GITLAB, RenderOptions(**options))
    )
    return issues


def test_one_issue_per_finding_on_its_odd_one_out_then_input_errors() -> None:
    report = sample_report()
    issues = _issues()
    validate_gitlab(json.dumps(issues))
    assert len(issues) == len(report.findings) + len(report.errors)
    first = issues[0]
    assert first["fingerprint"] == "f-contra-rebels"
    assert first["check_name"] == "contradiction/rebels"
    assert first["severity"] == "critical"
    assert first["location"] == {"path": "reports/wire/b with space.md", "lines": {"begin": 2}}
    errors = issues[len(report.findings) :]
    assert [i["check_name"] for i in errors] == ["input-error"] * len(report.errors)
    assert {i["severity"] for i in errors} == {"blocker"}
    assert [i["description"] for i in errors] == [e.describe() for e in report.errors]


def test_severities_follow_the_findings() -> None:
    by_id = {i["fingerprint"]: i["severity"] for i in _issues()}
    expected = {"error": "critical", "warning": "major", "info": "info"}
    for finding in sample_report().findings:
        assert by_id[finding.id] == expected[finding.severity.value]


def test_paths_are_relative_to_the_base_dir(tmp_path: Path) -> None:
    assert relative_path(str(tmp_path / "r" / "a.md"), tmp_path) == "r/a.md"
    assert relative_path("r\\win\\a.md", tmp_path) == "r/win/a.md"
    report = sample_report()
    moved = replace(
        report,
        articles=tuple(replace(a, path=str(tmp_path / a.path)) for a in report.articles),
        errors=(),
    )
    text = render(moved, Format.GITLAB, RenderOptions(base_dir=tmp_path))
    validate_gitlab(text)
    assert all(not i["location"]["path"].startswith("/") for i in json.loads(text))


def test_an_empty_report_is_an_empty_array() -> None:
    assert render(empty_report(), Format.GITLAB) == "[]\n"


def test_the_same_report_gives_the_same_bytes() -> None:
    assert render(sample_report(), Format.GITLAB) == render(sample_report(), Format.GITLAB)
