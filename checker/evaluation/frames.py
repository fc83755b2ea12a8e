"""What the checker said a claim is about, in the gold's terms (frame, group, scope, event).

The gold speaks the claim model of the design guide; the checker's records
may be older than it. A record that carries ``frame``/``group``/``scope``/
``event`` is read as it is; otherwise they are derived from its slot name
(``<noun class>[.<predicate class>]``, ``<event>.date``), which is the only
thing older records say.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.frames import LENGTH_FRAMES, WHOLE_CLASSES, frame_of, slot_head
from checker.records import Claim, Finding, Kind

GENERIC_GROUPS = WHOLE_CLASSES


@dataclass(frozen=True)
class ClaimView:
    frame: str
    group: str | None
    scope: str | None
    background: bool


def _slot_frame(kind: Kind, slot: str, unit: str | None) -> tuple[str, str | None]:
    return frame_of(kind, slot, unit), slot_head(kind, slot, unit)


def claim_view(claim: Claim) -> ClaimView:
    frame = getattr(claim, "frame", None)
    if isinstance(frame, str) and frame:
        group = getattr(claim, "group", None)
        event = getattr(claim, "event", None) or "main"
        return ClaimView(frame, group, getattr(claim, "scope", None), event != "main")
    derived, noun = _slot_frame(claim.kind, claim.slot, claim.unit)
    group = None if noun is None or noun in GENERIC_GROUPS else noun
    background = (getattr(claim, "event", None) or "main") != "main"
    return ClaimView(derived, group, None, background)


def finding_frame(finding: Finding, kinds: dict[str, Kind]) -> str:
    """The frame of a finding: its claims' frame, else what its slot name says."""
    if finding.slot == "published":
        return "published"
    if finding.slot.startswith("name:"):
        return "name"
    kind = next((kinds[c] for c in finding.claim_ids if c in kinds), Kind.COUNT)
    if finding.slot.endswith(".date"):
        kind = Kind.DATE
    return _slot_frame(kind, finding.slot, None)[0]


# A checker frame the gold's vocabulary has no word for, and the gold frames it may be:
# bodies recovered are the toll so far after a collapse (killed) and a count of their
# own after a crash whose dead are known from the manifest (other); the day of a
# killing that is not the story's onset is another happening's onset, the end of a
# siege, or some other moment.
GOLD_READINGS = {
    "recovered": frozenset({"killed", "other"}),
    "killing": frozenset({"onset", "end", "other"}),
}


def frames_agree(gold_frame: str, frame: str) -> bool:
    if gold_frame == frame or gold_frame in GOLD_READINGS.get(frame, ()):
        return True
    return gold_frame in LENGTH_FRAMES and frame in LENGTH_FRAMES


GROUP_CLASSES: dict[str, str] = {
    **dict.fromkeys(("child", "children", "kid", "boy", "girl", "pupil", "student"), "children"),
    **dict.fromkeys(
        (
            "soldier",
            "soldiers",
            "commando",
            "troop",
            "special forces",
            "officer",
            "policeman",
            "police",
            "marine",
            "security",
            "firefighter",
            "rescuer",
        ),
        "security",
    ),
    **dict.fromkeys(
        (
            "rebel",
            "rebels",
            "attacker",
            "attackers",
            "gunman",
            "militant",
            "terrorist",
            "hijacker",
            "captor",
            "guerrilla",
            "insurgent",
            "fighter",
        ),
        "attackers",
    ),
    **dict.fromkeys(("hostage", "hostages", "captive"), "hostages"),
    **dict.fromkeys(("passenger", "passengers"), "passengers"),
    **dict.fromkeys(("crew", "crew member"), "crew"),
    **dict.fromkeys(("worker", "workers", "employee", "garment worker", "staff"), "workers"),
}


def _group_class(group: str) -> str:
    word = group.lower().strip()
    if word in GROUP_CLASSES:
        return GROUP_CLASSES[word]
    singular = _singular(word)
    return GROUP_CLASSES.get(singular, singular)


_IRREGULAR_PLURALS = {"children": "child", "people": "person", "police": "police"}


def _singular(word: str) -> str:
    """A group as the gold writes it, singular or plural: "women" and "woman" agree."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith("men"):
        return word.removesuffix("men") + "man"  # women, firemen, policemen
    if word.endswith("ies") and len(word) > 4:
        return word.removesuffix("ies") + "y"  # casualties, families
    return word.removesuffix("s")


def groups_agree(gold_group: str | None, group: str | None) -> bool:
    """A gold group must be found; a group the gold does not give is not held against."""
    if gold_group is None:
        return True
    if group is None:
        return False
    return _group_class(gold_group) == _group_class(group)
