"""Data-driven tests for checker.extract.dates (cases in cases/dates.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.extract.dates import find_dates, find_durations, resolve_weekday, resolve_year

CASES_PATH = Path(__file__).parent / "cases" / "dates.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _case_id(case: dict[str, Any]) -> str:
    return f"{case['text'][:50]}@{case.get('anchor')}"


def test_case_file_has_enough_expressions() -> None:
    expressions = sum(max(1, len(c["expected"])) for c in CASES)
    assert expressions >= 170


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    text: str = case["text"]
    got = find_dates(text, _date(case.get("anchor")), story_years=case.get("story_years", ()))
    expected = case["expected"]
    summary = [(m.text, m.start_date, m.end_date, m.granularity) for m in got]
    assert len(got) == len(expected), summary
    for mention, exp in zip(got, expected, strict=True):
        assert mention.text == exp["text"], summary
        assert text[mention.start : mention.end] == mention.text
        assert mention.start_date == _date(exp["start"]), summary
        assert mention.end_date == _date(exp["end"]), summary
        assert mention.granularity == exp["granularity"], summary
        if "time" in exp:
            assert mention.time == dt.time.fromisoformat(exp["time"])
        if "part_of_day" in exp:
            assert mention.part_of_day == exp["part_of_day"]
        assert mention.anchored == exp.get("anchored", True)


def test_relative_flag() -> None:
    anchor = dt.date(1997, 1, 10)
    by_text = {m.text: m for m in find_dates("On Dec. 17, 1996 and Dec. 20 and Friday", anchor)}
    assert by_text["Dec. 17, 1996"].relative is False
    assert by_text["Dec. 20"].relative is True
    assert by_text["Friday"].relative is True


def test_datetime_anchor_is_reduced_to_its_day() -> None:
    stamp = dt.datetime(1997, 1, 10, 23, 30, tzinfo=dt.UTC)
    (m,) = find_dates("Shots were heard yesterday.", stamp)
    assert m.start_date == dt.date(1997, 1, 9)


def test_ordered_by_start() -> None:
    ms = find_dates("Friday, then Dec. 17, then 1996 and yesterday", dt.date(1997, 1, 10))
    assert [m.start for m in ms] == sorted(m.start for m in ms)


@pytest.mark.parametrize(
    ("month", "day", "anchor", "future", "year"),
    [
        (12, 17, dt.date(1997, 1, 10), False, 1996),
        (1, 5, dt.date(1996, 12, 20), True, 1997),
        (1, 5, dt.date(1996, 12, 20), False, 1996),
        (1, 10, dt.date(1997, 1, 10), False, 1997),
        (1, 10, dt.date(1997, 1, 10), True, 1997),
        (12, None, dt.date(1997, 1, 10), False, 1996),
        (1, None, dt.date(1996, 12, 20), True, 1997),
        (2, 29, dt.date(2005, 3, 10), False, 2004),
        (10, 25, dt.date(2007, 10, 15), None, 2007),
        (12, 17, dt.date(1997, 4, 22), None, 1996),
    ],
)
def test_resolve_year(
    month: int, day: int | None, anchor: dt.date, future: bool | None, year: int
) -> None:
    assert resolve_year(month, day, anchor, future=future) == year


def test_resolve_year_rejects_impossible_days() -> None:
    with pytest.raises(ValueError):
        resolve_year(2, 30, dt.date(2000, 1, 1))


def test_resolve_weekday_conventions() -> None:
    friday = dt.date(1997, 1, 10)
    assert resolve_weekday(4, friday) == friday
    assert resolve_weekday(1, friday) == dt.date(1997, 1, 7)
    assert resolve_weekday(1, friday, future=True) == dt.date(1997, 1, 14)
    assert resolve_weekday(4, friday, modifier="last") == dt.date(1997, 1, 3)
    assert resolve_weekday(4, friday, modifier="next") == dt.date(1997, 1, 17)


def test_find_durations() -> None:
    text = (
        "an 18-week standoff; they held it for four months; the 118th day of the siege; "
        "24 days after the attack; an 18-year-old"
    )
    got = [(d.text, d.kind, d.days, d.reference) for d in find_durations(text)]
    assert got == [
        ("18-week", "length", 126, None),
        ("four months", "length", 120, None),
        ("the 118th day of the siege", "ordinal", 118, "the siege"),
        ("24 days after", "after", 24, "the attack"),
    ]
