from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from checker.records import CountValue, DateValue, Finding, FindingType, Report, Severity
from checker.render.diff import (
    diff_against_previous,
    format_interval,
    format_number,
    format_value,
    format_value_mapping,
)
from tests.browser.sample_report import previous_of, rich_report
from tests.factories import count_claim


def _finding(fid: str, *claims: str) -> Finding:
    return Finding(fid, FindingType.CONTRADICTION, Severity.ERROR, "s", "dead", claims, "m")


def _report(findings: tuple[Finding, ...] = (), claims: tuple[Any, ...] = ()) -> Report:
    return Report(articles=(), claims=claims, findings=findings, timelines=())


def test_findings_new_resolved_unchanged() -> None:
    report = _report((_finding("F2"), _finding("F3")))
    previous = {
        "version": 1,
        "findings": [
            {"id": "F1", "type": "stale", "severity": "warning", "story": "s", "slot": "x"},
            {"id": "F2", "type": "contradiction", "severity": "error"},
        ],
    }
    diff = diff_against_previous(report, previous)
    assert diff.new == ("F3",)
    assert diff.unchanged == ("F2",)
    assert [f.id for f in diff.resolved] == ["F1"]
    assert diff.resolved[0].type == "stale"
    assert diff.status("F2") == "unchanged"
    assert diff.status("F3") == "new"


def test_changed_value_by_claim_id() -> None:
    claim = count_claim("a", "hostages", 72, as_of=dt.date(1997, 1, 10), id="c1")
    previous = {
        "claims": [
            {"id": "c1", "article_id": "a", "slot": "hostages", "value": {"low": 74, "high": 74}}
        ]
    }
    diff = diff_against_previous(_report(claims=(claim,)), previous)
    assert len(diff.changed_values) == 1
    change = diff.changed_values[0]
    assert change.arrow == "74 → 72"
    assert change.matched_by == "id"
    assert diff.change_for("c1") is change


def test_changed_value_by_article_slot_quote() -> None:
    claim = count_claim(
        "a", "dead", 12, as_of=dt.date(2024, 1, 1), id="new-id", quote="twelve dead"
    )
    previous = {
        "claims": [
            {"id": "old-id", "article_id": "a", "slot": "dead", "quote": "twelve dead",
             "value": {"low": 10, "high": 10}},
        ]
    }  # fmt: skip
    (change,) = diff_against_previous(_report(claims=(claim,)), previous).changed_values
    assert (change.old, change.new, change.matched_by) == ("10", "12", "quote")


def test_same_value_is_not_a_change_whatever_the_number_type() -> None:
    claim = count_claim("a", "dead", 12, as_of=None, id="c1")
    previous = {"claims": [{"id": "c1", "value": {"low": 12, "high": 12.0}}]}
    assert diff_against_previous(_report(claims=(claim,)), previous).changed_values == ()


@pytest.mark.parametrize(
    "previous",
    [
        {},
        {"findings": "nope", "claims": None},
        {"findings": [1, None, {"id": 3}, {"no": "id"}], "claims": [[], {"id": None}]},
        {"claims": [{"id": "c1", "value": "garbage"}]},
    ],
)
def test_malformed_previous_report_does_not_raise(previous: dict[str, Any]) -> None:
    claim = count_claim("a", "dead", 12, as_of=None, id="c1")
    diff = diff_against_previous(_report((_finding("F1", "c1"),), (claim,)), previous)
    assert diff.new == ("F1",)
    assert diff.resolved == ()


def test_rich_sample_diff() -> None:
    report = rich_report()
    diff = diff_against_previous(report, previous_of(report))
    assert diff.new == ("F-cave-rescued-regress",)
    assert [f.id for f in diff.resolved] == ["F-lima-hostages-old"]
    arrows = {c.claim_id: c.arrow for c in diff.changed_values}
    assert arrows == {"L12": "75 → 74", "T10": "6 → 7"}


@pytest.mark.parametrize(
    ("low", "high", "unit", "text"),
    [
        (74, 74, None, "74"),
        (1500, 1500, None, "1,500"),
        (15, 25, None, "15–25"),
        (401, None, None, "≥ 401"),
        (None, 5, None, "≤ 5"),
        (None, None, None, "?"),
        (3500, 4500, "m", "3,500–4,500 m"),
        (0.25, 0.25, None, "0.25"),
    ],
)
def test_format_interval(
    low: float | None, high: float | None, unit: str | None, text: str
) -> None:
    assert format_interval(low, high, unit) == text


def test_format_values() -> None:
    assert format_number(9.5) == "9.5"
    day = dt.date(1996, 12, 17)
    assert format_value(DateValue(day, day)) == "1996-12-17"
    assert format_value(DateValue(day, dt.date(1996, 12, 18))) == "1996-12-17 – 1996-12-18"
    assert format_value(CountValue(74, 74)) == "74"
    assert format_value_mapping({"text": "Cerpa", "canonical": None}) == "Cerpa"
    assert format_value_mapping(None) == "?"
