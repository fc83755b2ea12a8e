"""How a slot's figure may move over time: fixed, level or tally.

Resolution order for a slot such as ``hostages.released``:

1. a config override (``[tool.checker.behaviour]``): the exact slot first,
   then glob patterns (``"*.killed" = "tally"``), the longest pattern winning;
2. the lexicon's ``[behaviour]`` table (``checker/lexicon.toml``), exact slot
   then glob patterns in the same way;
3. inference from the slot's shape, ``<noun class>[.<predicate class>]``:

   - ``*.date`` (an event date) and any attribute of an event class
     (``attack.*``, ``rescue.*``, ``talks.*``, ``release.*``: the event
     classes of the lexicon) are **fixed**: a fact about a past event;
   - the noun classes ``dead`` and ``injured``, and the predicates
     ``killed``, ``injured``, ``rescued``, ``released`` and ``arrested``
     (``soldiers.killed``, ``hostages.released``) are **tally**: a running
     total that only rises;
   - everything else (``hostages``, ``people.missing``, an unknown noun) is
     **level**: a current state that may go up or down, the least
     accusing choice, since level claims only clash when they speak of the
     same time.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from fnmatch import fnmatchcase

from checker.frames import CARE_STATES, IN_HOSPITAL_SCOPE, whole_slot
from checker.records import Behaviour

EVENT_CLASSES: frozenset[str] = frozenset({"attack", "rescue", "talks", "release"})
TALLY_NOUNS: frozenset[str] = frozenset({"dead", "injured"})
TALLY_PREDICATES: frozenset[str] = frozenset(
    {"killed", "injured", "rescued", "released", "arrested"}
)


# Parts whose count is a current state, whatever their whole does: those still in
# hospital, those in critical care.
LEVEL_PARTS: frozenset[str] = frozenset({IN_HOSPITAL_SCOPE}) | CARE_STATES


def _lookup(slot: str, table: Mapping[str, object]) -> object | None:
    if slot in table:
        return table[slot]
    patterns = [p for p in table if any(ch in p for ch in "*?[") and fnmatchcase(slot, p)]
    if not patterns:
        return None
    best = max(patterns, key=lambda p: (len(p), p))
    return table[best]


def infer_behaviour(slot: str, events: Collection[str] = EVENT_CLASSES) -> Behaviour:
    """The behaviour a slot gets when neither config nor lexicon names it."""
    noun, _, predicate = slot.partition(".")
    if predicate == "date" or slot.endswith(".date") or noun in events:
        return Behaviour.FIXED
    if noun in TALLY_NOUNS or predicate in TALLY_PREDICATES:
        return Behaviour.TALLY
    return Behaviour.LEVEL


def slot_behaviour(
    slot: str,
    lexicon_behaviour: Mapping[str, str],
    overrides: Mapping[str, Behaviour],
    events: Collection[str] = EVENT_CLASSES,
) -> Behaviour:
    """Resolve a slot's behaviour: config override > lexicon table > inference.

    Unknown behaviour names in the lexicon raise ``ValueError``. A part
    (``dead/woman``) moves as its whole (``dead``) does, except a state of the whole
    that falls as it rises (``injured/in hospital``: the patients go home).
    """
    if slot.rpartition("/")[2] in LEVEL_PARTS:
        return Behaviour.LEVEL
    slot = whole_slot(slot)
    found = _lookup(slot, overrides)
    if found is not None:
        return Behaviour(str(found))
    found = _lookup(slot, lexicon_behaviour)
    if found is not None:
        return Behaviour(str(found))
    return infer_behaviour(slot, events)
