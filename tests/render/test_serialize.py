"""The output contract: key order, value shapes, numbers, dates."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace

import pytest

from checker.records import (
    Article,
    Behaviour,
    CountValue,
    DateValue,
    InputError,
    Kind,
    NameValue,
    Report,
    Timeline,
    TimelinePoint,
)
from checker.render.serialize import (
    Index,
    article_to_dict,
    claim_position,
    claim_to_dict,
    error_to_dict,
    finding_to_dict,
    num,
    report_to_dict,
    summary_to_dict,
    timeline_to_dict,
    value_to_dict,
)
from tests.factories import article, count_claim, date_claim, name_claim
from tests.render.sample import sample_report


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (74.0, 74),
        (9.5, 9.5),
        (None, None),
        (0.0, 0),
        (-3.0, -3),
        (math.inf, None),
        (math.nan, None),
    ],
)
def test_num(given: float | None, expected: object) -> None:
    out = num(given)
    assert out == expected
    assert type(out) is type(expected)


def test_value_shapes() -> None:
    assert value_to_dict(CountValue(20.0, None)) == {"low": 20, "high": None}
    assert value_to_dict(DateValue(dt.date(1996, 12, 17), dt.date(1996, 12, 31))) == {
        "start": "1996-12-17",
        "end": "1996-12-31",
    }
    assert value_to_dict(NameValue("MRTA", "Tupac Amaru")) == {
        "text": "MRTA",
        "canonical": "Tupac Amaru",
    }


def test_article_keys_and_optional_fields() -> None:
    plain = article_to_dict(article("a", dt.date(1997, 1, 10)))
    assert list(plain) == [
        "id",
        "path",
        "title",
        "source",
        "published",
        "published_basis",
        "story",
    ]
    assert plain["published"] == "1997-01-10"
    full = article_to_dict(
        replace(
            article("a", dt.datetime(1997, 1, 10, 8, 0, tzinfo=dt.UTC)),
            url="https://example.org/a",
            published_evidence="LIMA, Jan. 10",
        )
    )
    assert list(full) == [
        "id",
        "path",
        "title",
        "source",
        "published",
        "published_basis",
        "published_evidence",
        "story",
        "url",
    ]
    assert full["published"] == "1997-01-10T08:00:00+00:00"


def test_claim_keys_in_contract_order() -> None:
    claim = count_claim("a", "hostages", 74, as_of=dt.date(1997, 1, 10))
    assert list(claim_to_dict(claim)) == [
        "id",
        "article_id",
        "story",
        "slot",
        "kind",
        "value",
        "unit",
        "qualifier",
        "as_of",
        "quote",
        "sentence",
        "start",
        "end",
        "line",
        "attribution",
        "hedge",
        "event",
        "superseded",
        "scope",
        "frame",
        "group",
        "confidence",
        "doubt",
    ]
    assert claim_to_dict(claim)["frame"] == "held"
    assert claim_to_dict(claim)["value"] == {"low": 74, "high": 74}
    assert claim_to_dict(date_claim("a", "attack.date", dt.date(1996, 12, 17)))["kind"] == "date"
    assert claim_to_dict(name_claim("a", "leader", "Cerpa"))["as_of"] is None


def test_finding_and_error_keys() -> None:
    report = sample_report()
    assert list(finding_to_dict(report.findings[0])) == [
        "id",
        "type",
        "severity",
        "story",
        "slot",
        "claim_ids",
        "outliers",
        "outlier_reports",
        "message",
    ]
    assert error_to_dict(InputError("x.csv", "bad row", row=3)) == {
        "path": "x.csv",
        "row": 3,
        "message": "bad row",
    }


def test_date_timeline_points_carry_start_end_and_null_bounds() -> None:
    timeline = Timeline(
        "s",
        "attack.date",
        Behaviour.FIXED,
        Kind.DATE,
        (
            TimelinePoint(
                dt.date(1996, 12, 17),
                1.0,
                2.0,
                ("c1",),
                "first",
                start_date=dt.date(1996, 12, 17),
                end_date=dt.date(1996, 12, 18),
            ),
        ),
    )
    (point,) = timeline_to_dict(timeline)["points"]
    assert point == {
        "as_of": "1996-12-17",
        "low": None,
        "high": None,
        "start": "1996-12-17",
        "end": "1996-12-18",
        "claim_ids": ["c1"],
        "change": "first",
    }


def test_count_timeline_points_have_no_dates() -> None:
    timeline = sample_report().timelines[0]
    for point in timeline_to_dict(timeline)["points"]:
        assert list(point) == ["as_of", "low", "high", "claim_ids", "change"]


def test_report_top_level_order_and_summary() -> None:
    doc = report_to_dict(sample_report())
    assert list(doc) == [
        "version",
        "articles",
        "claims",
        "findings",
        "timelines",
        "errors",
        "summary",
    ]
    assert doc["version"] == 1
    assert doc["summary"] == {
        "articles": 3,
        "claims": 10,
        "timelines": 6,
        "findings": {
            "contradiction": 2,
            "stale": 1,
            "revision": 1,
            "regression": 1,
            "spelling": 1,
            "metadata": 1,
        },
        "severity": {"error": 2, "warning": 3, "info": 2},
        "errors": 2,
    }


def test_empty_summary_lists_every_key() -> None:
    summary = summary_to_dict(Report((), (), (), ()))
    assert summary["findings"] == dict.fromkeys(
        ["contradiction", "stale", "revision", "regression", "spelling", "metadata"], 0
    )
    assert summary["severity"] == {"error": 0, "warning": 0, "info": 0}


def _article(text: str, line_offset: int = 0) -> Article:
    return Article(id="a", path="r/a.md", text=text, line_offset=line_offset)


def test_position_counts_lines_and_columns() -> None:
    text = "first line\nsecond has 74 hostages\n"
    start = text.index("74 hostages")
    claim = replace(
        count_claim("a", "hostages", 74, as_of=None), start=start, end=start + len("74 hostages")
    )
    pos = claim_position(claim, _article(text, line_offset=3))
    assert pos is not None
    assert (pos.path, pos.line, pos.column, pos.end_line, pos.end_column) == (
        "r/a.md",
        5,
        12,
        5,
        23,
    )


def test_position_prefers_the_claim_line() -> None:
    text = "a\nb 74\n"
    claim = replace(count_claim("a", "x", 74, as_of=None), start=4, end=6, line=40)
    pos = claim_position(claim, _article(text))
    assert pos is not None and pos.line == 40 and pos.column == 3


def test_position_spanning_lines() -> None:
    text = "about\ntwenty rebels"
    claim = replace(count_claim("a", "x", 20, as_of=None), start=0, end=len(text))
    pos = claim_position(claim, _article(text))
    assert pos is not None
    assert (pos.line, pos.column, pos.end_line, pos.end_column) == (1, 1, 2, 14)


def test_position_outside_the_text_has_no_column() -> None:
    claim = replace(count_claim("a", "x", 20, as_of=None), start=50, end=60)
    pos = claim_position(claim, _article("short"))
    assert pos is not None and pos.line == 1 and pos.column is None
    assert claim_position(claim, None) is None


def test_index_article_ids_unique_in_claim_order() -> None:
    index = Index(sample_report())
    assert index.article_ids(["c-r-b", "c-h-a", "c-r-a", "nope"]) == ["wire/b", "wire/a"]
