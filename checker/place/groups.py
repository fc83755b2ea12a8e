"""Placement of bare counts of people, story-wide: what they did or what befell them.

"Four men" with nothing said of them in one report, "Four men rammed their car
into the store" in others: the same four men, the story's attackers. A count
of a group that its own clause gives no frame ("two plainclothes officers",
"Four men") takes the frame most of the story's counts of that group and
value have ("attackers"), when most of them agree on one. The link is by
number and noun only, so it is doubtful: what it takes part in is at most a
warning.

Pure functions of claims.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from checker.frames import whole_slot
from checker.ids import reslotted
from checker.records import Claim, CountValue, Kind

_BARE_FRAME = "present"
# Counts of people only ("six AK 47 rifles" are no one), and not of a nationality: "27
# Australians" is a manifest's breakdown, compared as it stands.
_PEOPLE_HEADS = frozenset({"people", "soldiers"})
_MAIN = "main"
_SAME_PEOPLE = "nothing is said of them here; the story's other reports give as many"

_Key = tuple[str, str, str, float | None, float | None]


def _key(c: Claim, nationalities: frozenset[str]) -> _Key | None:
    value = c.value
    if c.kind is not Kind.COUNT or c.group is None or not isinstance(value, CountValue):
        return None
    head = whole_slot(c.slot).split(".", 1)[0]
    if head not in _PEOPLE_HEADS or c.group in nationalities:
        return None
    return (c.story, head, c.group, value.low, value.high)


def _is_bare(c: Claim) -> bool:
    return "." not in whole_slot(c.slot) and c.frame == _BARE_FRAME and c.event == _MAIN


def place_bare_groups(
    claims: Sequence[Claim], nationalities: frozenset[str] = frozenset()
) -> list[Claim]:
    """Give bare counts of a group the frame the story gives it (see the module);
    ``nationalities`` are the groups that name a nationality."""
    said: dict[_Key, Counter[tuple[str, str]]] = defaultdict(Counter)
    for c in claims:
        key = _key(c, nationalities)
        if key is not None and c.event == _MAIN and not _is_bare(c) and c.doubt is None:
            said[key][(c.frame, c.slot)] += 1
    out = []
    for c in claims:
        key = _key(c, nationalities)
        others = said.get(key) if key is not None and _is_bare(c) else None
        slot = _agreed_slot(others) if others else None
        if others is None or slot is None:
            out.append(c)
            continue
        frame = next(f for f, s in others if s == slot)
        doubt = c.doubt or f"{_SAME_PEOPLE} ({frame})"
        out.append(reslotted(c, slot, doubt=doubt))
    return out


def _agreed_slot(said: Counter[tuple[str, str]]) -> str | None:
    """The usual slot of the frame more than half of the counts have, if one has."""
    frames: Counter[str] = Counter()
    for (frame, _), n in said.items():
        frames[frame] += n
    frame, n = frames.most_common(1)[0]
    if 2 * n <= sum(frames.values()):
        return None
    return max(((k, s) for (f, s), k in said.items() if f == frame), key=lambda p: (p[0], p[1]))[1]
