"""Whether the wording around a time expression makes it future or past."""

from __future__ import annotations

import re

_CLAUSE_BREAK = re.compile(r"[.!?;:]\s|[\n\"“”]")
_WORD = re.compile(r"[A-Za-z']+")
_FUTURE_WORDS = frozenset(
    {
        "will",
        "shall",
        "'ll",
        "ll",
        "upcoming",
        "scheduled",
        "slated",
        "planned",
        "would",
        "wo",
        "may",
        "might",
        "should",
        "must",
        "deadline",
    }
)
_FUTURE_BEFORE_TO = frozenset(
    {
        "expected",
        "set",
        "plan",
        "plans",
        "planning",
        "intends",
        "intend",
        "going",
        "is",
        "are",
        "aims",
        "aim",
        "hopes",
        "hope",
        "due",
        "wants",
        "want",
        "seeks",
        "seek",
        "agreed",
        "promised",
        "vowed",
        "pledged",
        "threatened",
        "needs",
        "has",
        "have",
    }
)
_PAST_WORDS = frozenset(
    {
        "said",
        "says",
        "told",
        "announced",
        "reported",
        "stated",
        "added",
        "confirmed",
        "declared",
        "was",
        "were",
        "had",
        "did",
        "began",
        "took",
        "came",
        "went",
        "left",
        "met",
        "held",
        "saw",
        "fell",
        "rose",
        "won",
        "lost",
        "made",
        "gave",
        "got",
        "broke",
        "ran",
        "shot",
        "found",
        "heard",
        "felt",
        "struck",
        "hit",
        "sent",
        "became",
        "wrote",
        "spoke",
        "ago",
        "last",
        "since",
    }
)
_NOT_PAST_ED = frozenset({"need", "speed", "feed", "seed", "bed", "red", "armed", "wounded"})
_LEAD_IN = frozenset({"on", "by", "early", "late", "until", "till", "from", "then", "and", "but"})


def _is_future_word(words: list[str], i: int) -> bool:
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    prv = words[i - 1] if i > 0 else ""
    if w in _FUTURE_WORDS or w == "next":
        return True
    if w == "due":
        return prv in {"is", "are", "was", "were", "be", "'s", "s"}
    return w in _FUTURE_BEFORE_TO and nxt == "to"


def _is_past_word(w: str) -> bool:
    return w in _PAST_WORDS or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED)


def tense_of(text: str, start: int, end: int) -> bool | None:
    """True when the wording makes ``text[start:end]`` a future time, False when it is past, None
    when nothing says.

    Walks back through the clause to the nearest future marker ("will",
    "is due to", "scheduled", "expected to", "may", ...) or past marker
    ("said", "was", a verb in -ed); when the expression opens its clause ("On
    Friday the talks will ..."), looks a few words ahead instead.
    """
    lo = max(0, start - 160)
    before = text[lo:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    words = [w.lower() for w in _WORD.findall(before)][-14:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        prv = words[i - 1] if i > 0 else ""
        if _is_future_word(words, i):
            return True
        if w == "be" and prv == "to":
            return True  # "to be held on Oct. 12"
        if prv in ("be", "being"):
            continue  # a passive participle: the auxiliary before it decides
        if _is_past_word(w):
            return False
    if any(w not in _LEAD_IN for w in words[-3:]) and len(words) > 3:
        return None
    after = text[end : end + 120]
    brk = _CLAUSE_BREAK.search(after)
    if brk:
        after = after[: brk.start()]
    words = [w.lower() for w in _WORD.findall(after)][:10]
    for i, w in enumerate(words):
        if _is_future_word(words, i) and w != "next":
            return True
        if _is_past_word(w):
            return False
    return None


def is_future_context(text: str, start: int, end: int) -> bool:
    """Does the wording make the expression at ``text[start:end]`` a future time?"""
    return tense_of(text, start, end) is True
