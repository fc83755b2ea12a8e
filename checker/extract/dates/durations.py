"""Durations and day counts ("for four months", "the 118th day of the siege"): not dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.dates.patterns import _F, _NUM
from checker.extract.dates.vocabulary import _ORDINALS, UNIT_DAYS, number_value
from checker.extract.prechecks import Prechecked, fold, precheck


@dataclass(frozen=True)
class Duration:
    """A stretch of time or a count of days: "for four months", "the 118th day of the siege".

    ``amount``/``unit`` as written ("week", 18); ``days`` the length in days
    (months count 30, years 365). ``kind`` is "length" ("for four months",
    "an 18-week standoff"), "ordinal" ("the 118th day of the siege": day 118
    of the event, counting the first as day 1), "after"/"before" ("24 days
    after the attack") or "ago" ("24 days ago"). ``reference`` is the event
    it counts from when the text names it ("the siege", "the attack").
    """

    start: int
    end: int
    text: str
    amount: int
    unit: str
    days: int
    kind: str
    reference: str | None = None


_RE_DUR = re.compile(
    rf"\b(?P<n>{_NUM}|\d{{1,4}})[\s-]+(?P<unit>day|week|fortnight|month|year|hour|minute)s?"
    rf"(?P<suffix>-long|-old)?\b(?:\s+(?P<rel>ago|after|before|into|of)\b)?",
    _F,
)
_RE_ORD = re.compile(
    rf"\b(?:the\s+)?(?P<n>\d{{1,4}}(?:st|nd|rd|th)|{'|'.join(_ORDINALS)})\s+"
    r"(?P<unit>day|week|month|year)\s+(?:of|in|into|since)\s+(?P<ref>(?:the|a|an|its|their|this)"
    r"\s+[\w-]+(?:\s+[\w-]+)?)",
    _F,
)
_REF = re.compile(r"\s+(?P<ref>(?:the|a|an|its|their|his|her|this|that)\s+[\w-]+)", _F)


@lru_cache(maxsize=1)
def _prechecked() -> tuple[Prechecked, Prechecked]:
    """The two patterns with their pre-checks (``prechecks``), derived on first use."""
    return precheck(_RE_ORD), precheck(_RE_DUR)


def find_durations(text: str) -> list[Duration]:
    """Durations and day counts, ordered by start offset (ages such as "18-year-old" excluded)."""
    out: list[Duration] = []
    taken: list[tuple[int, int]] = []
    day_counts, durations = _prechecked()  # the matches of finditer, found sooner
    folded = fold(text)
    for m in day_counts.finditer(text, folded):
        ns = m["n"].lower()
        num = int(re.sub(r"\D", "", ns)) if ns[0].isdigit() else _ORDINALS[ns]
        unit = m["unit"].lower()
        out.append(
            Duration(
                m.start(), m.end(), m[0], num, unit, num * UNIT_DAYS[unit], "ordinal", m["ref"]
            )
        )
        taken.append((m.start(), m.end()))
    for m in durations.finditer(text, folded):
        if m["suffix"] and m["suffix"].lower() == "-old":
            continue
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        n = number_value(m["n"])
        if n is None:
            continue
        unit = m["unit"].lower()
        rel = (m["rel"] or "").lower()
        days = n * UNIT_DAYS.get(unit, 0) if unit in UNIT_DAYS else 0
        kind = {"ago": "ago", "after": "after", "before": "before"}.get(rel, "length")
        end = (
            m.end()
            if rel in ("ago", "after", "before")
            else m.end("unit") + (len(m["suffix"]) if m["suffix"] else 0)
        )
        if rel not in ("ago", "after", "before") and text[end : end + 1].lower() == "s":
            end += 1
        ref = None
        if kind in ("after", "before"):
            r = _REF.match(text, m.end())
            ref = r["ref"] if r else None
        out.append(Duration(m.start(), end, text[m.start() : end], n, unit, days, kind, ref))
    return sorted(out, key=lambda d: (d.start, d.end))
