"""The regular-expression pre-checks (``checker/extract/prechecks.py``): every match
passes them, so the checked scan finds what ``finditer`` finds, match for match.

Each pattern the scanners use is run both ways (the fast path with its checks, the
slow path ``pattern.finditer``) on the bundled reports, on the date cases and on
generated text, and the per-offset property behind it is tested directly: wherever
the pattern matches, its start check holds and its needed characters are there.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract.dates.durations import _RE_DUR, _RE_ORD
from checker.extract.dates.scan import RECOGNISERS
from checker.extract.numbers.tokens import _BLOCK_RES, _SHORT_PHONE_RE, _SLASH_RE
from checker.extract.prechecks import _CASE_EXTRAS, Prechecked, fold, openings, precheck

ROOT = Path(__file__).resolve().parents[2]
SCANNED: dict[str, re.Pattern[str]] = {
    **{f"date: {r.name}": r.pattern for r in RECOGNISERS},
    **{f"blocked span {k}": rx for k, rx in enumerate(_BLOCK_RES)},
    "short phone number": _SHORT_PHONE_RE,
    "slash": _SLASH_RE,
    "duration": _RE_DUR,
    "day count": _RE_ORD,
}
REPORT_TEXTS = [
    p.read_text(encoding="utf-8")
    for p in sorted((ROOT / "reports").rglob("*"))
    if p.suffix in (".md", ".txt")
]
DATE_CASES = [
    c["text"]
    for c in yaml.safe_load((ROOT / "tests/extract/cases/dates.yaml").read_text(encoding="utf-8"))
]

# Pieces of news text the patterns read, their other cases, and the characters folding
# has to treat with care (the case-insensitive look-alikes, other digits, other spaces).
_PIECES = [
    *("Dec.", "December", "DEC", "dec", "May", "may", "MARCH", "Sept.", "Jan", "june"),
    *("Friday", "FRIDAY", "fri.", "Sun", "the", "The", "night of", "early", "mid-", "late"),
    *("last", "next", "this", "past", "coming", "week", "weekend", "month", "year", "ago"),
    *("from now", "later", "earlier", "before", "after", "same day", "that day", "a", "an"),
    *("two", "twenty-one", "a couple of", "quarter", "half", "third", "Q3", "H1", "1996"),
    *("96", "'70s", "’82", "1990s", "17", "3rd", "31", "0", "12:75", "2:50", "a.m.", "pm"),
    *("p.m.", "GMT", "local time", "noon", "midnight", "1530", "hrs", "today", "tonight"),
    *("yesterday", "overnight", "summer", "winter", "fall", "Christmas", "Eve", "New Year’s"),
    *("Day", "o'clock", "+44", "(555)", "555-1234", "call", "www.", "http://", "x@y.org"),
    *("1.2.3", "3/4", "24/7", "12/17/96", "1996-12-17", "1997/04/22", "T15:23:00Z", "in"),
    *(" ", "  ", ",", ".", "-", "–", "/", ":", "'", "’", "\n", "\t", "\u00a0", "\u2009"),
    *("\u0130", "\u0131", "\u017f", "\u212a", "\u0663", "\u0661\u0669\u0669\u0666", "ß"),
    *("É", "eighteen", "SATURDAY", "tHe", "Ago", "mAy", "ſummer", "thıs", "wee\u212a"),
]
_NEWSLIKE = st.lists(st.sampled_from(_PIECES) | st.text(max_size=2), max_size=30).map("".join)
_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def _agree(checked: Prechecked, text: str) -> None:
    fast = _spans(checked.finditer(text, fold(text)))
    assert fast == _spans(checked.pattern.finditer(text)), (checked.pattern.pattern[:60], text)


@pytest.fixture(scope="module")
def checked() -> dict[str, Prechecked]:
    return {name: precheck(rx) for name, rx in SCANNED.items()}


def test_the_scanners_patterns_get_checks(checked: dict[str, Prechecked]) -> None:
    """The checks are there to be used: nearly every pattern gets a start check."""
    without = [name for name, c in checked.items() if c.start is None]
    assert without == ["blocked span 15"], without  # the e-mail address: "@" is needed
    assert checked["blocked span 15"].needs == {"@", "."}


@pytest.mark.parametrize("name", sorted(SCANNED))
def test_fast_and_slow_agree_on_the_bundled_reports(
    name: str, checked: dict[str, Prechecked]
) -> None:
    found = 0
    for text in REPORT_TEXTS + DATE_CASES:
        _agree(checked[name], text)
        found += sum(1 for _ in checked[name].pattern.finditer(text))
    if name.startswith("date: "):
        assert found > 0, "a recogniser the test texts never exercise proves nothing"


_CHECKED = [precheck(rx) for rx in SCANNED.values()]


@_SETTINGS
@given(_NEWSLIKE)
def test_fast_and_slow_agree_on_generated_text(text: str) -> None:
    for c in _CHECKED:
        _agree(c, text)


@_SETTINGS
@given(_NEWSLIKE)
def test_a_match_passes_both_checks_at_its_offset(text: str) -> None:
    """The property the fast path rests on, offset by offset: wherever a pattern
    matches, its start check holds on the folded text and its needed characters are
    in it."""
    folded = fold(text)
    if folded is None:
        return
    for c in _CHECKED:
        for s in range(len(text)):
            if c.pattern.match(text, s) is None:
                continue
            assert all(ch in folded for ch in c.needs), (c.pattern.pattern[:60], text, s)
            if c.start is not None:
                assert c.start.match(folded, s) is not None, (c.pattern.pattern[:60], text, s)


# Small patterns with every construct the derivation reads: optional and repeated
# pieces, branches, sets, lookarounds, inline flags on and off, atomic groups, and
# what ends an opening (".", "\w", a negated set, a back reference).
_SHAPES = [
    r"(?:early\s+)?May\b",
    r"(?i)(?:the\s+)?night\s+of\s+\d{1,2}",
    r"(?<![\d-])\d{3}-\d{4}(?!\d)",
    r"a{2,5}b|c{3}d?|e{0,2}f",
    r"(?:ab|cd)+x|(?:y)*z",
    r"(?i:k|s|i)x",
    r"(?i)st(?-i:AR)",
    r"(?>ab|a)c",
    r"a++b",
    r"[^a]b|cd",
    r"\w+@\w+",
    r".a",
    r"(a)\1",
    r"\b(?:[01]\d|2[0-3])[0-5]\d",
    r"(?i)[a-c]{2}\s?[x-z]",
    r"['’]\d\ds",
    r"\s+x",
    r"(?i)ſt|K",
    r"",
    r"x?",
]
_SHAPE_TEXT = st.lists(
    st.sampled_from(
        [
            *"abcdefxyzKSIk -@'’\n",
            *("May", "early ", "night of 12", "NIGHT OF 3", "555-1234", "STAR", "star"),
            *("\u0130", "\u0131", "\u017f", "\u212a", "\u0663", "aab", "ccc"),
        ]
    )
    | st.text(max_size=2),
    max_size=20,
).map("".join)


_SHAPES_CHECKED = [precheck(re.compile(source)) for source in _SHAPES]


@_SETTINGS
@given(_SHAPE_TEXT)
def test_shapes_fast_and_slow_agree(text: str) -> None:
    for checked in _SHAPES_CHECKED:
        _agree(checked, text)


def test_openings_of_a_small_pattern() -> None:
    found = openings(re.compile(r"(?:early\s+)?May\b"))
    assert found is not None
    assert {"".join(sorted(a)) for atoms in found for a in atoms[:1]} == {"e", "m"}
    assert openings(re.compile(r".a")) is None  # anything may open it
    assert openings(re.compile(r"x?")) is None  # so may nothing
    assert precheck(re.compile(r"\w+@\w+")).needs == {"@"}


def test_case_insensitive_look_alikes_are_checked() -> None:
    """ "ſ" is an "s" and the Kelvin sign a "k" to a case-insensitive pattern: the
    folded text says so, and the fast path finds them."""
    for source, text in (
        (r"(?i)\bstar", "a ſtar"),
        (r"(?i)kilo", "\u212ailo"),
        ("(?i)ix", "\u0130x"),
    ):
        checked = precheck(re.compile(source))
        assert checked.start is not None
        assert _spans(checked.finditer(text, fold(text))) == _spans(checked.pattern.finditer(text))
        assert _spans(checked.pattern.finditer(text))


@pytest.mark.slow
def test_every_look_alike_of_an_ascii_letter_is_folded() -> None:
    """Every character outside ASCII that a case-insensitive ASCII letter matches is in
    ``_CASE_EXTRAS``, folded to that letter (every code point is tried)."""
    letters = re.compile(r"[a-z]", re.IGNORECASE)
    found = {
        chr(cp)
        for cp in range(0x80, sys.maxunicode + 1)
        if not 0xD800 <= cp < 0xE000 and letters.fullmatch(chr(cp))
    }
    assert found == set(_CASE_EXTRAS)
    for ch, letter in _CASE_EXTRAS.items():
        assert re.fullmatch(letter, ch, re.IGNORECASE)


@_SETTINGS
@given(st.text(max_size=60) | _NEWSLIKE)
def test_folding_keeps_offsets_digits_and_spaces(text: str) -> None:
    folded = fold(text)
    assert folded is not None  # only "İ" has a lower case of two characters
    assert len(folded) == len(text)
    for ch, f in zip(text, folded, strict=True):
        if ch.isdecimal():
            assert f in "0123456789"
        elif ch.isspace():
            assert f.isascii() and f.isspace()
        elif ch.isascii():
            assert f == ch.lower()
