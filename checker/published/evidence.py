"""Internal evidence of a report's date: one event dated and counted back, the lead's weekday."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker.extract.dates import WEEKDAYS, find_dates, is_future_context, month_day
from checker.published.text_dates import _is_meta_line, _line_of
from checker.records import DateMention

_STOP = frozenset(
    {
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "since",
        "during",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
        "their",
        "its",
        "his",
        "her",
        "they",
        "them",
        "he",
        "she",
        "it",
        "was",
        "were",
        "had",
        "has",
        "have",
        "been",
        "being",
        "is",
        "are",
        "said",
        "says",
        "also",
        "not",
        "no",
        "yes",
        "there",
        "here",
        "than",
        "then",
        "when",
        "where",
        "while",
        "some",
        "any",
        "all",
        "more",
        "most",
        "other",
        "such",
        "only",
        "very",
        "just",
        "still",
        "police",
        "officials",
    }
)
_IRREGULAR = frozenset(
    {
        "broke",
        "began",
        "took",
        "held",
        "struck",
        "shot",
        "hit",
        "fell",
        "rose",
        "seized",
        "stormed",
        "overran",
        "killed",
        "freed",
    }
)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _stem(w: str) -> str:
    w = w.lower().strip("'")
    for suf in ("ing", "ed", "es", "s", "e"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def _trigger_words(text: str, start: int, end: int) -> dict[str, bool]:
    """Stems of the content words leading up to an expression, within its sentence.

    The value says whether the word looks like an event verb.
    """
    lo = max(0, start - 220)
    before = text[lo:start]
    cut = list(re.finditer(r"[.!?]\s+(?=[A-Z\"“])|\n", before))
    if cut:
        before = before[cut[-1].end() :]
    after = text[end : end + 40]
    cut2 = re.search(r"[.!?;,]|\n", after)
    if cut2:
        after = after[: cut2.start()]
    words = _WORDS.findall(before)[-20:] + _WORDS.findall(after)[:3]
    out: dict[str, bool] = {}
    for w in words:
        lw = w.lower()
        if lw in _STOP or lw in WEEKDAYS or len(lw) < 4 or month_day(w + " 1") is not None:
            continue
        verb = lw.endswith("ed") or lw.endswith("ing") or lw in _IRREGULAR
        st = _stem(lw)
        out[st] = out.get(st, False) or verb
    return out


_DAYS_AGO = re.compile(
    r"\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|thirty(?:[- ]one)?)\s+days?\s+ago\b"
    r"|\b(?P<yday>yesterday|last\s+night|the\s+day\s+before\s+yesterday)\b",
    re.I,
)
_NUMS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}


def _days_value(m: re.Match[str]) -> int | None:
    if m["yday"]:
        return 2 if "before" in m["yday"].lower() else 1
    s = m["n"].lower().replace("-", " ")
    if s.isdigit():
        return int(s)
    parts = s.split()
    if parts[0] == "thirty":
        return 30 + (1 if len(parts) > 1 else 0)
    if parts[0] == "twenty" and len(parts) > 1:
        return 20 + _NUMS[parts[1]]
    return _NUMS.get(parts[0])


@dataclass(frozen=True)
class _Pair:
    month: int
    day: int
    year: int | None
    days: int
    score: int
    shared: tuple[str, ...]
    date_text: str
    ago_text: str


# Past forms the suffix stemmer cannot undo.
_IRREGULAR_STEMS = {
    "took": "take", "held": "hold", "began": "begin", "struck": "strike", "broke": "break",
    "overran": "overrun", "seized": "seiz", "freed": "free", "led": "lead", "fought": "fight",
}  # fmt: skip


def event_stems(events: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Stem -> event class, from a lexicon's event table (first word of each trigger)."""
    out: dict[str, str] = {}
    for cls, triggers in sorted(events.items()):
        for trigger in triggers:
            out.setdefault(_stem(trigger.split()[0]), cls)
    return out


def _canonical_triggers(words: dict[str, bool], stems: Mapping[str, str]) -> dict[str, bool]:
    """Map trigger stems of one event class to one key: "took over" and "seized" meet."""
    out: dict[str, bool] = {}
    for word, verb in words.items():
        stem = _IRREGULAR_STEMS.get(word, word)
        cls = stems.get(stem) or stems.get(_stem(stem))
        key = f"event:{cls}" if cls else word
        out[key] = out.get(key, False) or verb or cls is not None
    return out


def _pairs(text: str, stems: Mapping[str, str] | None = None) -> list[_Pair]:
    """Calendar date + "N days ago" pairs that name the same event (shared trigger verb)."""
    dated: list[tuple[DateMention, tuple[int, int, int | None, int | None]]] = []
    for mn in find_dates(text):
        if mn.granularity != "day" or mn.time is not None:
            continue
        parsed = month_day(mn.text)
        if parsed is not None:
            dated.append((mn, parsed))
    out: list[_Pair] = []
    for m in _DAYS_AGO.finditer(text):
        n = _days_value(m)
        if n is None:
            continue
        trig_a = _canonical_triggers(_trigger_words(text, m.start(), m.end()), stems or {})
        for mn, (mo, d, y, _) in dated:
            trig_d = _canonical_triggers(_trigger_words(text, mn.start, mn.end), stems or {})
            shared = sorted(set(trig_a) & set(trig_d))
            verbs = [w for w in shared if trig_a[w] or trig_d[w]]
            if not verbs:
                continue
            score = 2 * len(verbs) + len(shared)
            out.append(_Pair(mo, d, y, n, score, tuple(shared), mn.text, m[0]))
    return sorted(out, key=lambda p: (-p.score, p.month, p.day, p.days))


def _lead_weekday(text: str) -> tuple[int, bool, str] | None:
    """A weekday in the lead that names the report's own day.

    ("early Friday", "Friday morning", "today, Friday"): strong. A plain or
    "late" weekday in the lead is weak: the report's day or the day after.
    """
    body = text
    for mn in find_dates(body):
        if mn.start > 1200:
            break
        w = mn.text.lower()
        name = next((d for d in WEEKDAYS if d in w), None)
        if name is None or month_day(mn.text) is not None:
            continue
        if re.search(r"\b(?:last|next|this|coming|past)\b", w):
            continue
        if is_future_context(text, mn.start, mn.end):
            continue
        pod = mn.part_of_day or ""
        strong = pod.startswith("early") or "morning" in pod
        return WEEKDAYS[name], strong, mn.text
    return None


def _explicit_years(text: str) -> list[int]:
    years = []
    for mn in find_dates(text):
        if mn.relative or mn.start_date is None or mn.end_date is None:
            continue
        if _is_meta_line(_line_of(text, mn.start)):
            continue
        if mn.start_date.year != mn.end_date.year:
            continue
        if is_future_context(text, mn.start, mn.end):
            continue
        years.append(mn.start_date.year)
    return years
