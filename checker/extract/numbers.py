"""Figures in news text -> ``Quantity`` intervals (pure text, no spaCy).

Entry points
------------
``parse_number(text)``
    One number written alone -> its value: "1,500", "1 500", "2.5", "twelve",
    "twenty-four", "a hundred and two", "two dozen", "half a dozen",
    "1.5 million", "$3m" is not a bare number (None). Vague amounts ("several
    hundred", "hundreds") are intervals, not numbers: None. Never raises.
``find_quantities(text)``
    Every figure in a text, ordered by position, as ``checker.records.Quantity``.
``format_interval(low, high)``
    "14", "15–25", "≥ 400", "≤ 10" for messages.

How a figure becomes an interval
--------------------------------
The number (and its unit) gives a base value N, or a base interval for vague
amounts and ranges. The qualifier in front of it (or after it) turns that into
``low``/``high``. Counts (no unit, whole numbers) are integers: a strict bound
moves by one and approximate bounds are rounded outwards.

====================================== ============== ==========================
written                                qualifier      interval
====================================== ============== ==========================
74 / all 14 / a dozen                  EXACT          N .. N
about, around, some, roughly,          ABOUT          N ± w (see below)
approximately, circa, ~, "N or so"
an estimated, estimated at             ESTIMATE       N ± w
at least, no fewer than, not less      AT_LEAST       N .. open
than, a minimum of, "N or more",
"N-plus", "N+"
more than, over, above, upwards of,    MORE_THAN      N+1 .. open (counts),
in excess of, well/just over                          N .. open (other units)
at most, no more than, not more than,  AT_MOST        open .. N
a maximum of, "N or fewer/less"
up to, as many as, as much as          UP_TO          open .. N
fewer than, less than, under, below    FEWER_THAN     open .. N-1 (counts),
                                                      open .. N (other units)
nearly, almost, close to, just under,  NEARLY         N - w .. N
approaching, just shy of
between X and Y, X to Y, X-Y, X–Y,     RANGE          X .. Y
X or Y, from X to Y
"N-odd" ("40-odd")                     ABOUT          N .. N + u
====================================== ============== ==========================

The half-width ``w`` of an approximation follows how round N is. Let ``u``
be N's *roundness*: the place value of its last significant digit, or five
times that when the digit is a 5 (20 -> 10, 25 -> 5, 74 -> 1, 400 -> 100,
1,500 -> 500, 2.5 -> 0.5). Then ``w = u / 2``, but never less than 5 % of N
and never more than 25 % of N. A rounder number is a vaguer one, so "about
20" is relatively wider than "about 74", and "about 400", "some 400",
"around 400" and "an estimated 400" all agree:

=========== ===== ===== ==========================
about N       u     w   interval (counts rounded out)
=========== ===== ===== ==========================
3             1   0.5   2 .. 4
12            1   0.6   11 .. 13
20           10   5     15 .. 25
25            5   2.5   22 .. 28
74            1   3.7   70 .. 78
100         100   25    75 .. 125
150          50   25    125 .. 175
400         100   50    350 .. 450
1,500       500   250   1,250 .. 1,750
2,300 ft    100   115   2,185 .. 2,415 ft (666 .. 736 m)
=========== ===== ===== ==========================

Vague amounts (qualifier ESTIMATE unless another qualifier is written):

=========================== ==================== ============================
written                     interval             rule
=========================== ==================== ============================
a couple (of)               2 .. 3
a handful (of)              3 .. 6
dozens (of)                 24 .. 99
scores (of)                 40 .. 199            2 to 10 scores, less one
tens (of)                   20 .. 99
hundreds (of)               200 .. 999           2 P .. 10 P - 1 for a plural P
thousands (of)              2,000 .. 9,999
millions / billions         2 M .. 10 M - 1
tens of thousands           20,000 .. 99,999     the two plurals multiply
hundreds of thousands       200,000 .. 999,999
several hundred/thousand    300 .. 900, ...      several = 3 .. 9
a few hundred/thousand      200 .. 500, ...      a few = 2 .. 5
a couple (of) hundred       200 .. 300           a couple = 2 .. 3
several dozen / a few dozen 36 .. 108 / 24 .. 60
=========================== ==================== ============================

Bare "several", "a few" and "many" carry no figure and yield nothing.

Arithmetic phrases set ``Quantity.relation``:

============================== =========== ========= =======================
written                        value       relation  notes
============================== =========== ========= =======================
all but two of the 40          38          all_but   total known
all but two (no total)         2           all_but   the *excluded* count
she and 11 others              12          and_others pronoun/Name and N others
another two, two more,         2           increment a further/an additional N,
a further two                                        N additional/further/extra
the remaining four             4           remaining also "four remaining",
                                                     "the last four"
half of the 40                 20          fraction  a third/two-thirds/a quarter...
twice/double the 40            80          multiple  triple, quadruple
all 14, a total of 14, 14 in   14          (none)    ``totality=True``
all, all of the 14
no one, nobody, none, not a    0           (none)    the spaCy layer checks
single, not one, no injuries                         what they refer to
============================== =========== ========= =======================

What is *not* a quantity (nothing is returned)
---------------------------------------------
- ordinals: "second", "22nd", "118th day"; fractions with no total
  ("two-thirds of the hostages");
- years: a bare four-digit whole number from 1900 to 2099 with no qualifier,
  unit or currency ("1996", "the 1996 attack") unless a plural count noun
  from a short list follows ("2000 people"); any four-digit number from 1000
  after "in", "since", "by", "until", "of", "year" ...; decades ("1990s");
  year spans ("1996-97");
- clock times ("2:50 a.m.", "3 p.m.", "20:30", "1430 GMT", a bare four-digit
  24-hour time after "at": "struck at 1353"), dates
  ("Dec. 17", "17 December 1996", "12/17/96", "1996-12-17"), phone numbers,
  versions ("3.8.1"), web and e-mail addresses, numbers glued to "_", "@", "=";
- scores and votes: "3-1", "2-2", or any X-Y/X to Y next to won, beat,
  lost, victory, defeat, draw, vote ... ; ratios ("one in five");
- identifiers: a number after flight, route, highway, No., #, number, room,
  gate, page, article, chapter, category, level, day, Apollo, Boeing ...;
  numbers glued to letters ("AKM-47", "F-16", "MH370", "A320", "5G");
- "one" used as a pronoun: "the one", "this one", "another one", "one
  another", "one by one", "one of these days", "at one point", "one-sided",
  and "one day/night/morning" not after a preposition ("One day, ...").
  "one of the rebels" *is* a count of 1 (partitive), so is "only one";
  "another one" is kept as an increment of 1 ("another one was freed").

Written precision counts: "about 6.0" is 5.7 .. 6.3 (the roundness of a
written decimal is its last written place), and a number written with a
decimal point is never treated as an integer count.

Durations are always returned, in seconds, even inside "24 days ago" or
"three days later": the date layer owns the anchoring, and a duration can
also be the fact being reported ("a 126-day siege"). Ages ("a 34-year-old")
are durations too. "pounds" after million/billion is sterling (GBP), otherwise
weight.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Final

from checker.extract.units import CURRENCY_SYMBOLS, Dimension, Unit, currency, match_unit
from checker.records import Qualifier, Quantity

__all__ = ["find_quantities", "format_interval", "parse_number", "roundness"]

# --------------------------------------------------------------------------- tokens

_TOKEN_RE: Final = re.compile(
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)|\d+)"
    r"(?:\.\d+)?)"
    r"|(?P<frac>[½⅓⅔¼¾⅛⅜⅝⅞])"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>\S)"
)

_VULGAR: Final[Mapping[str, float]] = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75,
    "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}  # fmt: skip


@dataclass(frozen=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int
    kind: str  # "num" | "frac" | "word" | "sym"
    value: float | None
    gap: bool  # whitespace (or start of text) before the token
    blocked: bool = False  # inside a date, time, phone number ...


def _tokenize(text: str) -> list[_Tok]:
    spans = _blocked_spans(text)
    toks: list[_Tok] = []
    prev_end = -1
    k = 0
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "sym"
        raw = m.group()
        value: float | None = None
        if kind == "num":
            value = float(re.sub(r"[, \u00a0\u2009\u202f]", "", raw))
        elif kind == "frac":
            value = _VULGAR[raw]
        start, end = m.span()
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        blocked = k < len(spans) and spans[k][0] < end
        toks.append(_Tok(raw, raw.lower(), start, end, kind, value, start != prev_end, blocked))
        prev_end = end
    return toks


# ----------------------------------------------------------------- blocked spans


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTH_NAMES: Final = _words(
    "January February March April May June July August September October November December "
    "Sept Jan Feb Mar Apr Jun Jul Aug Sep Oct Nov Dec"
)
_MONTH: Final = "(?:{})".format(
    "|".join(
        sorted({*_MONTH_NAMES, *(m.upper() for m in _MONTH_NAMES)}, key=lambda m: (-len(m), m))
    )
)
_DAYNUM: Final = r"\d{1,2}(?:st|nd|rd|th)?"
_AMPM: Final = r"(?:[aApP]\.\s?[mM]\b\.?|[aApP][mM]\b)"

_BLOCK_RES: Final = tuple(
    re.compile(p)
    for p in (
        # dates
        rf"\b{_MONTH}\.?\s+{_DAYNUM}(?:\s*[-–]\s*{_DAYNUM})?\b(?:,?\s+\d{{4}}\b)?",
        rf"\b{_DAYNUM}(?:\s*[-–]\s*{_DAYNUM})?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+\d{{4}}\b)?",
        rf"\b{_MONTH}\.?,?\s+\d{{4}}\b",
        r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b",
        r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b",
        # clock times
        rf"\b\d{{1,2}}(?:[:.]\d{{2}}){{1,2}}\s*{_AMPM}",
        r"\b\d{1,2}:\d{2}(?::\d{2})?\b",
        rf"\b\d{{1,2}}\s*{_AMPM}",
        r"\b\d{1,2}\s+o['’]clock\b",
        r"\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST"
        r"|JST|Z|local time|hrs|hours GMT)\b",
        # phone numbers
        r"(?<![\d-])(?:\+?1[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)",
        r"\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\d)",
        # web addresses, e-mail, file names
        r"(?:https?://|www\.)\S+",
        r"\b[\w.+-]+@[\w-]+\.[\w.]+\b",
        # versions, addresses, decades, short years
        r"\b\d+(?:\.\d+){2,}\b",
        r"(?<![\w.,])['’]?\d{0,2}\d0['’]?s\b",
        rf"(?:\b(?:in|of|since|from|until|by|class|summer|winter|spring|autumn|fall)|{_MONTH})"
        r"\s+['’]\d{2}\b",
    )
)
_SHORT_PHONE_RE: Final = re.compile(r"(?<![\d-])\d{3}-\d{4}(?![\d-])")
_PHONE_CONTEXT_RE: Final = re.compile(
    r"(?i)\b(?:call|calls|phone|telephone|tel|hotline|fax|dial|number|contact)\b"
)
_SLASH_RE: Final = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for rx in _BLOCK_RES for m in rx.finditer(text)]
    for m in _SHORT_PHONE_RE.finditer(text):
        if _PHONE_CONTEXT_RE.search(text, max(0, m.start() - 40), m.start()):
            spans.append(m.span())
    for m in _SLASH_RE.finditer(text):
        num, den = int(m.group(1)), int(m.group(2))
        if not (den in (2, 3, 4, 8, 16) and 0 < num < den):
            spans.append(m.span())  # a date or a ratio such as 24/7, not a fraction
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# ------------------------------------------------------------------ word tables

_SMALL_WORDS: Final = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_SMALL: Final[Mapping[str, int]] = {w: i for i, w in enumerate(_SMALL_WORDS.split())}
_TENS_WORDS: Final = "twenty thirty forty fifty sixty seventy eighty ninety"
_TENS: Final[Mapping[str, int]] = {w: 10 * (i + 2) for i, w in enumerate(_TENS_WORDS.split())}
_BIG: Final[Mapping[str, float]] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
_SCALE_WORDS: Final[Mapping[str, float]] = {**_BIG, "hundred": 100.0, "dozen": 12.0}
_ATTACHED_SCALE: Final[Mapping[str, float]] = {
    "k": 1e3, "K": 1e3, "bn": 1e9, "Bn": 1e9, "BN": 1e9, "mn": 1e6, "mln": 1e6,
    "tn": 1e12, "trn": 1e12,
}  # fmt: skip
_SPACED_SCALE: Final[Mapping[str, float]] = {
    "bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
_MONEY_SCALE: Final[Mapping[str, float]] = {"m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9}
_ORDINAL_WORDS: Final = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth hundredth thousandth "
    "millionth"
)
_GLUE_BEFORE: Final = frozenset({"_", "\\", "@", "=", "&", "|"})
_GLUE_AFTER: Final = frozenset({"_", "\\", "@", "="})
_ORDINAL_SUFFIX: Final = frozenset({"st", "nd", "rd", "th"})
_PLURALS: Final[Mapping[str, float]] = {
    "tens": 10.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3,
    "millions": 1e6, "billions": 1e9,
}  # fmt: skip
_MULTIPLIER_WORDS: Final[Mapping[str, tuple[float, float]]] = {
    "several": (3, 9), "few": (2, 5), "couple": (2, 3),
}  # fmt: skip
_DENOMINATORS: Final[Mapping[str, int]] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
_MULTIPLES: Final[Mapping[str, float]] = {
    "twice": 2, "double": 2, "triple": 3, "treble": 3, "quadruple": 4, "thrice": 3,
}  # fmt: skip
_DETERMINERS: Final = frozenset({"the", "its", "their", "those", "these", "his", "her", "our"})

_QUALIFIER_PHRASES: Final[Mapping[str, Qualifier]] = {
    "about": Qualifier.ABOUT, "around": Qualifier.ABOUT, "some": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT, "approximately": Qualifier.ABOUT, "approx": Qualifier.ABOUT,
    "approx .": Qualifier.ABOUT, "circa": Qualifier.ABOUT, "c .": Qualifier.ABOUT,
    "ca .": Qualifier.ABOUT, "~": Qualifier.ABOUT, "an approximate": Qualifier.ABOUT,
    "in the region of": Qualifier.ABOUT, "on the order of": Qualifier.ABOUT,
    "somewhere around": Qualifier.ABOUT, "just about": Qualifier.ABOUT,
    "an estimated": Qualifier.ESTIMATE, "estimated": Qualifier.ESTIMATE,
    "estimated at": Qualifier.ESTIMATE, "put at": Qualifier.ESTIMATE,
    "at least": Qualifier.AT_LEAST, "no fewer than": Qualifier.AT_LEAST,
    "not fewer than": Qualifier.AT_LEAST, "no less than": Qualifier.AT_LEAST,
    "not less than": Qualifier.AT_LEAST, "a minimum of": Qualifier.AT_LEAST,
    "at the very least": Qualifier.AT_LEAST, "≥": Qualifier.AT_LEAST,
    "more than": Qualifier.MORE_THAN, "over": Qualifier.MORE_THAN, "past": Qualifier.MORE_THAN,
    "well past": Qualifier.MORE_THAN, "just past": Qualifier.MORE_THAN,
    "upwards of": Qualifier.MORE_THAN, "upward of": Qualifier.MORE_THAN,
    "in excess of": Qualifier.MORE_THAN, "above": Qualifier.MORE_THAN,
    "greater than": Qualifier.MORE_THAN, "well over": Qualifier.MORE_THAN,
    "just over": Qualifier.MORE_THAN, "well above": Qualifier.MORE_THAN,
    "slightly more than": Qualifier.MORE_THAN, "a little more than": Qualifier.MORE_THAN,
    "a little over": Qualifier.MORE_THAN, "slightly over": Qualifier.MORE_THAN,
    "well in excess of": Qualifier.MORE_THAN, "more then": Qualifier.MORE_THAN,
    ">": Qualifier.MORE_THAN,
    "at most": Qualifier.AT_MOST, "no more than": Qualifier.AT_MOST,
    "not more than": Qualifier.AT_MOST, "a maximum of": Qualifier.AT_MOST,
    "at the most": Qualifier.AT_MOST, "no greater than": Qualifier.AT_MOST,
    "≤": Qualifier.AT_MOST,
    "up to": Qualifier.UP_TO, "as many as": Qualifier.UP_TO, "as much as": Qualifier.UP_TO,
    "fewer than": Qualifier.FEWER_THAN, "less than": Qualifier.FEWER_THAN,
    "under": Qualifier.FEWER_THAN, "below": Qualifier.FEWER_THAN,
    "well under": Qualifier.FEWER_THAN, "well below": Qualifier.FEWER_THAN,
    "<": Qualifier.FEWER_THAN,
    "nearly": Qualifier.NEARLY, "almost": Qualifier.NEARLY, "close to": Qualifier.NEARLY,
    "just under": Qualifier.NEARLY, "just below": Qualifier.NEARLY,
    "just shy of": Qualifier.NEARLY, "approaching": Qualifier.NEARLY,
    "not quite": Qualifier.NEARLY, "nearing": Qualifier.NEARLY,
    "just short of": Qualifier.NEARLY, "very nearly": Qualifier.NEARLY,
    "close on": Qualifier.NEARLY,
}  # fmt: skip

_SUFFIX_QUALIFIERS: Final[Mapping[str, Qualifier]] = {
    "or more": Qualifier.AT_LEAST, "or over": Qualifier.AT_LEAST,
    "or above": Qualifier.AT_LEAST, "or greater": Qualifier.AT_LEAST,
    "plus": Qualifier.AT_LEAST, "- plus": Qualifier.AT_LEAST, "+": Qualifier.AT_LEAST,
    "or fewer": Qualifier.AT_MOST, "or less": Qualifier.AT_MOST,
    "or under": Qualifier.AT_MOST, "or below": Qualifier.AT_MOST,
    "or so": Qualifier.ABOUT, "or thereabouts": Qualifier.ABOUT,
    "give or take": Qualifier.ABOUT,
}  # fmt: skip

# Phrases in front of a number that say something other than precision.
_TOTALITY, _INCREMENT, _REMAINING, _BETWEEN, _FROM = (
    "totality", "increment", "remaining", "between", "from",
)  # fmt: skip
_ROLE_PHRASES: Final[Mapping[str, str]] = {
    "all": _TOTALITY, "all of the": _TOTALITY, "all the": _TOTALITY,
    "a total of": _TOTALITY, "all of": _TOTALITY,
    "another": _INCREMENT, "a further": _INCREMENT, "an additional": _INCREMENT,
    "an extra": _INCREMENT, "a further of": _INCREMENT,
    "the remaining": _REMAINING, "remaining": _REMAINING, "the last": _REMAINING,
    "the last remaining": _REMAINING, "the final": _REMAINING,
    "between": _BETWEEN, "from": _FROM, "anywhere from": _FROM, "anywhere between": _BETWEEN,
    "somewhere between": _BETWEEN,
}  # fmt: skip
_SUFFIX_ROLES: Final[Mapping[str, str]] = {
    "more": _INCREMENT, "additional": _INCREMENT, "further": _INCREMENT,
    "extra": _INCREMENT, "remaining": _REMAINING,
    "in all": _TOTALITY, "in total": _TOTALITY, "all told": _TOTALITY,
    "altogether": _TOTALITY,
}  # fmt: skip

_ID_WORDS: Final = _words(
    "flight flights route highway interstate freeway motorway road no nos nr number room "
    "rooms apartment apt suite unit gate terminal platform pier berth bus train tram line "
    "channel page pages chapter article articles section clause paragraph resolution "
    "amendment proposition prop bill decree item exhibit docket precinct district ward zone "
    "sector block lot building tower reactor camp cell pavilion hangar runway level grade "
    "class category type model version mark mk series phase stage day code box po track lane "
    "exit junction studio division battalion regiment squadron brigade engine ladder squad "
    "station apollo boeing airbus windows galaxy iphone soyuz vostok voyager ilyushin tupolev "
    "antonov cessna learjet embraer fokker sukhoi mig formula psalm psalms verse act year "
    "size"
)
_YEAR_PREPS: Final = _words(
    "in since of by until till from before after during early late mid year years summer "
    "winter spring autumn fall circa"
)
_COUNT_HINTS: Final = _words(
    "people persons hostages captives prisoners soldiers troops police policemen officers "
    "rebels guerrillas militants fighters residents civilians families homes houses buildings "
    "children students workers passengers victims dead deaths injured wounded casualties "
    "refugees votes cases members protesters demonstrators employees jobs miners firefighters "
    "rescuers volunteers tourists villagers vehicles cars others men women guests diplomats "
    "inmates"
)
_SCORE_WORDS: Final = _words(
    "won win wins winning beat beats beating lost lose loses losing defeat defeated defeats "
    "victory victories draw drew drawn tie tied ties lead led leading trail trailing score "
    "scored scoreline match game games vote votes voted ruling decision margin routed "
    "thrashed edged"
)
_CHANGE_VERBS: Final = _words(
    "rose risen rise rises rising increased increase increases increasing climbed climb "
    "climbs jumped jump jumps grew grow grows growing fell fall falls falling dropped drop "
    "drops dropping declined decline declines decreased decrease decreases raised raise "
    "lowered lower revised revise cut cuts reduced reduce doubled went gone up down soared "
    "surged plunged slipped shrank swelled"
)
_ONE_BEFORE: Final = _words(
    "the this that which another any every each such no little last first next same someone "
    "anyone everyone as whichever a an one"
)
_ONE_AFTER: Final = frozenset({"another", "by", "'", "’"})
_ONE_DAY_WORDS: Final = frozenset({"day", "night", "morning", "evening", "afternoon", "time"})
_ONE_DAY_PREPS: Final = frozenset(
    {"for", "in", "within", "after", "than", "just", "only", "about", "over", "of", "lasted"}
)
_ONE_HYPHEN_OK: Final = frozenset({"third", "quarter", "fifth", "half", "tenth"})
_NONE_AFTER: Final = frozenset({"other", "too", "the"})
_PRONOUNS: Final = frozenset({"he", "she", "him", "her", "i", "me"})


# ------------------------------------------------------------------ cores


@dataclass(frozen=True)
class _Core:
    """A bare number expression over tokens ``first .. stop - 1``."""

    lo: float
    hi: float
    first: int
    stop: int
    vague: bool = False
    scale: float = 1.0  # million, thousand ... written after the number
    plain: bool = False  # one run of digits without separators: a year candidate
    step: float | None = None  # place value of the last written decimal ("6.0" -> 0.1)
    excluded: bool = False  # an ordinal, identifier ...: consume, emit nothing
    words: bool = False


def _word(toks: Sequence[_Tok], j: int) -> str:
    return toks[j].low if 0 <= j < len(toks) and not toks[j].blocked else ""


def _phrase(toks: Sequence[_Tok], j: int, size: int) -> str:
    if j < 0:
        return ""
    return " ".join(t.low for t in toks[j : j + size])


def _core_at(toks: Sequence[_Tok], i: int, money: bool) -> _Core | None:
    tok = toks[i]
    if tok.blocked:
        return None
    if tok.kind in ("num", "frac"):
        return _digit_core(toks, i, money)
    if tok.kind == "word":
        return _vague_core(toks, i) or _word_core(toks, i)
    return None


def _digit_core(toks: Sequence[_Tok], i: int, money: bool) -> _Core | None:
    tok = toks[i]
    value = tok.value if tok.value is not None else 0.0
    n = len(toks)
    j = i + 1
    plain = tok.kind == "num" and tok.text.isdigit()
    if _glued_to_letters_before(toks, i):
        return _Core(value, value, i, j, excluded=True)
    if tok.kind == "num" and j < n and not toks[j].gap and not toks[j].blocked:
        nxt = toks[j]
        if nxt.kind == "frac":
            value, j, plain = value + (nxt.value or 0.0), j + 1, False
        elif nxt.text == "/" and j + 1 < n and toks[j + 1].kind == "num" and not toks[j + 1].gap:
            den = toks[j + 1].value or 0.0
            if den in (2, 3, 4, 8, 16) and 0 < value < den:
                return _Core(value / den, value / den, i, j + 2)
            return _Core(value, value, i, j + 2, excluded=True)
        elif nxt.kind == "word":
            if nxt.low in _ORDINAL_SUFFIX or nxt.text == "s":
                return _Core(value, value, i, j + 1, excluded=True)
            money = money or _currency_follows(toks, j + 1)  # "2m euros", "11m dollars"
            scale = _ATTACHED_SCALE.get(nxt.text) or (_MONEY_SCALE.get(nxt.text) if money else None)
            if scale is not None:
                return _scaled(_Core(value * scale, value * scale, i, j + 1, scale=scale), toks)
            if match_unit(_unit_texts(toks, j)) is None:
                return _Core(value, value, i, j + 1, excluded=True)  # "4B", "5G"
        elif nxt.text in ("'", "’") and _word(toks, j + 1) == "s":
            return _Core(value, value, i, j + 2, excluded=True)  # 1990's
    elif tok.kind == "num" and j + 1 < n and toks[j].kind == "frac" and not toks[j].gap:
        value, j = value + (toks[j].value or 0.0), j + 1
    if (
        tok.kind == "num"
        and j + 2 < n
        and toks[j].kind == "num"
        and toks[j + 1].text == "/"
        and not toks[j + 1].gap
        and toks[j + 2].kind == "num"
        and not toks[j + 2].gap
    ):
        num, den = toks[j].value or 0.0, toks[j + 2].value or 0.0
        if den in (2, 3, 4, 8, 16) and 0 < num < den:
            value, j, plain = value + num / den, j + 3, False
    value, j = _and_a_half(toks, j, value)
    step = _written_step(tok.text) if "." in tok.text else None
    core = _Core(value, value, i, j, plain=plain and j == i + 1, step=step)
    return _scaled(core, toks)


def _written_step(text: str) -> float:
    """Roundness of a written decimal: "6.0" -> 0.1, "2.5" -> 0.5, "6.40" -> 0.01."""
    decimals = text.split(".")[1]
    step = 10.0 ** -len(decimals)
    return step * 5 if decimals.endswith("5") else step


def _glued_to_letters_before(toks: Sequence[_Tok], i: int) -> bool:
    """MH370, A320, AKM-47, F-16, Covid-19."""
    tok = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and not nxt.gap and nxt.text in _GLUE_AFTER:
        return True
    if tok.gap or i == 0:
        return False
    prev = toks[i - 1]
    if prev.kind == "word" or prev.text in _GLUE_BEFORE:
        return True
    return (
        prev.text in "-‐"
        and not prev.gap
        and i >= 2
        and toks[i - 2].kind == "word"
        and toks[i - 2].low not in _SMALL
        and toks[i - 2].low not in _TENS
    )


def _and_a_half(toks: Sequence[_Tok], j: int, value: float) -> tuple[float, int]:
    if _phrase(toks, j, 3) == "and a half" and not any(t.blocked for t in toks[j : j + 3]):
        return value + 0.5, j + 3
    return value, j


def _scale_run(toks: Sequence[_Tok], j: int) -> tuple[float, int]:
    """Scale words from ``j``: "million", "hundred thousand", "dozen", "mln" -> (factor, stop)."""
    factor, k = 1.0, j
    while k < len(toks) and not toks[k].blocked:
        word = toks[k].low
        step = _SCALE_WORDS.get(word) or _SPACED_SCALE.get(toks[k].text)
        if step is None:
            break
        if k > j and not (factor == 100.0 and word in _BIG):
            break  # only "hundred thousand/million/billion" chains
        factor, k = factor * step, k + 1
        if word == "dozen":
            break
    return factor, k


def _scaled(core: _Core, toks: Sequence[_Tok]) -> _Core:
    """Apply scale words after a number: "1.5 million", "2 dozen", "40 thousand"."""
    factor, j = _scale_run(toks, core.stop)
    if j == core.stop:
        return core
    value = core.lo * factor
    return replace(
        core, lo=value, hi=value, stop=j, scale=core.scale * factor, plain=False, step=None
    )


def _word_core(toks: Sequence[_Tok], i: int) -> _Core | None:
    w = toks[i].low
    if w == "half":
        return _half_core(toks, i)
    if w in ("a", "an"):
        if _word(toks, i + 1) not in _SCALE_WORDS:
            return None
        total, current, last, j = 0.0, 1.0, "a", i + 1
    else:
        total, current, last, j = 0.0, 0.0, "", i
    last_big = math.inf
    seen = False
    while j < len(toks) and not toks[j].blocked:
        tok, w = toks[j], toks[j].low
        if tok.kind == "sym" and tok.text in "-‐" and not tok.gap and last == "tens":
            if 1 <= _SMALL.get(_word(toks, j + 1), 0) <= 9 and not toks[j + 1].gap:
                j += 1
                continue
            if _word(toks, j + 1) in _ORDINAL_WORDS:
                return _Core(current, current, i, j + 2, excluded=True)  # "twenty-first"
            break
        if tok.kind != "word":
            break
        if w in _SMALL:
            v = _SMALL[w]
            if last not in ("", "hundred", "big", "and", "tens") or (last == "tens" and v > 9):
                break
            current, last = current + v, "small"
        elif w in _TENS:
            if last not in ("", "hundred", "big", "and"):
                break
            current, last = current + _TENS[w], "tens"
        elif w == "hundred":
            if last not in ("small", "tens", "a") or not 0 < current < 100:
                break
            current, last = current * 100, "hundred"
        elif w in _BIG:
            if last not in ("small", "tens", "hundred", "a") or _BIG[w] >= last_big:
                break
            total, current, last, last_big = total + current * _BIG[w], 0.0, "big", _BIG[w]
        elif w == "dozen":
            if last not in ("small", "tens", "a"):
                break
            current, last, seen, j = current * 12, "dozen", True, j + 1
            break
        elif w == "and" and last in ("hundred", "big"):
            nxt = _word(toks, j + 1)
            if nxt not in _SMALL and nxt not in _TENS:
                break
            last = "and"
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen or last == "and":
        return None
    value = total + current
    if last in ("small", "tens") and total == 0:
        half, j2 = _and_a_half(toks, j, value)
        if j2 != j:
            return _scaled(_Core(half, half, i, j2, words=True), toks)
    return _Core(value, value, i, j, words=True)


def _half_core(toks: Sequence[_Tok], i: int) -> _Core | None:
    """ "half a dozen", "half a million", "half an hour"."""
    if _word(toks, i + 1) not in ("a", "an"):
        return None
    scale = _word(toks, i + 2)
    if scale in _SCALE_WORDS:
        value = _SCALE_WORDS[scale] / 2
        return _Core(value, value, i, i + 3, words=True)
    if match_unit(_unit_texts(toks, i + 2)) is not None:
        return _Core(0.5, 0.5, i, i + 2, words=True)
    return None


def _vague_core(toks: Sequence[_Tok], i: int) -> _Core | None:
    w = toks[i].low
    if w in _PLURALS or w == "dozens":
        return _plural_core(toks, i)
    j = i + 1 if w in ("a", "an") else i
    head = _word(toks, j)
    if head == "handful":
        return _Core(3, 6, i, j + 1, vague=True)
    if head in ("score", "pair") and j > i and _word(toks, j + 1) == "of":
        value = 20.0 if head == "score" else 2.0
        return _Core(value, value, i, j + 1, words=True)
    if head in _MULTIPLIER_WORDS and (head != "couple" or j > i):
        k_lo, k_hi = _MULTIPLIER_WORDS[head]
        k = j + 1
        if head == "couple" and _word(toks, k) == "of" and _word(toks, k + 1) in _SCALE_WORDS:
            k += 1
        scale_word = _word(toks, k)
        if scale_word in _SCALE_WORDS:
            core = _Core(k_lo, k_hi, i, k, vague=True)
            return _scale_vague(core, toks)
        if head == "couple":
            return _Core(2, 3, i, j + 1, vague=True)
    return None


def _scale_vague(core: _Core, toks: Sequence[_Tok]) -> _Core:
    factor, j = _scale_run(toks, core.stop)
    return replace(core, lo=core.lo * factor, hi=core.hi * factor, stop=j, scale=factor)


def _plural_core(toks: Sequence[_Tok], i: int) -> _Core:
    w = toks[i].low
    if w == "dozens":
        return _Core(24, 99, i, i + 1, vague=True)
    base = _PLURALS[w]
    outer = _word(toks, i + 2)
    if _word(toks, i + 1) == "of" and outer in _PLURALS and _PLURALS[outer] > base >= 10:
        base *= _PLURALS[outer]
        return _Core(2 * base, 10 * base - 1, i, i + 3, vague=True, scale=base)
    return _Core(2 * base, 10 * base - 1, i, i + 1, vague=True, scale=base)


# ------------------------------------------------------------------ units


def _currency_follows(toks: Sequence[_Tok], j: int) -> bool:
    found = match_unit(_unit_texts(toks, j)) if j < len(toks) and toks[j].gap else None
    return found is not None and found[0].dimension is Dimension.CURRENCY


def _unit_texts(toks: Sequence[_Tok], j: int) -> list[str]:
    """Candidate unit tokens from ``j``: words, plus symbols glued to what precedes."""
    out: list[str] = []
    for k in range(j, min(j + 5, len(toks))):
        tok = toks[k]
        if tok.blocked:
            break
        if tok.kind != "word" and k > j and tok.gap and tok.text != "/":
            break
        out.append(tok.text)
    return out


@dataclass(frozen=True)
class _UnitHit:
    unit: Unit
    first: int
    stop: int


def _unit_at(toks: Sequence[_Tok], j: int, core: _Core) -> _UnitHit | None:
    start = j
    if j < len(toks) and toks[j].text in "-‐" and not toks[j].gap and not toks[j].blocked:
        j += 1  # "24-hour", "10-metre"
    hit = match_unit(_unit_texts(toks, j))
    if hit is None and (core.vague or core.scale > 1) and _word(toks, j) == "of":
        hit = match_unit(_unit_texts(toks, j + 1))  # "thousands of dollars", "of feet"
        j += 1
    if hit is None:
        return None
    unit, size = hit
    if unit.name == "lb" and core.scale >= 1e6 and _word(toks, j + size) != "of":
        unit = currency("GBP")
    if start != j and toks[start].text in "-‐" and unit.dimension.value == "currency":
        return None
    return _UnitHit(unit, start, j + size)


@lru_cache(maxsize=1)
def _currency_last_words() -> frozenset[str]:
    """The last token of every currency symbol: nothing else can end one."""
    return frozenset(key.split(" ")[-1] for key in CURRENCY_SYMBOLS)


def _currency_before(toks: Sequence[_Tok], i: int, floor: int) -> tuple[str, int] | None:
    """A currency symbol right before token ``i``: ("USD", index of its first token)."""
    if i - 1 < floor or toks[i - 1].text not in _currency_last_words():
        return None
    for size in (4, 3, 2, 1):
        first = i - size
        if first < floor:
            continue
        part = toks[first:i]
        if any(t.blocked for t in part):
            continue
        if any(t.gap for t in part[1:]) and part[-1].kind != "word":
            continue
        key = " ".join(t.text for t in part)
        if key in CURRENCY_SYMBOLS:
            return CURRENCY_SYMBOLS[key], first
    return None


# ------------------------------------------------------------------ expressions


@dataclass(frozen=True)
class _Expr:
    lo: float
    hi: float
    first: int  # first token of the whole expression
    stop: int
    num_first: int
    num_stop: int
    qualifier: Qualifier = Qualifier.EXACT
    unit: Unit | None = None
    unit_first: int | None = None
    unit_stop: int | None = None
    relation: str | None = None
    totality: bool = False
    vague: bool = False
    is_range: bool = False
    odd: float | None = None
    step: float | None = None


def _match_before(
    toks: Sequence[_Tok], floor: int, end: int, table: Mapping[str, str | Qualifier]
) -> tuple[str | Qualifier, int] | None:
    for size in (4, 3, 2, 1):
        first = end - size
        if first < floor:
            continue
        part = toks[first:end]
        if any(t.blocked for t in part):
            continue
        key = " ".join(t.low for t in part)
        if key in table:
            return table[key], first
    return None


def _match_after(
    toks: Sequence[_Tok], j: int, table: Mapping[str, str | Qualifier]
) -> tuple[str | Qualifier, int] | None:
    for size in (3, 2, 1):
        part = toks[j : j + size]
        if len(part) < size or any(t.blocked for t in part):
            continue
        key = " ".join(t.low for t in part)
        if key in table:
            return table[key], j + size
    return None


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, in order of position (see the module docstring)."""
    toks = _tokenize(text)
    out: list[Quantity] = []
    floor = 0
    i = 0
    while i < len(toks):
        hit = _expression_at(toks, i, floor)
        if hit is None:
            i += 1
            continue
        expr, stop = hit
        if expr is not None and _finite(expr):
            q = _to_quantity(text, toks, expr)
            if all(v is None or math.isfinite(v) for v in (q.low, q.high)):
                out.append(q)  # not "9...9 miles" of 308 digits: infinite in metres
        floor = i = max(stop, i + 1)
    return out


def _expression_at(toks: Sequence[_Tok], i: int, floor: int) -> tuple[_Expr | None, int] | None:
    if toks[i].blocked:
        return None
    for special in (_zero_at, _all_but_at, _fraction_at, _multiple_at):
        hit = special(toks, i, floor)
        if hit is not None:
            return hit
    return _number_at(toks, i, floor)


def _finish_left(toks: Sequence[_Tok], expr: _Expr, floor: int) -> _Expr:
    """Attach qualifiers and role words written before the number."""
    first, qualifier, relation, totality = expr.first, expr.qualifier, expr.relation, False
    qualified = False
    for _ in range(2):
        hit = _match_before(toks, floor, first, _QUALIFIER_PHRASES)
        if hit is not None and not qualified and isinstance(hit[0], Qualifier):
            qualifier, first, qualified = hit[0], hit[1], True
            continue
        role = _match_before(toks, floor, first, _ROLE_PHRASES)
        if role is None or role[0] in (_BETWEEN, _FROM):
            break
        if role[0] == _TOTALITY:
            totality = True
        elif relation is None:
            relation = str(role[0])
        first = role[1]
    return replace(
        expr, first=first, qualifier=qualifier, relation=relation,
        totality=expr.totality or totality,
    )  # fmt: skip


ZERO_CASUALTY_NOUNS = frozenset(
    {"injuries", "casualties", "deaths", "fatalities", "dead", "injured", "wounded", "survivors"}
)  # fmt: skip


def _zero_at(toks: Sequence[_Tok], i: int, floor: int) -> tuple[_Expr | None, int] | None:
    w = _word(toks, i)
    size = 0
    if w in ("nobody", "noone") or (w == "none" and _word(toks, i + 1) not in _NONE_AFTER):
        size = 1
    elif w == "no" and _word(toks, i + 1) == "one":
        size = 2
    elif w == "no" and (
        _word(toks, i + 1) in ZERO_CASUALTY_NOUNS
        or (_phrase(toks, i + 1, 2) == "reports of" and _word(toks, i + 3) in ZERO_CASUALTY_NOUNS)
    ):
        size = 1  # "no injuries were reported", "there were no reports of injuries"
    elif (
        w == "no" and i + 1 < len(toks) and toks[i + 1].text == "-" and _word(toks, i + 2) == "one"
    ) or (w == "not" and _phrase(toks, i + 1, 2) == "a single"):
        size = 3
    elif w == "not" and _word(toks, i + 1) == "one" and _word(toks, i + 2) != "but":
        size = 2
    if not size:
        return None
    if w == "none" and _word(toks, i - 1) == "second":
        return None
    return _Expr(0, 0, i, i + size, i, i + size), i + size


def _all_but_at(toks: Sequence[_Tok], i: int, floor: int) -> tuple[_Expr | None, int] | None:
    if _word(toks, i) != "all" or _word(toks, i + 1) not in ("but", "except", "save"):
        return None
    core = _core_at(toks, i + 2, False) if i + 2 < len(toks) else None
    if core is None or core.excluded or core.vague:
        return None
    total = _of_total(toks, core.stop)
    if total is None:
        expr = _Expr(core.lo, core.hi, i, core.stop, core.first, core.stop, relation="all_but")
        return expr, core.stop
    left = total.lo - core.hi
    expr = _Expr(left, left, i, total.stop, core.first, total.stop, relation="all_but")
    return expr, total.stop


def _of_total(toks: Sequence[_Tok], j: int) -> _Core | None:
    """ "of the 40", "the 40", "of its 72": the total a fraction or "all but" refers to."""
    if _word(toks, j) == "of":
        j += 1
    if _word(toks, j) in _DETERMINERS or _word(toks, j) == "all":
        j += 1
        if _word(toks, j) == "the":
            j += 1
    if j >= len(toks):
        return None
    core = _core_at(toks, j, False)
    if core is None or core.excluded or core.vague:
        return None
    return core


def _fraction_at(toks: Sequence[_Tok], i: int, floor: int) -> tuple[_Expr | None, int] | None:
    w = _word(toks, i)
    j = i + 1
    numerator = 1.0
    if w == "half":
        den, plural = 2, False
        j = i
    elif w in ("a", "an", "one") or (w in _SMALL and _SMALL[w] > 1):
        numerator = float(_SMALL.get(w, 1))
        if j < len(toks) and toks[j].text in "-‐" and not toks[j].gap:
            j += 1
        den_word = _word(toks, j)
        if den_word not in _DENOMINATORS or (den_word.endswith("s") != (numerator > 1)):
            return None
        if w in ("a", "an", "one") and den_word == "fourth" and _word(toks, j + 1) != "of":
            return None
        den, plural = _DENOMINATORS[den_word], True
    else:
        return None
    del plural
    stop = j + 1
    total = _of_total(toks, stop)
    has_link = _word(toks, stop) in ("of", *_DETERMINERS)
    if total is None or not has_link:
        if w in ("half", "a", "an"):
            return None
        return None, stop  # "two-thirds of the hostages": no figure, and not a count of 2
    value = total.lo * numerator / den
    expr = _Expr(value, value, i, total.stop, i, total.stop, relation="fraction")
    return _finish_left(toks, expr, floor), total.stop


def _multiple_at(toks: Sequence[_Tok], i: int, floor: int) -> tuple[_Expr | None, int] | None:
    w = _word(toks, i)
    if w not in _MULTIPLES:
        return None
    j = i + 1
    if _phrase(toks, j, 3) in ("as many as", "as much as"):
        j += 3
    elif _phrase(toks, j, 2) == "that of":
        j += 2
    if _word(toks, j) in _DETERMINERS:
        j += 1
    if j >= len(toks) or j == i + 1:
        return None
    core = _core_at(toks, j, False)
    if core is None or core.excluded or core.vague:
        return None
    value = core.lo * _MULTIPLES[w]
    expr = _Expr(value, value, i, core.stop, i, core.stop, relation="multiple")
    return _finish_left(toks, expr, floor), core.stop


def _number_at(toks: Sequence[_Tok], i: int, floor: int) -> tuple[_Expr | None, int] | None:
    cur = _currency_before(toks, i, floor)
    core = _core_at(toks, i, cur is not None)
    if core is None:
        return None
    if core.excluded or _is_identifier(toks, core):
        return None, core.stop
    expr = _Expr(
        core.lo, core.hi, cur[1] if cur else i, core.stop, i, core.stop,
        qualifier=Qualifier.ESTIMATE if core.vague else Qualifier.EXACT,
        unit=currency(cur[0]) if cur else None, vague=core.vague, step=core.step,
    )  # fmt: skip
    expr = _finish_left(toks, expr, floor)
    between = _match_before(toks, floor, expr.first, _ROLE_PHRASES)
    expr, j = _right_side(toks, expr, core, cur is not None)
    if not expr.is_range and expr.unit is None and _is_ratio(toks, j):
        return None, j + 2  # "one in five"; "103 million euros in one heist" is no ratio
    if expr.is_range and between is not None and between[0] in (_BETWEEN, _FROM):
        expr = replace(expr, first=between[1])
    skip = _skip_range(toks, expr, core, between)
    if skip is not None:
        return None, skip
    if _is_pronoun_one(toks, core, expr) or _is_year(toks, core, expr):
        return None, core.stop
    return expr, expr.stop


def _is_ratio(toks: Sequence[_Tok], j: int) -> bool:
    """ "one in five": a ratio, not two counts."""
    if _word(toks, j) != "in" or j + 1 >= len(toks):
        return False
    core = _core_at(toks, j + 1, False)
    if core is not None and core.words and _word(toks, core.stop) == "of":
        return False  # "in one of the biggest heists"
    return core is not None and not core.vague and not core.excluded


def _skip_range(
    toks: Sequence[_Tok], expr: _Expr, core: _Core, between: tuple[str | Qualifier, int] | None
) -> int | None:
    """Year spans ("1996-97") and scores ("3-1") take both numbers out."""
    j = expr.unit_stop if expr.unit_stop is not None and expr.unit_stop == core.stop else core.stop
    if expr.unit is not None:
        return None
    conn = toks[j] if j < len(toks) else None
    if conn is None or conn.blocked or conn.low not in ("-", "–", "—", "to", "‐"):
        return None
    if j + 1 >= len(toks):
        return None
    other = _core_at(toks, j + 1, False)
    if other is None or other.excluded or other.vague:
        return None
    if core.plain and 1900 <= core.lo <= 2099 and (other.plain or other.lo < 100):
        return other.stop
    scoreish = _near_score_word(toks, core.first, other.stop)
    if conn.low != "to" and core.lo >= other.lo and not other.words and core.lo <= 300:
        return other.stop
    if scoreish and expr.qualifier in (Qualifier.EXACT, Qualifier.RANGE):
        return other.stop
    return None


def _near_score_word(toks: Sequence[_Tok], first: int, stop: int) -> bool:
    around = [_word(toks, k) for k in (first - 2, first - 1, stop, stop + 1)]
    return any(w in _SCORE_WORDS for w in around)


def _right_side(toks: Sequence[_Tok], expr: _Expr, core: _Core, money: bool) -> tuple[_Expr, int]:
    j = core.stop
    unit_hit = _unit_at(toks, j, core) if not money else None
    if unit_hit is not None:
        expr = replace(expr, unit=unit_hit.unit, unit_first=unit_hit.first, unit_stop=unit_hit.stop)
        j = unit_hit.stop
    suffix = _match_after(toks, j, _SUFFIX_QUALIFIERS)
    if suffix is not None and not (toks[j].low == "plus" and _next_is_number(toks, suffix[1])):
        if suffix[0] == Qualifier.ABOUT or expr.qualifier is Qualifier.EXACT:
            expr = replace(expr, qualifier=Qualifier(suffix[0]))
        j = suffix[1]
    elif (j < len(toks) and toks[j].low == "odd") or _phrase(toks, j, 2) == "- odd":
        j += 1 if toks[j].low == "odd" else 2
        expr = replace(expr, qualifier=Qualifier.ABOUT, odd=roundness(core.lo))
    else:
        expr, j = _range_partner(toks, expr, core, j)
    expr = replace(expr, stop=j)
    return _suffix_roles(toks, expr, j)


def _next_is_number(toks: Sequence[_Tok], j: int) -> bool:
    return j < len(toks) and (toks[j].kind == "num" or toks[j].low in _SMALL)


def _suffix_roles(toks: Sequence[_Tok], expr: _Expr, j: int) -> tuple[_Expr, int]:
    role = _match_after(toks, j, _SUFFIX_ROLES)
    if role is not None and not (role[0] == _INCREMENT and _word(toks, j + 1) == "than"):
        if role[0] == _TOTALITY:
            expr = replace(expr, totality=True)
        elif expr.relation is None:
            expr = replace(expr, relation=str(role[0]))
        j = role[1]
    if _phrase(toks, j + 1, 2) in ("in all", "in total") and toks[j].kind == "word":
        after = toks[j + 3] if j + 3 < len(toks) else None
        if after is None or after.kind == "sym":
            expr = replace(expr, totality=True)  # "72 hostages in all."
    others = _word(toks, j) in ("others", "other")
    if others and expr.first >= 2 and _word(toks, expr.first - 1) == "and":
        subject = toks[expr.first - 2]
        if not subject.blocked and (
            subject.low in _PRONOUNS or (subject.kind == "word" and subject.text[:1].isupper())
        ):
            expr = replace(
                expr, lo=expr.lo + 1, hi=expr.hi + 1, first=expr.first - 2,
                relation="and_others",
            )  # fmt: skip
            j += 1
    return replace(expr, stop=j), j


def _range_partner(toks: Sequence[_Tok], expr: _Expr, core: _Core, j: int) -> tuple[_Expr, int]:
    conn = _word(toks, j)
    if conn not in ("to", "-", "–", "—", "‐", "or", "and", "through") or core.vague:
        return expr, j
    if conn == "to" and _is_change(toks, expr.first):
        return expr, j  # "rose from 12 to 15": two figures, not a range
    k = j + 1
    cur2 = None
    for size in (1, 2, 3):
        cur = _currency_before(toks, k + size, k) if k + size < len(toks) else None
        if cur is not None and cur[1] == k:
            cur2 = k + size
            break
    if cur2 is not None:
        k = cur2
    if k >= len(toks):
        return expr, j
    other = _core_at(toks, k, cur2 is not None or expr.unit is not None)
    if other is None or other.excluded or other.vague:
        return expr, j
    unit2 = _unit_at(toks, other.stop, other) if cur2 is None else None
    lo, hi = core.lo, other.hi
    if core.scale == 1.0 and other.scale > 1.0 and lo * other.scale <= hi:
        lo *= other.scale
    if not lo < hi:
        return expr, j
    unit = expr.unit
    if unit2 is not None:
        if unit is not None and unit.canonical != unit2.unit.canonical:
            return expr, j
        if unit is not None and unit.name != unit2.unit.name:
            return expr, j
        unit = unit2.unit
    if conn == "and" and not _after_between(toks, expr):
        return expr, j
    stop = unit2.stop if unit2 is not None else other.stop
    return (
        replace(
            expr, lo=lo, hi=hi, unit=unit, is_range=True, num_stop=other.stop,
            unit_first=unit2.first if unit2 else expr.unit_first,
            unit_stop=unit2.stop if unit2 else expr.unit_stop,
            qualifier=(
                Qualifier.RANGE if expr.qualifier in (Qualifier.EXACT, Qualifier.ESTIMATE)
                else expr.qualifier
            ),
        ),
        stop,
    )  # fmt: skip


def _is_change(toks: Sequence[_Tok], first: int) -> bool:
    if _word(toks, first - 1) != "from":
        return False
    return any(_word(toks, k) in _CHANGE_VERBS for k in range(first - 4, first - 1))


def _after_between(toks: Sequence[_Tok], expr: _Expr) -> bool:
    return _word(toks, expr.first - 1) == "between" or _phrase(toks, expr.first - 2, 2) in (
        "anywhere between",
        "somewhere between",
    )


def _is_identifier(toks: Sequence[_Tok], core: _Core) -> bool:
    i = core.first
    if core.words or i == 0:
        return False
    prev = toks[i - 1]
    if prev.blocked:
        return False
    if prev.text == "#" and not toks[i].gap:
        return True
    if prev.text == "." and i >= 2 and toks[i - 2].low in ("no", "nos", "nr") and not prev.gap:
        return True
    if prev.kind != "word" or prev.low not in _ID_WORDS:
        return False
    if prev.low == "number" and _word(toks, i - 2) in ("a", "the"):
        return prev.low == "number" and _word(toks, i - 2) == "the"
    if prev.text == "number" and _counting_verb(_word(toks, i - 2)):
        return False  # "the captors number 14": the verb, not "number 14"
    if prev.low in ("no",):
        return prev.text == "No"
    return not (prev.low in ("day", "year", "act", "size", "line", "level") and prev.text.islower())


_NOT_PLURALS = frozenset({"his", "its", "was", "is", "has", "this", "bus", "us", "gas", "as"})


def _counting_verb(before: str) -> bool:
    """ "number" after a plural or a pronoun counts it: "they number 14", "the rebels
    now number 14"; after anything else it names ("room number 14", "at number 10")."""
    return before in ("they", "we", "now", "still", "only", "together") or (
        len(before) > 3 and before.endswith("s") and before not in _NOT_PLURALS
    )


def _is_pronoun_one(toks: Sequence[_Tok], core: _Core, expr: _Expr) -> bool:
    if not (core.words and core.stop == core.first + 1 and toks[core.first].low == "one"):
        return False
    if expr.is_range or (expr.unit is not None and expr.unit.dimension.value != "time"):
        return False
    if expr.qualifier is not Qualifier.EXACT or expr.relation is not None or expr.totality:
        return False
    i = core.first
    before, after = _word(toks, i - 1), _word(toks, i + 1)
    if before in _ONE_BEFORE or after in _ONE_AFTER:
        return True
    if i >= 2 and _phrase(toks, i - 2, 2) == "one by":
        return True
    if before == "at" or (
        after == "of" and _phrase(toks, i + 2, 2) in ("these days", "those days")
    ):
        return True
    if after in _ONE_DAY_WORDS and before not in _ONE_DAY_PREPS:
        return True
    if i + 1 < len(toks) and toks[i + 1].text in "-‐" and not toks[i + 1].gap:
        nxt = _word(toks, i + 2)
        return nxt not in _ONE_HYPHEN_OK and match_unit(_unit_texts(toks, i + 2)) is None
    return False


def _is_year(toks: Sequence[_Tok], core: _Core, expr: _Expr) -> bool:
    """A year, or a 24-hour clock time such as "at 1353" (see the module docstring)."""
    if not core.plain or len(toks[core.first].text) != 4:
        return False
    if expr.unit is not None or expr.is_range or expr.relation is not None:
        return False
    value = core.lo
    if _word(toks, expr.first - 1) == "at" and value % 100 < 60 and value < 2400:
        return expr.qualifier is Qualifier.EXACT
    before = _word(toks, expr.first - 1)
    if 1000 <= value <= 2099 and before in _YEAR_PREPS and expr.qualifier is Qualifier.EXACT:
        return True
    if not 1900 <= value <= 2099 or expr.qualifier is not Qualifier.EXACT or expr.totality:
        return False
    return _word(toks, expr.stop) not in _COUNT_HINTS


# ------------------------------------------------------------------ intervals


def roundness(value: float) -> float:
    """Place value of the last significant digit, times 5 when that digit is 5.

    20 -> 10, 25 -> 5, 74 -> 1, 400 -> 100, 1500 -> 500, 2.5 -> 0.5, 0 -> 1.
    """
    if value == 0 or not math.isfinite(value):
        return 1.0
    try:
        dec = Decimal(repr(abs(value))).normalize()
    except InvalidOperation:
        return 1.0
    sign, digits, exponent = dec.as_tuple()
    del sign
    if not isinstance(exponent, int) or not digits:
        return 1.0
    unit = 10.0**exponent
    return unit * 5 if digits[-1] == 5 else unit


def _half_width(value: float, step: float | None = None) -> float:
    n = abs(value)
    unit = step if step is not None else roundness(value)
    return min(max(unit / 2, 0.05 * n), 0.25 * n)


def _interval(expr: _Expr, integral: bool) -> tuple[float | None, float | None]:
    lo, hi, q = expr.lo, expr.hi, expr.qualifier
    if expr.odd is not None:
        return (lo + 1 if integral else lo), lo + expr.odd - (1 if integral else 0)
    if q in (Qualifier.ABOUT, Qualifier.ESTIMATE) and lo == hi:
        w = _half_width(lo, expr.step)
        low, high = lo - w, hi + w
        if integral:
            low, high = math.floor(low), math.ceil(high)
        return max(low, 0.0) if lo >= 0 else low, high
    if q is Qualifier.AT_LEAST:
        return lo, None
    if q is Qualifier.MORE_THAN:
        return (lo + 1 if integral else lo), None
    if q in (Qualifier.AT_MOST, Qualifier.UP_TO):
        return None, hi
    if q is Qualifier.FEWER_THAN:
        return None, (hi - 1 if integral else hi)
    if q is Qualifier.NEARLY:
        low = lo - _half_width(lo, expr.step) if lo == hi else lo
        return (math.floor(low) if integral else low), hi
    return lo, hi


def _to_quantity(text: str, toks: Sequence[_Tok], expr: _Expr) -> Quantity:
    integral = (
        expr.unit is None
        and expr.step is None
        and float(expr.lo).is_integer()
        and float(expr.hi).is_integer()
    )
    low, high = _interval(expr, integral)
    low, high = _clean(low), _clean(high)
    unit = expr.unit
    canon_low = unit.to_canonical(low) if unit is not None and low is not None else low
    canon_high = unit.to_canonical(high) if unit is not None and high is not None else high
    start, end = toks[expr.first].start, toks[expr.stop - 1].end
    unit_text: str | None = None
    if expr.unit_first is not None and expr.unit_stop is not None:
        first = expr.unit_first + (1 if toks[expr.unit_first].text in "-‐" else 0)
        unit_text = text[toks[first].start : toks[expr.unit_stop - 1].end]
    elif unit is not None and expr.first < expr.num_first:
        unit_text = text[toks[expr.first].start : toks[expr.num_first - 1].end]
        cur = _currency_before(toks, expr.num_first, expr.first)
        if cur is not None:
            unit_text = text[toks[cur[1]].start : toks[expr.num_first - 1].end]
    return Quantity(
        low=_clean(canon_low),
        high=_clean(canon_high),
        qualifier=expr.qualifier,
        start=start,
        end=end,
        text=text[start:end],
        unit=unit.canonical if unit is not None else None,
        unit_text=unit_text,
        original_low=low,
        original_high=high,
        noun=None,
        totality=expr.totality,
        number_start=toks[expr.num_first].start,
        number_end=toks[expr.num_stop - 1].end,
        relation=expr.relation,
    )


def _finite(expr: _Expr) -> bool:
    """A figure of 310 digits overflows a float: no count anybody reports, so skipped."""
    return math.isfinite(expr.lo) and math.isfinite(expr.hi)


def _clean(value: float | None) -> float | None:
    """Round away binary noise from conversions (2300 ft -> 701.04 m, not 701.0400000001)."""
    if value is None:
        return None
    if value == 0:
        return 0.0
    if not math.isfinite(value):
        return value
    digits = 12 - math.floor(math.log10(abs(value)))
    return float(round(value, max(0, digits)))


# ------------------------------------------------------------------ public API


def parse_number(text: str) -> float | None:
    """The value of one number written alone, or None (see the module docstring)."""
    toks = _tokenize(text.strip())
    if not toks or any(t.blocked for t in toks):
        return None
    core = _core_at(toks, 0, False)
    if core is None or core.excluded or core.vague or core.stop != len(toks):
        return None
    return core.lo


def format_interval(low: float | None, high: float | None) -> str:
    """ "14", "15–25", "≥ 400", "≤ 10"; "any" when both bounds are open."""
    if low is None and high is None:
        return "any"
    if low is None:
        return f"≤ {_fmt(high)}"
    if high is None:
        return f"≥ {_fmt(low)}"
    if low == high:
        return _fmt(low)
    return f"{_fmt(low)}–{_fmt(high)}"


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:,.4f}".rstrip("0").rstrip(".")
