"""Bare counts of a group take the frame the story gives that group."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.place.groups import place_bare_groups
from checker.records import Claim
from tests.factories import count_claim

DAY = dt.date(2013, 7, 27)


def _men(article_id: str, slot: str, n: int, group: str = "man") -> Claim:
    return replace(count_claim(article_id, slot, n, as_of=DAY, story="heist"), group=group)


def test_a_bare_count_takes_the_frame_most_of_its_group_s_counts_have() -> None:
    claims = [
        _men("a", "people.attacking", 4),
        _men("b", "people.attacking", 4),
        _men("c", "people", 4),
        _men("c", "people", 3),  # another number: other people
    ]
    placed = place_bare_groups(claims)
    assert [c.slot for c in placed] == ["people.attacking"] * 3 + ["people"]
    assert placed[2].doubt is not None and placed[2].id != claims[2].id
    assert placed[0].doubt is None


def test_no_frame_most_agree_on_leaves_it_bare() -> None:
    claims = [
        _men("a", "people.attacking", 2),
        _men("b", "people.killed", 2),
        _men("c", "people", 2),
    ]
    assert place_bare_groups(claims)[2].slot == "people"


def test_things_and_nationalities_are_left_as_they_are() -> None:
    rifles = [_men("a", "rifle.attacked", 6, "rifle"), _men("b", "rifle", 6, "rifle")]
    australians = [
        _men("a", "people.aboard", 27, "australian"),
        _men("b", "people", 27, "australian"),
    ]
    placed = place_bare_groups([*rifles, *australians], frozenset({"australian"}))
    assert [c.slot for c in placed] == ["rifle.attacked", "rifle", "people.aboard", "people"]
