"""checker.extract.numbers: the data-driven table in cases/numbers.yaml, plus the API edges."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.extract.numbers import find_quantities, format_interval, parse_number, roundness
from checker.records import Qualifier, Quantity

CASES_FILE = Path(__file__).parent / "cases" / "numbers.yaml"


def _load_cases() -> list[Any]:
    with CASES_FILE.open(encoding="utf-8") as fh:
        cases = yaml.safe_load(fh)
    assert isinstance(cases, list)
    return cases


def _case_id(text: str, seen: dict[str, int]) -> str:
    slug = re.sub(r"[^0-9A-Za-z$%.,+-]+", "_", text).strip("_")[:60] or "empty"
    seen[slug] = seen.get(slug, 0) + 1
    return slug if seen[slug] == 1 else f"{slug}#{seen[slug]}"


CASES = _load_cases()
_seen: dict[str, int] = {}
CASE_IDS = [_case_id(str(case["text"]), _seen) for case in CASES]


def _close(actual: float | None, expected: float | None) -> bool:
    if actual is None or expected is None:
        return actual is expected
    return actual == pytest.approx(float(expected), rel=1e-6, abs=1e-9)


def _describe(quantities: list[Quantity]) -> str:
    return "; ".join(
        f"{q.text!r} {q.qualifier.value} {q.low}..{q.high} unit={q.unit} "
        f"rel={q.relation} all={q.totality}"
        for q in quantities
    )


def test_case_table_is_large_enough() -> None:
    assert len(CASES) >= 260
    assert sum(1 for case in CASES if not case["expect"]) >= 50


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_case(case: dict[str, Any]) -> None:
    text = str(case["text"])
    found = find_quantities(text, join_alternatives=bool(case.get("join", False)))
    expected = case["expect"]
    assert len(found) == len(expected), _describe(found)
    for q, exp in zip(found, expected, strict=True):
        where = _describe([q])
        assert _close(q.low, exp["low"]), where
        assert _close(q.high, exp["high"]), where
        assert q.qualifier is Qualifier(exp["qualifier"]), where
        assert q.unit == exp.get("unit"), where
        assert q.relation == exp.get("relation"), where
        assert q.totality is bool(exp.get("totality", False)), where
        if "text" in exp:
            assert q.text == exp["text"], where
        assert q.text == text[q.start : q.end]
        assert q.noun is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,500", 1500),
        ("1 500", 1500),
        ("1\u00a0500", 1500),
        ("2.5", 2.5),
        ("0", 0),
        ("twelve", 12),
        ("Twelve", 12),
        ("twenty-four", 24),
        ("twenty four", 24),
        ("a hundred and two", 102),
        ("one hundred and two", 102),
        ("two dozen", 24),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("three hundred thousand", 300_000),
        ("one million two hundred thousand", 1_200_000),
        ("1.5 million", 1_500_000),
        ("2 dozen", 24),
        ("two and a half", 2.5),
        ("a thousand", 1000),
        ("zero", 0),
        ("2½", 2.5),
        ("1/2", 0.5),
        ("10k", 10_000),
        ("5bn", 5e9),
        ("  74  ", 74),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "several hundred",
        "hundreds",
        "dozens",
        "a few",
        "second",
        "22nd",
        "one two",
        "twenty twenty",
        "$5",
        "5 km",
        "Dec. 17",
        "2:50",
        "may",
        "we",
        "a",
        "hundred",
        "and",
        "1,50",
        "twelve rebels",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("low", "high", "shown"),
    [
        (14, 14, "14"),
        (15, 25, "15–25"),
        (400, None, "≥ 400"),
        (None, 10, "≤ 10"),
        (None, None, "any"),
        (1500, 1500, "1,500"),
        (2.5, 2.5, "2.5"),
        (701.04, 701.04, "701.04"),
        (0, 9, "0–9"),
    ],
)
def test_format_interval(low: float | None, high: float | None, shown: str) -> None:
    assert format_interval(low, high) == shown


@pytest.mark.parametrize(
    ("value", "unit"),
    [(20, 10), (25, 5), (74, 1), (400, 100), (1500, 500), (2.5, 0.5), (0, 1), (1, 1), (1e6, 1e6)],
)
def test_roundness(value: float, unit: float) -> None:
    assert roundness(value) == pytest.approx(unit)


def test_about_is_relatively_wider_for_round_numbers() -> None:
    (q20,) = find_quantities("about 20 rebels")
    (q74,) = find_quantities("about 74 hostages")
    assert q20.low is not None and q20.high is not None
    assert q74.low is not None and q74.high is not None
    assert (q20.high - q20.low) / 20 > (q74.high - q74.low) / 74


def test_some_and_about_agree() -> None:
    some, about, estimated = (
        find_quantities(t)[0] for t in ("some 400", "about 400", "an estimated 400")
    )
    assert (some.low, some.high) == (about.low, about.high) == (estimated.low, estimated.high)
    assert estimated.qualifier is Qualifier.ESTIMATE


def test_spans_and_number_spans() -> None:
    text = "Police said more than 400 people and about $5 million were involved."
    first, second = find_quantities(text)
    assert text[first.start : first.end] == "more than 400"
    assert first.number_start is not None and first.number_end is not None
    assert text[first.number_start : first.number_end] == "400"
    assert second.text == "about $5 million"
    assert second.number_start is not None and second.number_end is not None
    assert text[second.number_start : second.number_end] == "5 million"
    assert second.unit == "USD" and second.unit_text == "$"


def test_units_as_written_are_kept() -> None:
    (q,) = find_quantities("a depth of 2,300 feet")
    assert q.unit == "m"
    assert q.unit_text == "feet"
    assert q.original_low == q.original_high == 2300
    assert q.low == pytest.approx(701.04)


def test_output_is_ordered_and_disjoint() -> None:
    text = (
        "About 20 rebels held 74 hostages for 126 days; 225 were freed on Dec. 17 and "
        "another two, all but 3 of the 40 guards, left at 3:20 p.m. after 24 hours."
    )
    found = find_quantities(text)
    starts = [q.start for q in found]
    assert starts == sorted(starts)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    assert [q.text for q in found] == [
        "About 20",
        "74",
        "126 days",
        "225",
        "another two",
        "all but 3 of the 40",
        "24 hours",
    ]


def test_deterministic() -> None:
    text = "Between 35 and 50 rebels, some 400 hostages and 2,300 feet of tunnel."
    assert find_quantities(text) == find_quantities(text)


def test_a_figure_too_long_for_a_float_is_skipped_not_a_crash() -> None:
    from checker.extract.numbers import find_quantities

    assert find_quantities("1" * 400 + " people were evacuated") == []
    (q,) = find_quantities("9" * 400 + " people and 15 crew")
    assert (q.low, q.high) == (15, 15)
