"""Another flight's figures: a sentence about a flight the story is not about.

"Its flight MH370 vanished with 239 people on board" in a story about MH17 is
another happening: the story's own flight is the code most of its reports name
(MH17); a sentence that names flight codes, none of them the story's, speaks of
another one. A story no flight code runs through is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from checker.records import Article

_FLIGHT = re.compile(r"\b([A-Z]{2})\s?(\d{1,4})\b")


def flight_codes(text: str) -> frozenset[str]:
    """The flight codes ``text`` names, spaces taken out ("MH 17" is MH17)."""
    return frozenset(a + b for a, b in _FLIGHT.findall(text))


def story_flights(articles: Iterable[Article]) -> dict[str, frozenset[str]]:
    """Per story, the flight codes more than half of its reports name."""
    reports: Counter[str] = Counter()
    naming: dict[str, Counter[str]] = defaultdict(Counter)
    for a in articles:
        reports[a.story] += 1
        naming[a.story].update(flight_codes(a.text))
    return {
        story: frozenset(code for code, n in naming[story].items() if 2 * n > total)
        for story, total in reports.items()
    }


def names_another_flight(sentence: str, own: frozenset[str]) -> bool:
    """``sentence`` names flights, none of them the story's own (a story with one)."""
    named = flight_codes(sentence)
    return bool(own) and bool(named) and not named & own
