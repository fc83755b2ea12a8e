"""Bare numbers over tokens (digits, words, vague amounts) and the units written after them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from checker.extract.numbers.tokens import _phrase, _Tok, _word
from checker.extract.numbers.unitscan import _currency_follows, _unit_texts
from checker.extract.numbers.vocab import (
    _ATTACHED_SCALE,
    _BIG,
    _GLUE_AFTER,
    _GLUE_BEFORE,
    _MONEY_SCALE,
    _MULTIPLIER_WORDS,
    _ORDINAL_SUFFIX,
    _ORDINAL_WORDS,
    _PLURALS,
    _SCALE_WORDS,
    _SMALL,
    _SPACED_SCALE,
    _TENS,
)
from checker.extract.units import (
    CURRENCY_SYMBOLS,
    Dimension,
    match_glued_unit,
    match_unit,
)


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
    written: float | None = None  # the figure a vague amount names: "hundreds" -> 100


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
            scale = _glued_scale(toks, j, tok, value, money)
            if scale is not None:
                return _scaled(_Core(value * scale, value * scale, i, j + 1, scale=scale), toks)
            if match_unit(_unit_texts(toks, j)) is None and match_glued_unit(nxt.text) is None:
                glued_on = j + 1 < n and not toks[j + 1].gap and toks[j + 1].kind == "num"
                if _is_code_suffix(nxt.text) or nxt.low == "ers" or glued_on:  # 49ers, 4x4
                    return _Core(value, value, i, j + 1, excluded=True)  # "5G", "3D", "4WD"
                # an unknown unit glued to the figure ("5,000mAh", "3x"): the figure stands
                return _Core(value, value, i, j + 1, step=_step_of(tok.text))
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
    core = _Core(value, value, i, j, plain=plain and j == i + 1, step=_step_of(tok.text))
    return _scaled(core, toks)


def _step_of(text: str) -> float | None:
    return _written_step(text) if "." in text else None


# Glued "m" is a metre in a race ("the 400m hurdles") or a height ("a 10m wall"), and
# a million before a plural or a unit of something else ("12.3m tonnes", "4m people").
_RACE_DISTANCES: Final = frozenset({50, 60, 100, 110, 200, 300, 400, 800, 1500, 3000, 5000})
_NOT_PLURAL: Final = frozenset({"his", "its", "was", "is", "has", "this", "us", "as", "less"})


def _glued_scale(
    toks: Sequence[_Tok], j: int, tok: _Tok, value: float, money: bool
) -> float | None:
    """A scale letter glued to the figure: "25k", "5bn", "4.3M", "8B", "12.3m tonnes"."""
    text = toks[j].text
    if text == "K" and value <= 16 and "." not in tok.text:
        return None  # "4K", "8K": a resolution
    scale = _ATTACHED_SCALE.get(text)
    if scale is not None:
        return scale
    if money:
        return _MONEY_SCALE.get(text)
    if text in ("M", "B") and _stands_alone(toks, j + 1):
        return _MONEY_SCALE[text]  # "4.3M sales", "8B parameters"; not "9M-MRD"
    if text == "m" and value not in _RACE_DISTANCES and _million_follows(toks, j + 1):
        return 1e6
    return None


def _stands_alone(toks: Sequence[_Tok], k: int) -> bool:
    return k >= len(toks) or toks[k].gap or toks[k].text in ".,;:)!?"


def _million_follows(toks: Sequence[_Tok], k: int) -> bool:
    if k >= len(toks) or not toks[k].gap or toks[k].kind != "word" or toks[k].blocked:
        return False
    hit = match_unit(_unit_texts(toks, k))
    if hit is not None:
        return hit[0].dimension not in (Dimension.LENGTH, Dimension.TIME, Dimension.SPEED)
    low = toks[k].low
    return (
        toks[k].text.islower()
        and len(low) > 3
        and low.endswith("s")
        and (low not in _NOT_PLURAL and not low.endswith("ss"))
    )


def _is_code_suffix(text: str) -> bool:
    """ "G" in "5G", "D" in "3D", "XE" in "6XE": letters naming a thing, not a unit."""
    return text.isupper()


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
    if prev.kind == "word" and prev.text in CURRENCY_SYMBOLS:
        return False  # "RM79", "USD500"
    if prev.kind == "word" or prev.text in _GLUE_BEFORE:
        return True
    return (
        prev.text in "-‐"
        and not prev.gap
        and i >= 2
        and toks[i - 2].kind == "word"
        and toks[i - 2].low not in _SMALL
        and toks[i - 2].low not in _TENS
        and toks[i - 2].low not in _HYPHEN_BEFORE_FIGURE
    )


# Words that a figure may follow with a hyphen: "minus-260", "magnitude-7.1", "top-10".
_HYPHEN_BEFORE_FIGURE: Final = frozenset(
    {"minus", "magnitude", "aged", "top", "under", "over", "par", "of"}
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
        step = _SCALE_WORDS.get(word) or _SPACED_SCALE.get(toks[k].text) or _LAKH.get(word)
        if step is None and toks[k].text in ("B", "M") and _lower_word(toks, k + 1):
            step = 1e9 if toks[k].text == "B" else 1e6  # "8 B people"
        if step is None:
            break
        if k > j and not (factor == 100.0 and word in _BIG) and word not in ("crore", "crores"):
            break  # only "hundred thousand/million/billion" and "lakh crore" chain
        factor, k = factor * step, k + 1
        if word == "dozen":
            break
    return factor, k


_LAKH: Final = {"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}


def _lower_word(toks: Sequence[_Tok], k: int) -> bool:
    return k < len(toks) and toks[k].kind == "word" and toks[k].gap and toks[k].text.islower()


def _scaled(core: _Core, toks: Sequence[_Tok]) -> _Core:
    """Apply scale words after a number: "1.5 million", "2 dozen", "40 thousand",
    "a $2.3-billion deal"."""
    start = core.stop
    if (
        start + 1 < len(toks)
        and toks[start].text in "-‐"
        and not toks[start].gap
        and toks[start + 1].low in _BIG
        and not toks[start + 1].gap
    ):
        start += 1
    factor, j = _scale_run(toks, start)
    if j == start:
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
            return _Core(2, 3, i, j + 1, vague=True, written=2)
    return None


def _scale_vague(core: _Core, toks: Sequence[_Tok]) -> _Core:
    factor, j = _scale_run(toks, core.stop)
    return replace(
        core, lo=core.lo * factor, hi=core.hi * factor, stop=j, scale=factor, written=factor
    )


def _plural_core(toks: Sequence[_Tok], i: int) -> _Core:
    w = toks[i].low
    if w == "dozens":
        return _Core(24, 99, i, i + 1, vague=True, written=12)
    base = _PLURALS[w]
    outer = _word(toks, i + 2)
    if _word(toks, i + 1) == "of" and outer in _PLURALS and _PLURALS[outer] > base >= 10:
        base *= _PLURALS[outer]
        return _Core(2 * base, 10 * base - 1, i, i + 3, vague=True, scale=base, written=base)
    return _Core(2 * base, 10 * base - 1, i, i + 1, vague=True, scale=base, written=base)
