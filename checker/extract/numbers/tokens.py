"""Scanner tokens and the spans (dates, times, phone numbers, addresses) no figure may start in."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Final, NamedTuple

from checker.extract.prechecks import Prechecked, fold, precheck

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


class _Tok(NamedTuple):
    """A scanner token (a named tuple: a text makes tens of thousands of them, and a
    frozen dataclass takes ten times as long to build)."""

    text: str
    low: str
    start: int
    end: int
    kind: str  # "num" | "frac" | "word" | "sym"
    value: float | None
    gap: bool  # whitespace (or start of text) before the token
    blocked: bool = False  # inside a date, time, phone number ...


_NO_SEPARATORS: Final = str.maketrans("", "", ", \u00a0\u2009\u202f")


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
            value = float(raw.translate(_NO_SEPARATORS))
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
        r"\b\d{1,2}:\d{2}(?::\d{2})?\b(?!\.\d)",
        r"(?i)\b(?:in|of|time|clocked|timed|record)\s+\d{1,2}:\d{2}(?:\.\d+)?\b",
        rf"\b\d{{1,2}}\s*{_AMPM}",
        r"\b\d{1,2}\s+o['’]clock\b",
        r"\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST"
        r"|JST|Z|local time|hrs|hours GMT)\b",
        # phone numbers
        r"(?<![\d-])(?:\+?1[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)",
        r"\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\d)",
        r"(?<![\d-])(?<!\d\s)0[1-9]\d{1,3}[\s.-]\d{3,4}[\s.-]\d{3,4}(?!\d)",
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


@lru_cache(maxsize=1)
def _prechecked() -> tuple[tuple[Prechecked, ...], Prechecked, Prechecked]:
    """The patterns above with their pre-checks (``prechecks``), derived on first use."""
    return tuple(map(precheck, _BLOCK_RES)), precheck(_SHORT_PHONE_RE), precheck(_SLASH_RE)


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    # each pattern tried only where its pre-checks let it match: the same spans
    blocks, short_phone, slash = _prechecked()
    folded = fold(text)
    spans = [m.span() for rx in blocks for m in rx.finditer(text, folded)]
    for m in short_phone.finditer(text, folded):
        if _PHONE_CONTEXT_RE.search(text, max(0, m.start() - 40), m.start()):
            spans.append(m.span())
    for m in slash.finditer(text, folded):
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


def _word(toks: Sequence[_Tok], j: int) -> str:
    return toks[j].low if 0 <= j < len(toks) and not toks[j].blocked else ""


def _phrase(toks: Sequence[_Tok], j: int, size: int) -> str:
    if j < 0:
        return ""
    return " ".join(t.low for t in toks[j : j + size])


def _runs_before(
    toks: Sequence[_Tok], floor: int, end: int, longest: int = 4
) -> Iterator[tuple[int, Sequence[_Tok]]]:
    """The runs of tokens ending just before ``end`` and starting at ``floor`` or later,
    longest first, that no blocked span touches: ``(index of the first, the run)``."""
    for size in range(longest, 0, -1):
        first = end - size
        if first < floor:
            continue
        part = toks[first:end]
        if not any(t.blocked for t in part):
            yield first, part
