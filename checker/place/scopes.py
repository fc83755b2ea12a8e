"""Placement of place scopes, story-wide: which places are the story's own.

A count its clause places ("20,000 people marched in Thessaloniki", "three
died in Hatay province") is of that place. Where the place is where the story
happens (named in more than half of its reports, and more often than any other
such place: the quake's island, the besieged town) the count is the story's
whole and is compared with the other totals; any other place's count is a part,
compared only with counts of the same place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from checker.records import Article, Claim, Kind


def story_places(claims: Iterable[Claim], articles: Sequence[Article]) -> dict[str, frozenset[str]]:
    """Per story, the place scopes of its counts that most of its reports name."""
    texts: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        texts[a.story].append(a.text.lower())
    scopes: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.kind is Kind.COUNT and c.scope is not None:
            scopes[c.story].add(c.scope)
    out: dict[str, frozenset[str]] = {}
    for story, places in scopes.items():
        reports = texts.get(story, [])
        naming: dict[str, int] = {}
        for place in places:
            name = place.lower()
            word = re.compile(rf"\b{re.escape(name)}\b")
            # the substring test first: most reports of a big story do not name a place
            named = sum(1 for t in reports if name in t and word.search(t))
            if 2 * named > len(reports):
                naming[place] = named
        # of two places most reports name (Athens, and Thessaloniki where the protest
        # spread) only the most named is where the story happens; the other is a part
        most = max(naming.values(), default=0)
        out[story] = frozenset(p for p, n in naming.items() if n == most)
    return out


def part_scope(claim: Claim, own: frozenset[str]) -> str | None:
    """The scope ``claim`` is compared within: none for a place of the story's own."""
    if claim.kind is Kind.COUNT and claim.scope in own:
        return None
    return claim.scope
