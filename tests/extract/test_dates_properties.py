"""Property tests: find_dates never raises and its spans are exact."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.dates import find_dates, find_durations

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
