from __future__ import annotations

import pytest

from checker.behaviour import infer_behaviour, slot_behaviour
from checker.records import Behaviour
from checker.slots import load_lexicon

LEXICON = dict(load_lexicon().behaviour)


@pytest.mark.parametrize(
    ("slot", "expected"),
    [
        ("attack.date", Behaviour.FIXED),
        ("rescue.date", Behaviour.FIXED),
        ("talks.location", Behaviour.FIXED),
        ("anything.date", Behaviour.FIXED),
        ("dead", Behaviour.TALLY),
        ("injured", Behaviour.TALLY),
        ("police.killed", Behaviour.TALLY),
        ("miners.rescued", Behaviour.TALLY),
        ("prisoners.released", Behaviour.TALLY),
        ("suspects.arrested", Behaviour.TALLY),
        ("boys.injured", Behaviour.TALLY),
        ("boys", Behaviour.LEVEL),
        ("people.missing", Behaviour.LEVEL),
        ("ships.held", Behaviour.LEVEL),
    ],
)
def test_inference(slot: str, expected: Behaviour) -> None:
    assert infer_behaviour(slot) is expected
    assert slot_behaviour(slot, {}, {}) is expected


def test_lexicon_table_beats_inference() -> None:
    # inference would say tally for *.released ... the lexicon says what the default lexicon says
    assert slot_behaviour("rebels", LEXICON, {}) is Behaviour.FIXED
    assert slot_behaviour("guests", LEXICON, {}) is Behaviour.FIXED
    assert slot_behaviour("hostages", LEXICON, {}) is Behaviour.LEVEL
    assert slot_behaviour("dead", {"dead": "level"}, {}) is Behaviour.LEVEL


def test_config_override_beats_lexicon() -> None:
    assert slot_behaviour("rebels", LEXICON, {"rebels": Behaviour.LEVEL}) is Behaviour.LEVEL
    assert slot_behaviour("hostages", LEXICON, {"hostages": Behaviour.TALLY}) is Behaviour.TALLY


def test_glob_patterns_exact_first_then_longest() -> None:
    overrides = {"*.killed": Behaviour.LEVEL, "soldiers.*": Behaviour.FIXED}
    assert slot_behaviour("police.killed", {}, overrides) is Behaviour.LEVEL
    # both patterns match: the longer one wins
    assert slot_behaviour("soldiers.killed", {}, overrides) is Behaviour.FIXED
    assert slot_behaviour(
        "soldiers.killed", {}, {**overrides, "soldiers.killed": Behaviour.TALLY}
    ) is (Behaviour.TALLY)
    assert slot_behaviour("x.killed", {"*.killed": "fixed"}, {}) is Behaviour.FIXED


def test_bad_lexicon_value() -> None:
    with pytest.raises(ValueError):
        slot_behaviour("x", {"x": "sometimes"}, {})


def test_custom_event_classes() -> None:
    assert slot_behaviour("quake.magnitude", {}, {}, events={"quake"}) is Behaviour.FIXED
    assert slot_behaviour("quake.magnitude", {}, {}) is Behaviour.LEVEL


def test_those_still_in_hospital_are_a_state_though_the_injured_are_a_tally() -> None:
    assert slot_behaviour("injured/in hospital", {}, {}) is Behaviour.LEVEL
    assert slot_behaviour("injured/child/in hospital", {}, {}) is Behaviour.LEVEL
    assert slot_behaviour("injured/child", {}, {}) is Behaviour.TALLY
