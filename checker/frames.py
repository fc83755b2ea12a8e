"""What a figure is about: its frame and the group it counts.

A slot names a claim the lexicon's way, ``<noun class>[.<predicate class>]``
("people.killed", "hostages", "attack.date"). The frame says it in the
claim model's terms (what happened to what is counted: killed, held, freed,
present; for dates the kind of happening; for quantities the dimension), the
same for every story and every noun: "five worshippers killed" and "12
people were killed" are both ``killed``. The group says who is counted when
the words narrow the frame's whole population ("12 children were killed":
``child``; "283 passengers aboard": ``passenger``; "two commandos died":
``soldiers``), and is empty for the whole ("the dead", "298 people").

This module imports nothing of the checker, so records, extraction and the
scorer can all use it.
"""

from __future__ import annotations

PREDICATE_FRAMES = {
    "released": "freed",
    "rescued": "freed",
    "freed": "freed",
    "killed": "killed",
    "injured": "injured",
    "missing": "missing",
    "held": "held",
    "trapped": "held",
    "arrested": "arrested",
    "charged": "arrested",
    "demanded": "demanded",
    "deployed": "deployed",
    "attacked": "other",
    "attacking": "attackers",  # who attacked, robbed or killed: "Four men rammed their car"
    "shot": "other",
    "seen": "present",
    "aboard": "present",
    "evacuated": "evacuated",
    "displaced": "evacuated",
}
NOUN_FRAMES = {
    "hostages": "held",
    "rebels": "attackers",
    "attackers": "attackers",
    "dead": "killed",
    "bodies": "recovered",  # bodies recovered so far: the toll in a collapse, not in a crash
    "injured": "injured",
    "arrests": "arrested",
    "missing": "missing",
    "guests": "present",
    "people": "present",
    "soldiers": "present",
    "prisoners": "other",
    "shots": "other",
    "survivor": "freed",  # "there were no survivors": nobody came out alive
}
DATE_FRAMES = {
    "attack": "onset",
    "incident": "onset",
    "rescue": "end",
    "talks": "talks",
    "release": "release",
    "arrest": "arrest",
    "court": "court",
    "recovery": "recovery",
}
UNIT_FRAMES = {
    "m": "length",
    "s": "duration",
    "kg": "weight",
    "m2": "area",
    "magnitude": "magnitude",
    "floors": "floors",
    "year": "age",
}
LENGTH_FRAMES = frozenset({"length", "distance", "height", "depth"})
# the states of those being treated, which fall as well as rise ("20 of them in
# critical care"): parts compared as levels, whatever the injured do
CARE_STATES = frozenset(
    {"critical care", "intensive care", "critical condition", "serious condition"}
)
IN_HOSPITAL_SCOPE = "in hospital"  # "34 people remained in hospital": a falling state too

# Slot heads that count everybody the frame speaks of: "the dead", "298 people".
WHOLE_CLASSES = frozenset({"people", "person", "dead", "bodies", "injured", "missing", "victims"})
# Nouns that name the whole as well: "victims", "casualties", "others".
WHOLE_NOUNS = frozenset(
    {
        "person", "people", "victim", "dead", "death", "fatality", "casualty", "body",
        "injured", "wounded", "injury", "hurt", "other", "others", "toll", "life", "soul",
        "missing", "survivor", "individual", "human", "injure", "wound", "kill", "die",
    }
)  # fmt: skip


def whole_slot(slot: str) -> str:
    """The slot a part or group is compared under, without it: ``dead/woman`` -> ``dead``."""
    return slot.split("/", 1)[0]


def frame_of(kind: str, slot: str, unit: str | None) -> str:
    """The frame of a claim of ``kind`` (a :class:`~checker.records.Kind` value)."""
    return _frame_and_head(kind, slot, unit)[0]


def slot_head(kind: str, slot: str, unit: str | None) -> str | None:
    """The noun class a slot names (``people.killed`` -> ``people``), if any."""
    return _frame_and_head(kind, slot, unit)[1]


def _frame_and_head(kind: str, slot: str, unit: str | None) -> tuple[str, str | None]:
    head, _, tail = whole_slot(slot).partition(".")
    if kind == "date":
        if tail == "end.date" and DATE_FRAMES.get(head) == "onset":
            return "end", None  # "the siege ended on Friday": attack.end.date
        return DATE_FRAMES.get(head, head if head else "other"), None
    if kind == "name":
        return "name", None
    if kind == "quantity":
        if not tail and head in UNIT_FRAMES.values():
            return head, None  # "magnitude", "floors"
        if tail in LENGTH_FRAMES or tail in UNIT_FRAMES.values():
            return tail, head
        return UNIT_FRAMES.get(unit or "", "money" if unit and len(unit) == 3 else "other"), head
    if tail:
        return PREDICATE_FRAMES.get(tail, "present"), head
    return NOUN_FRAMES.get(head, "present"), head


def group_of(slot: str, noun: str | None, nationality: str | None = None) -> str | None:
    """Who a count claim counts, when it is less than the frame's whole.

    ``noun`` is the counted noun's lemma; ``nationality`` a nationality the
    words give ("189 Dutch passengers", "27 Australians": ``dutch``,
    ``australian``), which narrows any class ("24 Japanese hostages"). A slot
    of a class of its own ("soldiers.killed", "miner.killed") is that class; a
    slot of the whole ("people.killed", "dead") is narrowed by its noun unless
    the noun names the whole too ("victims", "others").
    """
    if nationality is not None:
        return nationality
    head = _head(slot)
    if head not in WHOLE_CLASSES:
        return head
    if noun is None or noun in WHOLE_NOUNS or noun == head:
        return None
    return noun


def narrows(slot: str, group: str | None) -> bool:
    """``group`` is part of what ``slot`` counts (the children among the dead, the
    Japanese among the hostages): compared only with the same group, never with
    the whole's figures."""
    return group is not None and group != _head(slot)


def _head(slot: str) -> str:
    return whole_slot(slot).partition(".")[0]
