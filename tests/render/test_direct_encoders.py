"""The direct JSON encoders write exactly what the dict path writes."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.records import (
    Behaviour,
    Claim,
    CountValue,
    DateValue,
    Kind,
    NameValue,
    Qualifier,
    Timeline,
    TimelinePoint,
)
from checker.render.serialize import (
    _line,
    claim_json,
    claim_to_dict,
    dumps,
    report_json,
    report_to_dict,
    timeline_json,
    timeline_to_dict,
)
from tests.render.sample import sample_report

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
opt_texts = st.none() | texts
bounds = st.none() | st.integers(-(10**20), 10**20) | st.floats(allow_nan=True, allow_infinity=True)
dates = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
timestamps = st.datetimes(timezones=st.none() | st.timezones())
values = st.one_of(
    st.builds(CountValue, bounds, bounds),
    st.builds(DateValue, dates, dates),
    st.builds(NameValue, texts, opt_texts),
)
claims = st.builds(
    Claim,
    id=texts,
    article_id=texts,
    story=texts,
    slot=texts,
    kind=st.sampled_from(Kind),
    value=values,
    qualifier=st.sampled_from(Qualifier),
    as_of=st.none() | dates | timestamps,
    quote=texts,
    sentence=texts,
    start=st.integers(0, 10**9),
    end=st.integers(0, 10**9),
    unit=opt_texts,
    attribution=opt_texts,
    hedge=opt_texts,
    line=st.none() | st.integers(1, 10**9),
)
points = st.builds(
    TimelinePoint,
    as_of=st.none() | dates,
    low=bounds,
    high=bounds,
    claim_ids=st.lists(texts, max_size=4).map(tuple),
    change=st.sampled_from(["first", "same", "up", "down", "conflict", "revised"]),
    start_date=st.none() | dates,
    end_date=st.none() | dates,
)
timelines = st.builds(
    Timeline,
    story=texts,
    slot=texts,
    behaviour=st.sampled_from(Behaviour),
    kind=st.sampled_from(Kind),
    points=st.lists(points, max_size=4).map(tuple),
)


@settings(max_examples=300)
@given(claims)
def test_claim_json_is_the_dict_path(claim: Claim) -> None:
    assert claim_json(claim) == _line(claim_to_dict(claim))
    json.loads(claim_json(claim))


@settings(max_examples=200)
@given(timelines)
def test_timeline_json_is_the_dict_path(timeline: Timeline) -> None:
    assert timeline_json(timeline) == _line(timeline_to_dict(timeline))


def test_report_json_is_the_dict_path() -> None:
    report = sample_report()
    assert report_json(report) == dumps(report_to_dict(report))


def test_bundled_report_json_is_the_dict_path(bundled_report: object) -> None:
    from checker.records import Report

    assert isinstance(bundled_report, Report)
    assert report_json(bundled_report) == dumps(report_to_dict(bundled_report))
