"""Whether two spellings are one word or one name: accent- and case-folded tokens,
fuzzy matches of surnames and given names, acronyms of organisations.

Thresholds: a surname token matches at fuzzy ratio >= 80 with a length
difference of at most a quarter of the longer token ("Cerpa"/"Serpa", not
"Fujimori"/"Fujimura"); given names at >= 85 or as transliterations (the same
consonants in order: "Sohel"/"Sohail"); organisations' whole names at >= 90.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

_STOP = frozenset({"of", "the", "and", "for", "de", "del", "la", "las", "los", "el", "y", "du"})
TOKEN_RATIO = 80.0
GIVEN_RATIO = 85.0
GIVEN_VARIANT_RATIO = 75.0  # John/Joan and Mark/Mary (75) stay two people
ORG_RATIO = 90.0


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accent- and case-insensitive form, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@lru_cache(maxsize=1 << 16)
def name_tokens(text: str) -> tuple[str, ...]:
    return tuple(t.strip(".,") for t in fold(text).replace("-", " ").split() if t.strip(".,"))


def tokens_match(a: str, b: str) -> bool:
    """Two folded tokens are spellings of one word (Cerpa/Serpa, Nestor/Néstor)."""
    if a == b:
        return True
    longer = max(len(a), len(b))
    if abs(len(a) - len(b)) > max(1, longer // 4) or min(len(a), len(b)) < 3:
        return False
    return fuzz.ratio(a, b) >= TOKEN_RATIO


def _given_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= GIVEN_RATIO or given_variant(a, b)


def given_variant(a: str, b: str) -> bool:
    """Transliterations and spellings of one given name: Stuart/Stewart, Khaled/Khalid,
    Sohel/Sohail, Mohamed/Muhammad (the same consonants in the same order)."""
    if a[:1] != b[:1]:
        return False
    if abs(len(a) - len(b)) <= 1 and fuzz.ratio(a, b) > GIVEN_VARIANT_RATIO:
        return True
    skeleton = _consonants(a)
    return len(skeleton) >= 3 and skeleton == _consonants(b)


def _consonants(token: str) -> str:
    """ "sohail" -> "shl", "muhammad" -> "mhmd": vowels dropped, doubled letters once."""
    out: list[str] = []
    for ch in token:
        if ch in "aeiouy" or (out and out[-1] == ch):
            continue
        out.append(ch)
    return "".join(out)


def _run_match(short: Sequence[str], long: Sequence[str]) -> bool:
    for offset in range(len(long) - len(short) + 1):
        if all(tokens_match(s, long[offset + k]) for k, s in enumerate(short)):
            return True
    return False


def same_person(a: Sequence[str], b: Sequence[str]) -> bool:
    if not _given_match(a[0], b[0]):
        return False
    sa, sb = a[1:], b[1:]
    short, long = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return _run_match(short, long) or _joined_match(sa, sb)


def lone_words_close(a: str, b: str) -> bool:
    """Two lone words with no full name to anchor them need to be closer: one
    letter apart ("Cerpa"/"Serpa", "Kulaev"/"Kulayev"; "Charlene" and "Charlie",
    two letters apart, are two people)."""
    return Levenshtein.distance(a, b) <= 1


def surname_of(token: str, surnames: Sequence[str]) -> bool:
    """A bare surname that is one of a full name's, or all of them written as one word."""
    return any(tokens_match(token, t) for t in surnames) or (
        len(surnames) > 1 and tokens_match(token, "".join(surnames))
    )


def _joined_match(a: Sequence[str], b: Sequence[str]) -> bool:
    """A surname written as one word or two: "DelGiudice"/"Del Giudice"."""
    return len(a) != len(b) and bool(a) and bool(b) and tokens_match("".join(a), "".join(b))


def _initials(text: str) -> str:
    words = [w for w in fold(text).replace("-", " ").split() if w not in _STOP]
    return "".join(w[0] for w in words if w[0].isalpha())


def is_acronym(text: str) -> bool:
    t = text.replace(".", "")
    return 2 <= len(t) <= 8 and t.isalpha() and t.isupper()


def acronym_of(acronym: str, name: str) -> bool:
    letters = acronym.replace(".", "").casefold()
    initials = _initials(name)
    if len(initials) < 2 or " " not in name.strip():
        return False
    if letters == initials:
        return True
    if len(letters) >= 4 and len(initials) == len(letters) - 1:
        return any(letters[:k] + letters[k + 1 :] == initials for k in range(len(letters)))
    if len(letters) >= 3 and len(initials) == len(letters) + 1:
        return any(initials[:k] + initials[k + 1 :] == letters for k in range(len(initials)))
    return False
