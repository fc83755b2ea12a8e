"""Units and currencies around a number: the unit written after it ("12 km", "164p",
"thousands of dollars") and the currency symbol before it ("US$", "RM", "A$")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from checker.extract.numbers.tokens import _runs_before, _Tok, _word
from checker.extract.units import (
    CURRENCY_SYMBOLS,
    Dimension,
    Unit,
    currency,
    match_glued_unit,
    match_unit,
)

_VIDEO_LINES: Final = frozenset({240.0, 360.0, 480.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0})

if TYPE_CHECKING:
    from checker.extract.numbers.cores import _Core


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
    if hit is None and j == core.stop and j < len(toks) and not toks[j].gap:
        glued = match_glued_unit(toks[j].text) if not toks[j].blocked else None
        if glued is not None and glued.name == "p" and core.lo in _VIDEO_LINES:
            return None  # "1080p": lines of video, not pence
        if glued is not None:
            return _UnitHit(glued, j, j + 1)  # "164p", "24pc", "-5C"
    won = hit is not None and hit[0].name == "KRW" and toks[j].low == "won"
    if won and core.scale <= 1 and core.lo < 1000:
        return None  # "won": a currency after a large amount, not the verb
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
    for first, part in _runs_before(toks, floor, i):
        if any(t.gap for t in part[1:]) and part[-1].kind != "word":
            continue
        key = " ".join(t.text for t in part)
        if key in CURRENCY_SYMBOLS:
            return CURRENCY_SYMBOLS[key], first
    return None
