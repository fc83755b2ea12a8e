"""Publication dates: text datelines, upper bounds, inference from internal evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.published import (
    check_consistency,
    find_text_date,
    find_update_day,
    find_upper_bound,
    infer_published,
    resolve_published,
)
from checker.records import PublishedBasis

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "000_0812fcdc0b19a89e.txt").read_text(
    encoding="utf-8"
)
BOUND = dt.date(2016, 7, 27)


def test_seed_upper_bound_is_the_last_updated_line() -> None:
    assert find_upper_bound(SEED) == BOUND


def test_seed_has_no_text_date() -> None:
    # "LIMA, Peru --" carries no date; "Last Updated" is never a publication date
    assert find_text_date(SEED) is None


def test_seed_alone_leaves_the_year_open() -> None:
    result = resolve_published(None, SEED)
    assert result.basis is PublishedBasis.INFERRED
    assert result.published is None
    assert result.upper_bound == BOUND
    assert dt.date(1997, 1, 10) in result.candidates
    assert dt.date(2003, 1, 10) in result.candidates
    assert dt.date(2014, 1, 10) in result.candidates
    assert all(c <= BOUND for c in result.candidates)
    assert all(c.weekday() == 4 and (c.month, c.day) == (1, 10) for c in result.candidates)
    assert result.evidence is not None
    assert "24 days ago" in result.evidence and "Dec. 17" in result.evidence
    assert "early Friday" in result.evidence


def test_seed_with_story_years_is_fixed() -> None:
    result = resolve_published(None, SEED, story_years=[1996, 1997])
    assert result.basis is PublishedBasis.INFERRED
    assert result.published == dt.date(1997, 1, 10)
    assert result.candidates == (dt.date(1997, 1, 10),)


def test_infer_without_bound_stays_in_default_range() -> None:
    inf = infer_published(SEED, upper_bound=None, story_years=())
    assert inf.date is None
    assert dt.date(2025, 1, 10) in inf.candidates
    assert dt.date(1997, 1, 10) in inf.candidates


def test_infer_without_pair_gives_nothing() -> None:
    inf = infer_published("Rebels fired shots early Friday.", upper_bound=None, story_years=())
    assert inf.date is None and inf.candidates == ()


def test_infer_pair_needs_the_same_trigger() -> None:
    text = (
        "Talks collapsed Dec. 17 in the capital. The rebels, who stormed the residence "
        "24 days ago, are armed."
    )
    assert infer_published(text, upper_bound=None, story_years=()).candidates == ()


def test_infer_with_absolute_year() -> None:
    text = "The rebels seized the embassy on Dec. 17, 1996. They seized it 24 days ago."
    inf = infer_published(text, upper_bound=None, story_years=())
    assert inf.date == dt.date(1997, 1, 10)


def test_infer_with_yesterday() -> None:
    text = "Rebels freed 38 hostages on Dec. 22, 1996. The 38 were freed yesterday, officials said."
    assert infer_published(text).date == dt.date(1996, 12, 23)


@pytest.mark.parametrize(
    ("text", "expected", "evidence"),
    [
        ("LIMA, Peru, Dec. 23, 1996 -- Rebels said", dt.date(1996, 12, 23), "LIMA, Peru, Dec. 23"),
        ("TOKYO (AP) - January 2, 1997 - The prime minister", dt.date(1997, 1, 2), "TOKYO (AP)"),
        ("Headline\n\nLIMA, Peru, 23 December 1996 - Text", dt.date(1996, 12, 23), "LIMA"),
        ("Published: March 3, 2003\nBody text.", dt.date(2003, 3, 3), "Published: March 3, 2003"),
        ("Posted on 2009-05-14\nBody text.", dt.date(2009, 5, 14), "Posted on 2009-05-14"),
        ("Monday, December 23, 1996\n\nBody text.", dt.date(1996, 12, 23), "Monday, December"),
    ],
)
def test_text_dates(text: str, expected: dt.date, evidence: str) -> None:
    td = find_text_date(text)
    assert td is not None and td.date == expected
    assert td.evidence.startswith(evidence)


def test_posted_line_with_time_and_zone() -> None:
    td = find_text_date("Hostages freed\nPOSTED: 1052 GMT (1852 HKT), April 10,2007\nText")
    assert td is not None
    assert td.date == dt.date(2007, 4, 10)
    assert td.time == dt.time(10, 52) and td.tz == "GMT"
    assert td.timestamp == dt.datetime(2007, 4, 10, 10, 52, tzinfo=dt.UTC)


def test_yearless_dateline() -> None:
    text = "LIMA, Peru (Reuters) - Dec 23 - Rebels freed more hostages."
    td = find_text_date(text)
    assert td is not None
    assert (td.month, td.day, td.year, td.date) == (12, 23, None, None)
    assert td.evidence == "LIMA, Peru (Reuters) - Dec 23 -"
    fixed = resolve_published(None, text, story_years=[1996])
    assert fixed.published == dt.date(1996, 12, 23)
    assert fixed.basis is PublishedBasis.TEXT
    assert resolve_published(None, text).basis is PublishedBasis.UNKNOWN


@pytest.mark.parametrize(
    "text",
    [
        "Last Updated: 07/27/2016\nBody text.",
        "Updated: March 3, 2003\nBody text.",
        "Page last modified on 2011-01-05\nBody.",
        "Copyright 2016 Example News. All rights reserved.",
    ],
)
def test_update_lines_are_never_the_text_date(text: str) -> None:
    assert find_text_date(text) is None
    assert find_upper_bound(text) is not None


def test_upper_bound_takes_the_tightest() -> None:
    text = "Last Updated: 07/27/2016\nBody.\n© 2018 Example"
    assert find_upper_bound(text) == BOUND


def test_resolution_order() -> None:
    text = "LIMA, Peru, Dec. 23, 1996 -- Rebels said."
    meta = dt.date(1996, 12, 24)
    assert resolve_published(meta, text).basis is PublishedBasis.METADATA
    assert resolve_published(meta, text).published == meta
    by_text = resolve_published(None, text)
    assert by_text.basis is PublishedBasis.TEXT
    assert by_text.published == dt.date(1996, 12, 23)
    assert resolve_published(None, "No dates here.").basis is PublishedBasis.UNKNOWN


def test_posted_timestamp_kept() -> None:
    result = resolve_published(None, "POSTED: 1052 GMT (1852 HKT), April 10,2007\nText")
    assert isinstance(result.published, dt.datetime)
    assert result.published.tzinfo is not None


def test_consistency_clean_for_the_right_date() -> None:
    assert check_consistency(dt.date(1997, 1, 10), SEED) == []


def test_past_weekday_wording_is_no_problem() -> None:
    """ "early Friday" in a report of a later day tells of that Friday."""
    assert check_consistency(dt.date(1997, 1, 8), SEED) == []


def test_a_weekday_that_contradicts_its_date() -> None:
    text = "The rebels freed 38 hostages on Thursday, Dec. 20, 1996, officials said."
    msgs = check_consistency(dt.date(1996, 12, 22), text)
    assert msgs == ["'Thursday, Dec. 20, 1996' names a Thursday, but 1996-12-20 is a Friday"]
    assert check_consistency(dt.date(1996, 12, 22), text.replace("Thursday", "Friday")) == []


def test_consistency_dateline_disagrees() -> None:
    msgs = check_consistency(dt.date(1996, 12, 27), "LIMA, Peru, Dec. 23, 1996 -- Rebels said.")
    assert any("dateline" in m for m in msgs)


def test_consistency_future_dates() -> None:
    text = "Troops withdrew on March 9, 2003. Elections will be held on April 2, 2003."
    msgs = check_consistency(dt.date(2003, 3, 5), text)
    assert len(msgs) == 1 and "March 9, 2003" in msgs[0]


def test_consistency_without_date() -> None:
    assert check_consistency(None, SEED) == []


@pytest.mark.parametrize(
    ("line", "day", "time"),
    [
        ("June 17,2017|6:15 pm", dt.date(2017, 6, 17), dt.time(18, 15)),
        ("Wed Apr 24 2013,21:05 hrs", dt.date(2013, 4, 24), dt.time(21, 5)),
        ("Tue Jul 02 2013,14:58 hrs", dt.date(2013, 7, 2), dt.time(14, 58)),
        ("11 / 10 / 11 02:39 PM ET", dt.date(2011, 11, 10), dt.time(14, 39)),
        ("07 / 17 / 14 01:55 PM ET", dt.date(2014, 7, 17), dt.time(13, 55)),
        ("November 14,2011|12:35 pm", dt.date(2011, 11, 14), dt.time(12, 35)),
        ("8:05am UK, Monday 16 September 2013", dt.date(2013, 9, 16), dt.time(8, 5)),
    ],
)
def test_timestamp_lines_are_read_with_their_year(line: str, day: dt.date, time: dt.time) -> None:
    td = find_text_date(f"{line}\n\nHeadline of the day\n\nLONDON, June 3 (X) -- Text.")
    assert td is not None and (td.date, td.time, td.kind) == (day, time, "timestamp")


@pytest.mark.parametrize(
    "line", ["Three killed in Athens riot", "Updated 11:11 GMT", "12 of 30 passengers survived"]
)
def test_other_lines_are_not_timestamps(line: str) -> None:
    td = find_text_date(line)
    assert td is None or td.kind != "timestamp"


def test_a_yearless_dateline_cannot_postdate_its_updated_line() -> None:
    text = "Updated: June 22, 2017 7:40 p.m. ET\n\nLONDON, June 22 (AC) -- Text."
    fixed = resolve_published(None, text, story_years=[2018, 2017])
    assert fixed.published == dt.date(2017, 6, 22)


def test_a_rare_year_does_not_decide_a_story_years() -> None:
    from checker.dating import story_years
    from tests.factories import article

    reports = [article(f"s/{i}", dt.date(2013, 4, 24 + i % 5), story="s") for i in range(9)]
    reports.append(article("s/anniversary", dt.date(2014, 4, 24), story="s"))
    assert story_years(reports) == {"s": [2013]}
    reports += [article(f"s/b{i}", dt.date(2014, 1, 2), story="s") for i in range(3)]
    assert story_years(reports) == {"s": [2013, 2014]}


def test_the_update_day_is_a_day_an_updated_line_gives() -> None:
    assert find_update_day("Updated: November 11, 2011 20:09 IST\n\nText.") == dt.date(2011, 11, 11)
    assert find_update_day("Updated 4 / 9 / 2007 6:04 PM\n\n(c) 2007 Wire") is None
    assert find_update_day("No update line here, on November 11, 2011.") is None


@pytest.mark.parametrize(
    ("head", "day"),
    [
        (
            "Posted: Nov 27,2005 8:20 AM ET Last Updated: Nov 27,2005 8:10 PM ET",
            dt.date(2005, 11, 27),
        ),
        ("Friday, Sep 10,2010 | Updated 9:28 AM EDT", dt.date(2010, 9, 10)),
        ("16 September 2013 Last updated at 12:42 GMT", None),  # the update's own date
        ("Updated: November 11,2011 20:09 IST", None),
    ],
)
def test_a_publication_field_before_an_update_on_its_line(head: str, day: dt.date | None) -> None:
    found = find_text_date(f"{head}\n\nA quake struck on Sunday.")
    assert (found.date if found is not None else None) == day
