"""Which recognised PERSON/ORG spans are names at all.

The entity recogniser tags words that no editor would check as a name:
a dateline's place ("LIMA --", "KATHMANDU, Nepal —") and its agency tag
("LONDON (TWS) --"), a speaker label ("CORRESPONDENT:"), time zones and
months of a timestamp line ("07:37 a.m. UTC", "MARCH 12"), a capitalised
headline's words ("MAN HELD AFTER STABBING"), a common word set in capitals
("A FIRE has badly damaged…") and a single word in quote marks ("Rapt").
Acronyms of organisations (NYPD, USDA, IRNA) stay names.
"""

from __future__ import annotations

import re

from checker.extract.dates import MONTHS, WEEKDAYS
from checker.published import TZ_OFFSETS

_DATELINE_AFTER = re.compile(
    r"(?:,\s*[\w.'’]+(?:\s+[\w.'’]+){0,3}){0,3}\s*(?:\([^()\n]{1,40}\))?\s*(?:—|–|--|-)\s"
)
_DATELINE_LEAD = re.compile(r"[A-Z][A-Z .'’-]*(?:,[^()\n]{0,40})?\(")
_QUOTES = "\"'“”‘’«»"
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(w[:3] for w in WEEKDAYS)
_ZONES = frozenset(z.casefold() for z in TZ_OFFSETS)


def is_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, recognised as a PERSON or ORG, names one."""
    span = text[start:end].strip()
    words = span.split()
    if not words:
        return False
    folded = span.casefold().rstrip(".")
    if folded in _ZONES or folded in _CALENDAR:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    before = text[line_start:start]
    after = text[end : line_end if line_end >= 0 else len(text)]
    caps = span.upper() == span and any(ch.isalpha() for ch in span)
    if caps and _dateline(before, after):
        return False
    if caps and not before.strip() and after.startswith(":"):
        return False  # a speaker label in a transcript
    if caps and _capitalised_line(line):
        return False
    if len(words) == 1 and caps and _written_lower(text, span):
        return False
    return not (len(words) == 1 and _quoted(before, after))


def _dateline(before: str, after: str) -> bool:
    """The span opens a line as a dateline: "LIMA --", "BESLAN, North Ossetia --",
    "LONDON (TWS) --" (the agency tag in its brackets is part of it)."""
    lead = before.strip()
    if lead and not _DATELINE_LEAD.fullmatch(lead):
        return False
    if lead:  # inside the agency brackets after the place
        return bool(re.match(r"\)\s*(?:—|–|--|-)\s", after))
    return bool(_DATELINE_AFTER.match(after))


def _quoted(before: str, after: str) -> bool:
    """A single word between quote marks ("Rapt"), not a possessive ("Gray's")."""
    opening, closing = before.rstrip()[-1:], after.lstrip()[:1]
    if not opening or not closing or opening not in _QUOTES or closing not in _QUOTES:
        return False
    return not re.match(r"\s*['’]\s*s\b", after)


def _capitalised_line(line: str) -> bool:
    """A headline set in capitals: at least three words, nearly all letters upper case."""
    letters = [ch for ch in line if ch.isalpha()]
    if len(line.split()) < 3 or len(letters) < 12:
        return False
    return sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


def _written_lower(text: str, word: str) -> bool:
    """The word also appears not in capitals ("fire", "Fire"): a common word set in
    capitals ("A FIRE has…"), where an acronym (NYPD) is always written the same."""
    pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
    return any(m.group() != word for m in re.finditer(pattern, text, re.I))
