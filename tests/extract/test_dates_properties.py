"""Property tests: find_dates never raises and its spans are exact; its fast paths (the
recognisers' pre-checks, the memo key without story years) change nothing."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.dates import find_dates, find_durations, scan
from checker.extract.prechecks import Prechecked

WORDS = [
    "Dec.",
    "17",
    "1996",
    "Friday",
    "early",
    "late",
    "last",
    "next",
    "week",
    "ago",
    "24",
    "days",
    "May",
    "may",
    "March",
    "march",
    "yesterday",
    "today",
    "tonight",
    "overnight",
    "2:50",
    "a.m.",
    "p.m.",
    "the",
    "day",
    "before",
    "after",
    "mid-January",
    "in",
    "on",
    "since",
    "12/17/96",
    "1996-12-17",
    "Q3",
    "2009",
    "quarter",
    "third",
    "'70s",
    "'82",
    "Sunday",
    "Times",
    ",",
    ".",
    "-",
    "30",
    "Feb.",
    "29",
    "0",
    "9999",
    "0001",
    "31/02/2000",
    "will",
    "said",
    "month",
    "this",
    "year",
    "weekend",
    "the end of",
    "noon",
    "midnight",
    "1052",
    "GMT",
    "two",
    "three",
    "later",
]
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join),
)
anchors = st.one_of(st.none(), st.dates(), st.just(dt.date.min), st.just(dt.date.max))
story_years = st.lists(st.integers(min_value=-5, max_value=10000), max_size=3)


@settings(max_examples=400, deadline=None)
@given(text=texts, anchor=anchors, years=story_years)
def test_find_dates_total_and_exact(text: str, anchor: dt.date | None, years: list[int]) -> None:
    mentions = find_dates(text, anchor, story_years=years)
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert (m.start_date is None) == (m.end_date is None)
        if m.start_date is not None and m.end_date is not None:
            assert m.start_date <= m.end_date
        if not m.anchored:
            assert m.start_date is None
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start  # no overlapping mentions


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_find_durations_total_and_exact(text: str) -> None:
    for d in find_durations(text):
        assert text[d.start : d.end] == d.text
        assert d.days >= 0


# ------------------------------------------------------------- the fast paths of the scan

_CASES = yaml.safe_load((Path(__file__).parent / "cases" / "dates.yaml").read_text("utf-8"))
_CASE_TEXTS = [c["text"] for c in _CASES]
_UNMEMOISED = scan._find_dates.__wrapped__


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.sampled_from(_CASE_TEXTS), texts),
    anchor=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    years=st.lists(st.integers(min_value=1, max_value=9999), min_size=1, max_size=3),
)
def test_story_years_change_nothing_with_an_anchor(
    text: str, anchor: dt.date, years: list[int]
) -> None:
    """Why ``find_dates`` leaves the story's years out of its memo key when there is an
    anchor: the scan with them and without them is the same."""
    assert _UNMEMOISED(text, anchor, tuple(years)) == _UNMEMOISED(text, anchor, ())


def test_story_years_still_count_without_an_anchor() -> None:
    text = "The talks resumed on Dec. 17."
    assert find_dates(text, None, story_years=[1996])[0].start_date == dt.date(1996, 12, 17)
    assert find_dates(text, None, story_years=[2001])[0].start_date == dt.date(2001, 12, 17)
    assert find_dates(text, None)[0].start_date is None


def _full_scans() -> tuple[Prechecked, ...]:
    """The slow path: every recogniser's pattern over the whole text, no pre-check."""
    return tuple(Prechecked(r.pattern, None, frozenset()) for r in scan.RECOGNISERS)


def test_checked_scan_finds_what_a_full_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every date case, with its anchor and without, with and without the recognisers'
    pre-checks (``checker/extract/prechecks.py``): the same mentions."""
    jobs = [
        (c["text"], anchor, years)
        for c in _CASES
        for anchor in (dt.date.fromisoformat(str(c["anchor"])) if c.get("anchor") else None, None)
        for years in ((), (1996, 1997))
    ]
    fast = [_UNMEMOISED(*job) for job in jobs]
    monkeypatch.setattr(scan, "_prechecked", _full_scans)
    slow = [_UNMEMOISED(*job) for job in jobs]
    assert fast == slow
    assert sum(len(found) for found in fast) > len(_CASES)  # the cases hold dates


@settings(max_examples=200, deadline=None)
@given(text=texts, anchor=anchors)
def test_checked_scan_agrees_on_generated_text(text: str, anchor: dt.date | None) -> None:
    fast = _UNMEMOISED(text, anchor, ())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scan, "_prechecked", _full_scans)
        assert _UNMEMOISED(text, anchor, ()) == fast
