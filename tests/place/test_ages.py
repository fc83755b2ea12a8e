"""Whose age each age claim is, settled story-wide."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.extract.ages import AGE_SLOT
from checker.place.ages import place_ages
from checker.records import Claim
from tests.factories import count_claim

DAY = dt.date(2007, 4, 9)


def _age(article_id: str, years: int, scope: str | None) -> Claim:
    claim = count_claim(article_id, AGE_SLOT, years, as_of=DAY, story="troy")
    return replace(claim, scope=scope)


def test_a_surname_alone_is_the_one_person_of_that_surname() -> None:
    placed = place_ages([_age("a", 38, "anthony lacalamita"), _age("b", 38, "lacalamita")])
    assert [c.scope for c in placed] == ["anthony lacalamita"] * 2


def test_a_surname_two_people_share_stays_as_it_is() -> None:
    claims = [_age("a", 20, "ann riva"), _age("a", 47, "paul riva"), _age("b", 47, "riva")]
    assert [c.scope for c in place_ages(claims)] == ["ann riva", "paul riva", "riva"]


def test_an_age_of_nobody_named_is_the_one_person_the_story_gives_it_for() -> None:
    placed = place_ages([_age("a", 63, "madeline kafoury"), _age("b", 63, None)])
    assert placed[1].scope == "madeline kafoury"
    assert placed[1].doubt is not None and "Madeline Kafoury" in placed[1].doubt
    assert placed[0].doubt is None


def test_an_age_two_people_share_stays_nobody_s() -> None:
    claims = [_age("a", 48, "alan steinberg"), _age("a", 48, "jean larson"), _age("b", 48, None)]
    assert place_ages(claims)[2].scope is None


def test_an_age_no_one_is_named_with_stays_nobody_s() -> None:
    claims = [_age("a", 38, "anthony lacalamita"), _age("b", 39, None)]
    assert place_ages(claims)[1].scope is None


def test_other_stories_do_not_lend_their_people() -> None:
    other = replace(_age("x", 63, None), story="elsewhere")
    assert place_ages([_age("a", 63, "madeline kafoury"), other])[1].scope is None


def test_spellings_of_one_name_are_one_owner_under_the_most_used() -> None:
    claims = [
        _age("a", 36, "duncan rait"),
        _age("b", 36, "duncan rait"),
        _age("c", 36, "duncan raite"),
        _age("d", 36, None),
    ]
    assert place_ages(claims)[3].scope == "duncan rait"
