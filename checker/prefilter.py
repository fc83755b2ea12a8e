"""Which stretches of a report need the statistical parser, decided without it.

A claim needs a figure or a date expression (``checker.extract.numbers`` and
``checker.extract.dates`` find them in plain text). Many sentences of a news
report hold neither, so only the sentences that may hold one are parsed with
the tagger, parser and lemmatizer (names come from the entity recogniser,
which runs on the whole text: see :mod:`checker.extraction`). Everything
here is pure string work.

- :func:`split_sentences` splits text into sentence spans with a regular
  expression: after ``.``/``!``/``?`` (and closing quotes or brackets) before
  a capital, a digit or an opening quote, unless the word before the period
  is an abbreviation ("Dec.", "Gen.", "a.m.", an initial); and at line
  breaks that end a paragraph, a heading or a dateline. Erring towards
  longer sentences is safe: it only parses more.
- :func:`may_hold_claim` is a superset test for what the number and date
  layers recognise: a digit, a number word ("twelve", "dozens", "a
  handful", "none"), a month or weekday name, a relative day ("yesterday",
  "tonight"), a period word ("week", "spring"), a holiday, "noon", a zero
  ("no casualties", "no survivors").
- :func:`plan` turns a text into :class:`Plan`: maximal runs of consecutive
  claim sentences (parsed together, so that the parse sees the same
  neighbours as a whole-document parse would), each with the whitespace
  that follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.extract.numbers import ZERO_CASUALTY_NOUNS

Span = tuple[int, int]

__all__ = ["Plan", "cut", "may_hold_claim", "plan", "split_sentences", "takes_up_predecessor"]

# Words after which a period does not end a sentence.
_ABBREVIATION_WORDS = """
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    mr mrs ms dr prof rev msgr fr sr jr st gen lt col maj capt sgt cmdr adm cpl pvt
    sen rep gov pres supt insp det brig gens
    co corp inc ltd bros no nos vol vs etc approx est dept univ ave mt ft ok
    am pm
"""
ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())

_BOUNDARY = re.compile(
    r"""
    (?P<punct>[.!?]+)[\"'”’)\]]*          # sentence punctuation, closing quotes/brackets
    (?P<space>[ \t]+|[ \t]*\n[ \t]*)      # whitespace (at most one line break)
    (?=[\"'“‘(\[]?[A-Z0-9])               # the next sentence starts with a capital or digit
    |
    (?P<para>[ \t]*\n(?:[ \t]*\n)+[ \t]*) # a blank line ends a paragraph
    |
    (?P<line>(?<=[.!?:\"”’)\]])[ \t]*\n[ \t]*) # a line ending in punctuation
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")

# ------------------------------------------------------------------ claim candidates

_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|tens|scores?|"
    "several|few|couple|handful|pair|none|nobody|noone|half|halves|thirds?|quarters?|"
    "fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|first|second|fourth|fifth|"
    "sixth|seventh|"
    "eighth|ninth|tenth|hundredth|thousandth|millionth|twice|double|triple|treble|quadruple|"
    "thrice|once|single|lone|both|dozen|bn|mn|mln|tn|trn"
)
_DATE_WORDS = (
    "today|tonight|yesterday|tomorrow|overnight|noon|midnight|morning|afternoon|evening|night|"
    "days?|weeks?|weekends?|fortnights?|months?|years?|decades?|spring|summer|autumn|fall|"
    "winter"
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_WEEKDAYS = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    "Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun"
)
_HOLIDAYS = "Christmas|New\\s+Year|Boxing\\s+Day|Valentine|Independence\\s+Day|Easter"

_CLAIM_RE = re.compile(
    r"\d"
    rf"|\b(?i:{_NUMBER_WORDS}|{_DATE_WORDS})\b"
    rf"|\b(?:{_MONTHS}|{_WEEKDAYS}|{_HOLIDAYS})\b"
    rf"|\b(?:{_MONTHS.upper()}|{_WEEKDAYS.upper()})\b"
    r"|\b[QH][1-4]\b|['’]\d"
    # a zero the number layer reads: "no casualties", "there were no survivors"
    rf"|\b(?i:no\s+(?:reports\s+of\s+)?(?:{'|'.join(sorted(ZERO_CASUALTY_NOUNS))}))\b"
)


# A sentence that opens with a figure of no noun takes up who its predecessor named
# ("Russian commandos charged in. Ten of them died"; "32 attackers took part.
# Thirty-one were killed"): the predecessor is parsed with it.
_TAKES_UP_RE = re.compile(
    rf"^[\"'“‘(]?(?:\d[\d,]*|(?i:{_NUMBER_WORDS})(?:-\w+)?)\s+"
    r"(?:of\s+(?:them|those)\b|(?:were|was|are|have|had|died|remain(?:ed)?)\b)",
    re.IGNORECASE,
)


def takes_up_predecessor(sentence: str) -> bool:
    return _TAKES_UP_RE.match(sentence) is not None


def may_hold_claim(sentence: str) -> bool:
    """True unless ``sentence`` certainly holds no figure and no date expression."""
    return _CLAIM_RE.search(sentence) is not None


# ------------------------------------------------------------------ splitting


def split_sentences(text: str) -> list[Span]:
    """Sentence spans ``(start, end)`` of ``text``, without surrounding whitespace."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group("punct") is not None and _is_abbreviation(text, m.start("punct"), m):
            continue
        end = m.start("space") if m.group("punct") is not None else m.start()
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    out: list[Span] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _is_abbreviation(text: str, punct_start: int, m: re.Match[str]) -> bool:
    if m.group("punct") != ".":
        return False
    word = _WORD_BEFORE.search(text, max(0, punct_start - 30), punct_start)
    if word is None:
        return False
    w = word.group(1)
    if "." in w:  # "U.S.", "a.m", "p.m"
        return True
    if len(w) == 1:  # an initial: "Juan L. Cipriani"
        return True
    return w.lower() in ABBREVIATIONS


# ------------------------------------------------------------------ plan


@dataclass(frozen=True)
class Plan:
    """What to parse of one text.

    ``sentences``: every sentence, extended over the whitespace that follows
    it (as spaCy attaches a paragraph break to the sentence before it).
    ``claim_parts``: maximal runs of consecutive sentences that may hold a
    claim, for the full pipeline. ``total``: the text's length.
    """

    sentences: tuple[Span, ...]
    claim_parts: tuple[Span, ...]
    total: int

    @property
    def claim_chars(self) -> int:
        return sum(e - s for s, e in self.claim_parts)


def plan(text: str) -> Plan:
    """Split ``text`` into sentences and group the ones that may hold a claim."""
    spans = split_sentences(text)
    sentences: list[Span] = []
    claim_parts: list[Span] = []
    run_start: int | None = None
    for k, (s, e) in enumerate(spans):
        end = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        sentences.append((s, end))
        if may_hold_claim(text[s:e]):
            if run_start is None:
                before = spans[k - 1][0] if k > 0 else s
                run_start = before if takes_up_predecessor(text[s:e]) else s
            continue
        if run_start is not None:
            claim_parts.append((run_start, s))
            run_start = None
    if run_start is not None:
        claim_parts.append((run_start, len(text)))
    pieces = [p for s, e in claim_parts for p in cut(text, s, e)]
    return Plan(tuple(sentences), tuple(pieces), len(text))


# spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088);
# what is parsed is cut well below that, between paragraphs or sentences.
MAX_PIECE_CHARS = 100_000
_BREAKS = ("\n\n", "\n", ". ", " ")


def cut(text: str, start: int, end: int, limit: int | None = None) -> list[Span]:
    """``text[start:end]`` as consecutive spans of at most ``limit`` characters, each
    cut after the last paragraph break, else line break, else sentence end, else
    space in its second half (a hard cut only when there is none)."""
    limit = MAX_PIECE_CHARS if limit is None else limit
    out: list[Span] = []
    while end - start > limit:
        stop = start + limit
        at = -1
        for mark in _BREAKS:
            at = text.rfind(mark, start + limit // 2, stop - len(mark) + 1)
            if at >= 0:
                at += len(mark)
                break
        stop = at if at > start else stop
        out.append((start, stop))
        start = stop
    out.append((start, end))
    return out
