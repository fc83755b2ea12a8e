"""The number scanner: one figure at a position, its right side, ranges, and what
is not a figure."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from checker.extract.numbers.cores import _Core, _core_at
from checker.extract.numbers.expr import (
    _all_but_at,
    _Expr,
    _finish_left,
    _fraction_at,
    _match_after,
    _match_before,
    _multiple_at,
    _zero_at,
)
from checker.extract.numbers.identifiers import (
    _is_pronoun_one,
    _is_year,
    _leading_zero,
    _names_something,
)
from checker.extract.numbers.intervals import _finite, _to_quantity, roundness
from checker.extract.numbers.ranges import (
    _near_score_word,
    _pair_after,
    _pair_exprs,
    _range_partner,
)
from checker.extract.numbers.tokens import _phrase, _Tok, _tokenize, _word
from checker.extract.numbers.unitscan import _currency_before, _unit_at
from checker.extract.numbers.vocab import (
    _BETWEEN,
    _FROM,
    _INCREMENT,
    _MULTIPLES,
    _MULTIPLIER_WORDS,
    _PLURALS,
    _PRONOUNS,
    _ROLE_PHRASES,
    _SMALL,
    _SUFFIX_QUALIFIERS,
    _SUFFIX_ROLES,
    _TENS,
    _TOTALITY,
)
from checker.extract.units import currency
from checker.records import Qualifier, Quantity


def find_quantities(text: str, *, join_alternatives: bool = False) -> list[Quantity]:
    """Every figure in ``text``, in order of position (see the package docstring).

    ``join_alternatives`` reads "eight or nine" and "from 20 to 25" (with no change
    verb before it) as one range, what a count claim wants, instead of two figures.
    """
    toks = _tokenize(text)
    out: list[Quantity] = []
    floor = i = 0  # i: the first token no expression has taken
    for k in [k for k, tok in enumerate(toks) if _may_open(tok)]:
        if k < i:
            continue
        hit = _expression_at(toks, k, floor, join_alternatives)
        if hit is None:
            continue
        exprs, stop = hit
        for e in exprs:
            if not _finite(e):
                continue
            q = _to_quantity(text, toks, e)
            if all(v is None or math.isfinite(v) for v in (q.low, q.high)):
                out.append(q)  # not "9...9 miles" of 308 digits: infinite in metres
        floor = i = max(stop, k + 1)
    return out


# The words an expression can open with: the specials' (``_zero_at``: "no", "none",
# "nobody", "not"; ``_all_but_at``: "all"; ``_fraction_at``: "half", "a", "an" and
# the small numbers; ``_multiple_at``: "twice"...) and the cores' (``_vague_core``:
# "hundreds", "dozens", "handful", "several", "few", and after "a": "score", "pair",
# "couple"; ``_word_core``: "half", "a", "an", small numbers and tens).
_OPENING_WORDS: Final = frozenset(
    {"no", "none", "nobody", "noone", "not", "all", "half", "a", "an", "dozens", "handful",
     "score", "pair", *_SMALL, *_TENS, *_MULTIPLES, *_PLURALS, *_MULTIPLIER_WORDS}
)  # fmt: skip


def _may_open(tok: _Tok) -> bool:
    """Can an expression open at this token? ``_expression_at`` is None where it cannot:
    a word or sign outside :data:`_OPENING_WORDS`, or a blocked token."""
    return not tok.blocked and (tok.kind in ("num", "frac") or tok.low in _OPENING_WORDS)


def _expression_at(
    toks: Sequence[_Tok], i: int, floor: int, join: bool
) -> tuple[tuple[_Expr, ...], int] | None:
    if toks[i].blocked:
        return None
    for special in (_zero_at, _all_but_at, _fraction_at, _multiple_at):
        hit = special(toks, i, floor)
        if hit is not None:
            expr, stop = hit
            return ((expr,) if expr is not None else ()), stop
    return _number_at(toks, i, floor, join)


def _sign_before(toks: Sequence[_Tok], i: int, floor: int) -> int | None:
    """The first token of a minus sign before a number: "-1.3%", "$-50.8bn", "minus 233",
    "minus-260"; a hyphen inside "3-1" or "F-16" is no sign."""
    if toks[i].kind != "num":
        return None
    k = i - 1
    if k < floor or toks[k].blocked:
        return None
    if toks[k].low == "minus":
        return k
    if toks[k].text not in ("-", "−", "–") or toks[i].gap:
        return None
    if k - 1 >= floor and toks[k - 1].low == "minus" and not toks[k].gap:
        return k - 1
    if k == 0 or toks[k].gap:
        return k
    before = toks[k - 1]
    return k if before.text in ("(", "[") or _currency_before(toks, k, floor) else None


def _number_at(
    toks: Sequence[_Tok], i: int, floor: int, join: bool
) -> tuple[tuple[_Expr, ...], int] | None:
    sign = _sign_before(toks, i, floor)
    cur = _currency_before(toks, i if sign is None else sign, floor)
    core = _core_at(toks, i, cur is not None)
    if core is None:
        return None
    if core.excluded or _leading_zero(toks, core):
        return (), core.stop
    chain = _dash_chain_stop(toks, core.stop)
    if chain is not None:
        return (), chain  # "a 3-4-3 formation", "9-1-1": a code, not figures
    if cur is None and not _score_after_id_word(toks, core) and _names_something(toks, core):
        return (), _variant_stop(toks, core.stop)
    first = cur[1] if cur else (i if sign is None else sign)
    lo, hi = (core.lo, core.hi) if sign is None else (-core.hi, -core.lo)
    expr = _Expr(
        lo, hi, first, core.stop, i, core.stop,
        qualifier=Qualifier.ESTIMATE if core.vague else Qualifier.EXACT,
        unit=currency(cur[0]) if cur else None, vague=core.vague, step=core.step,
        written=core.written,
    )  # fmt: skip
    expr = _finish_left(toks, expr, floor)
    between = _match_before(toks, floor, expr.first, _ROLE_PHRASES)
    expr, j = _right_side(toks, expr, core, cur is not None, join)
    if not expr.is_range and expr.unit is None and _is_ratio(toks, j, core.lo):
        return (), j + 2  # "one in five"; "103 million euros in one heist" is no ratio
    if expr.is_range and between is not None and between[0] in (_BETWEEN, _FROM):
        expr = replace(expr, first=between[1])
    pair = _pair_after(toks, expr, core, between is not None and between[0] == _BETWEEN)
    if pair is not None:
        return _pair_exprs(expr, core, pair), pair.stop
    if _is_pronoun_one(toks, core, expr) or _is_year(toks, core, expr):
        return (), core.stop
    return (expr,), expr.stop


def _dash_chain_stop(toks: Sequence[_Tok], j: int) -> int | None:
    """The end of "-4-3" after a number: three or more numbers joined by hyphens."""
    k, links = j, 0
    while (
        k + 1 < len(toks)
        and toks[k].text in ("-", "–")
        and toks[k + 1].kind == "num"
        and not toks[k + 1].blocked
        and not (toks[k].gap and not toks[k + 1].gap)
    ):
        k, links = k + 2, links + 1
    return k if links >= 2 else None


def _variant_stop(toks: Sequence[_Tok], j: int) -> int:
    """ "Boeing 737-800", "Airbus A350-1000": a model's variant belongs to its name."""
    glued = j + 1 < len(toks) and not toks[j].gap and not toks[j + 1].gap
    if glued and toks[j].text in ("-", "–") and toks[j + 1].kind == "num":
        return j + 2
    return j


def _score_after_id_word(toks: Sequence[_Tok], core: _Core) -> bool:
    """ "won the game 3-1": a score after "game", not game number 3 ("Boeing 737-800" is
    a model)."""
    j = core.stop
    return (
        (
            _word(toks, core.first - 1) in ("game", "match", "leg", "round", "set", "series")
            or _near_score_word(toks, core.first, j + 2)
        )
        and j + 1 < len(toks)
        and toks[j].text in ("-", "–")
        and not toks[j].gap
        and toks[j + 1].kind == "num"
        and not toks[j + 1].gap
    )


def _is_ratio(toks: Sequence[_Tok], j: int, first: float) -> bool:
    """ "one in five": a ratio, not two counts."""
    if _word(toks, j) != "in" or j + 1 >= len(toks):
        return False
    core = _core_at(toks, j + 1, False)
    if core is None or core.vague or core.excluded or core.lo <= first:
        return False  # "5 for 42 in 10 overs" is no ratio
    if core.words and _word(toks, core.stop) == "of":
        return False  # "in one of the biggest heists"
    return _unit_at(toks, core.stop, core) is None  # "100 million in two months"


def _right_side(
    toks: Sequence[_Tok], expr: _Expr, core: _Core, money: bool, join: bool
) -> tuple[_Expr, int]:
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
        expr, j = _range_partner(toks, expr, core, j, join)
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
