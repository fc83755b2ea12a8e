"""Placement of tolls: when the dead and injured count, and who the victims are."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.place.tolls import (
    disaster_stories,
    place_passengers,
    place_settled_tolls,
    place_siege_tolls,
    place_victims,
)
from checker.records import AsOfBasis, CountValue
from tests.factories import count_claim, date_claim

START = dt.date(2013, 4, 24)
SIEGE_START, SIEGE_END = dt.date(2004, 9, 1), dt.date(2004, 9, 3)


def _toll(article_id: str, slot: str, low: float, published: dt.date, basis: AsOfBasis) -> object:
    claim = count_claim(article_id, slot, low, as_of=published, story="s")
    return replace(claim, as_of_basis=basis, sentence=f"In all, {low:g} people died.")


def test_the_dead_of_a_siege_fell_when_it_ended() -> None:
    later = dt.date(2004, 9, 4)
    context = _toll("s/a", "soldiers.killed", 10, later, AsOfBasis.EVENT_CONTEXT)
    own_clause = _toll("s/a", "hostages.killed", 2, later, AsOfBasis.EVENT)
    held = count_claim("s/b", "hostages", 1100, as_of=SIEGE_START, story="s")
    claims = [replace(c, as_of=SIEGE_START) for c in (context, own_clause)] + [held]  # type: ignore[type-var]
    published = {"s/a": later, "s/b": SIEGE_START}
    placed = place_siege_tolls(claims, {"s": SIEGE_START}, {"s": SIEGE_END}, published)
    assert [c.as_of for c in placed[:2]] == [SIEGE_END, SIEGE_START]
    # not a siege (nobody held): the onset's deaths stay the onset's
    alone = place_siege_tolls(claims[:1], {"s": SIEGE_START}, {"s": SIEGE_END}, published)
    assert alone[0].as_of == SIEGE_START


def test_a_toll_every_later_report_repeats_is_the_event_s_figure() -> None:
    raid = dt.date(1997, 4, 22)
    days = [raid + dt.timedelta(days=n) for n in (1, 2, 3)]
    settled = [_toll(f"s/{n}", "dead", 17, d, AsOfBasis.PUBLISHED) for n, d in enumerate(days)]
    stated = replace(settled[2], sentence="The death toll stands at 16.", value=CountValue(16, 16))  # type: ignore[type-var]
    published = {f"s/{n}": d for n, d in enumerate(days)}
    placed = place_settled_tolls([*settled[:2], stated], {"s": raid}, published)
    assert [c.as_of for c in placed] == [raid, raid, days[2]]


def test_a_toll_that_still_moves_is_a_running_total() -> None:
    end = dt.date(2004, 9, 3)
    days = [end + dt.timedelta(days=n) for n in (1, 2, 6)]
    moving = [
        _toll(f"s/{n}", "dead", low, d, AsOfBasis.PUBLISHED)
        for n, (low, d) in enumerate(zip((322, 335, 326), days, strict=True))
    ]
    published = {f"s/{n}": d for n, d in enumerate(days)}
    placed = place_settled_tolls(moving, {"s": end}, published)
    assert [c.as_of for c in placed] == days


def _victims(sentence: str, quote: str, story: str = "s") -> object:
    claim = count_claim("s/a", "people", 71, as_of=START, story=story, quote=quote)
    return replace(claim, sentence=sentence)


def test_the_victims_of_a_fire_or_a_crash_are_its_dead() -> None:
    whole = _victims("The inquest named all 71 victims.", "all 71 victims")
    other = _victims("The other 105 victims came from nine countries.", "105 victims")
    part = _victims("Police named five of the victims.", "five of the victims")
    shooting = _victims("He shot the three victims.", "three victims", story="shooting")
    of_all = _victims("The remains of two of the 298 victims are lost.", "298 victims")
    placed = place_victims([whole, other, part, shooting, of_all], frozenset({"s"}))  # type: ignore[list-item]
    # a shooting's victims are who it struck, dead or wounded
    assert [c.slot for c in placed] == ["dead", "people", "people", "people.attacked", "dead"]
    assert placed[0].id != whole.id  # type: ignore[attr-defined]


def test_a_story_is_a_disaster_when_its_onset_is_one() -> None:
    fire = [date_claim("f/a", "incident.date", START, story="f") for _ in range(2)]
    raid = [date_claim("r/a", "attack.date", START, story="r")]
    assert disaster_stories([*fire, *raid, date_claim("f/b", "attack.date", START, story="f")]) == {
        "f"
    }


def test_a_nationality_counted_in_a_crash_story_was_aboard() -> None:
    day = dt.date(2014, 7, 18)
    listed = replace(count_claim("m/0", "people", 27, as_of=day, story="m"), group="australian")
    elsewhere = replace(listed, story="q", id="q")
    unnamed = replace(listed, group=None, id="u")
    placed = place_passengers(
        [listed, elsewhere, unnamed], frozenset({"m"}), frozenset({"australian"})
    )
    assert [c.slot for c in placed] == ["people.aboard", "people", "people"]
