"""A day a report tells with no event word is the onset's or the end's, on their day."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.place.moments import MOMENT_SLOT, place_onset_moments, place_siege_end_days
from checker.records import Claim, CountValue, Kind
from tests.factories import date_claim

ONSET, END = dt.date(2004, 9, 1), dt.date(2004, 9, 3)


def _moment(article_id: str, day: dt.date, story: str = "s") -> Claim:
    return date_claim(article_id, MOMENT_SLOT, day, story=story)


def test_a_moment_on_the_onset_day_is_the_onset_and_on_the_end_day_the_end() -> None:
    claims = [_moment("s/a", ONSET), _moment("s/a", END), _moment("s/a", dt.date(2004, 9, 2))]
    placed = place_onset_moments(claims, {"s": ONSET}, {"s": ("attack.end", END)}, frozenset())
    assert [c.slot for c in placed] == ["attack.date", "attack.end.date", MOMENT_SLOT]
    assert placed[0].doubt is not None and placed[0].id != claims[0].id
    assert placed[2].doubt is None


def test_a_disaster_s_onset_is_an_incident() -> None:
    (placed,) = place_onset_moments([_moment("s/a", ONSET)], {"s": ONSET}, {}, frozenset({"s"}))
    assert placed.slot == "incident.date"


def test_a_story_with_no_onset_word_has_the_day_most_reports_tell() -> None:
    escape = dt.date(2009, 11, 30)
    claims = [_moment("e/a", escape, "e"), _moment("e/b", escape, "e"), _moment("e/b", ONSET, "e")]
    placed = place_onset_moments(claims, {}, {}, frozenset())
    assert [c.slot for c in placed] == ["attack.date", "attack.date", MOMENT_SLOT]
    # one report alone does not make a day the story's
    alone = place_onset_moments([_moment("e/a", escape, "e")], {}, {}, frozenset())
    assert alone[0].slot == MOMENT_SLOT


def test_a_moment_of_another_happening_is_its_onset() -> None:
    other = replace(_moment("s/a", dt.date(2014, 3, 8)), event="background")
    (placed,) = place_onset_moments([other], {"s": ONSET}, {}, frozenset())
    assert (placed.slot, placed.event) == ("attack.date", "background")


def test_an_attack_on_the_day_a_siege_ended_is_its_end() -> None:
    held = date_claim("s/a", "hostages", ONSET, story="s")
    held = replace(held, kind=Kind.COUNT, value=CountValue(354, 354))
    fighting = date_claim("s/b", "incident.date", END, story="s")
    seizure = date_claim("s/b", "attack.date", ONSET, story="s")
    ends = {"s": ("attack.end", END)}
    placed = place_siege_end_days([held, fighting, seizure], {"s": ONSET}, ends)
    assert [c.slot for c in placed[1:]] == ["attack.end.date", "attack.date"]
    # no hostages, no siege: a later attack stays what it is
    alone = place_siege_end_days([fighting], {"s": ONSET}, ends)
    assert alone[0].slot == "incident.date"
