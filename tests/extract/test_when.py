"""checker.extract.when: the day a claim holds when its own clause gives none."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.extract.when import place_story_events, place_story_start
from checker.records import AsOfBasis
from tests.factories import count_claim


def test_the_story_attack_dates_an_arrest_only_in_a_report_of_unknown_date() -> None:
    attack = dt.date(2011, 11, 10)
    dated = replace(
        count_claim("s/a", "pirate.arrested", 26, as_of=dt.date(2011, 11, 12), story="s"),
        as_of_basis=AsOfBasis.AWAITING_STORY,
        awaits="arrested",
    )
    undated = replace(
        count_claim("s/b", "pirate.arrested", 26, as_of=None, story="s"),
        as_of_basis=AsOfBasis.AWAITING_STORY,
        awaits="arrested",
    )
    killed = replace(
        count_claim("s/a", "soldiers.killed", 2, as_of=dt.date(2011, 11, 12), story="s"),
        as_of_basis=AsOfBasis.AWAITING_STORY,
        awaits="killed",
    )
    placed = place_story_events(
        [dated, undated, killed], {"attack": attack}, {"s/a": dt.date(2011, 11, 12)}
    )
    assert [(c.as_of, c.as_of_basis) for c in placed] == [
        (dt.date(2011, 11, 12), "published"),
        (attack, "story_event"),
        (attack, "story_event"),
    ]


def test_a_figure_stated_initially_holds_on_the_story_start() -> None:
    start = dt.date(2004, 9, 1)
    first = replace(
        count_claim("s/a", "hostages", 354, as_of=dt.date(2004, 9, 4), story="s"),
        as_of_basis=AsOfBasis.STORY_START,
    )
    later = count_claim("s/a", "hostages", 1100, as_of=dt.date(2004, 9, 4), story="s")
    assert [c.as_of for c in place_story_start([first, later], start)] == [
        start,
        dt.date(2004, 9, 4),
    ]
