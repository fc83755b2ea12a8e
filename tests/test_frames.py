"""Frames and groups: what a figure is about, the same for every noun and story."""

from __future__ import annotations

import pytest

from checker.frames import frame_of, group_of, narrows


@pytest.mark.parametrize(
    ("kind", "slot", "unit", "frame"),
    [
        ("count", "dead", None, "killed"),
        ("count", "people.killed", None, "killed"),
        ("count", "worshipper.killed", None, "killed"),
        ("count", "hostages", None, "held"),
        ("count", "hostages.released", None, "freed"),
        ("count", "miner.trapped", None, "held"),
        ("count", "rebels", None, "attackers"),
        ("count", "people.aboard", None, "present"),
        ("count", "dead/woman", None, "killed"),
        ("count", "boat", None, "present"),
        ("count", "bodies", None, "recovered"),
        ("date", "incident.date", None, "onset"),
        ("date", "rescue.date", None, "end"),
        ("date", "attack.end.date", None, "end"),
        ("date", "talks.end.date", None, "talks"),
        ("quantity", "magnitude", "magnitude", "magnitude"),
        ("quantity", "tunnel.length", "m", "length"),
        ("quantity", "ransom", "USD", "money"),
    ],
)
def test_the_frame_comes_from_the_slot(kind: str, slot: str, unit: str | None, frame: str) -> None:
    assert frame_of(kind, slot, unit) == frame


@pytest.mark.parametrize(
    ("slot", "noun", "nationality", "group"),
    [
        ("dead", "child", None, "child"),  # "12 children were killed"
        ("dead", "victim", None, None),  # the whole
        ("dead", "people", None, None),
        ("injured", "injure", None, None),  # "the number of injured"
        ("people.aboard", "passenger", None, "passenger"),
        ("people.aboard", "passenger", "dutch", "dutch"),  # "189 Dutch passengers"
        ("soldiers.killed", "commando", None, "soldiers"),  # a class of its own
        ("miner.rescued", "miner", None, "miner"),
        ("hostages", "hostage", "japanese", "japanese"),  # "24 Japanese hostages"
    ],
)
def test_the_group_narrows_the_whole(
    slot: str, noun: str, nationality: str | None, group: str | None
) -> None:
    assert group_of(slot, noun, nationality) == group


def test_only_a_group_less_than_the_slot_narrows_it() -> None:
    assert narrows("dead", "child")
    assert narrows("hostages", "japanese")
    assert not narrows("soldiers.killed", "soldiers")
    assert not narrows("dead", None)
