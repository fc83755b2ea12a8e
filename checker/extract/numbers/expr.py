"""Figure expressions: what is written before a number, and the special shapes
(zero, all but, fractions, multiples)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final

from checker.extract.numbers.cores import _Core, _core_at
from checker.extract.numbers.tokens import _phrase, _runs_before, _Tok, _word
from checker.extract.numbers.unitscan import _unit_texts
from checker.extract.numbers.vocab import (
    _BETWEEN,
    _DENOMINATORS,
    _DETERMINERS,
    _FROM,
    _MULTIPLES,
    _NONE_AFTER,
    _QUALIFIER_PHRASES,
    _ROLE_PHRASES,
    _SMALL,
    _TOTALITY,
)
from checker.extract.units import Dimension, Unit, match_unit
from checker.records import Qualifier


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
    written: float | None = None  # see ``_Core.written``


def _match_before(
    toks: Sequence[_Tok], floor: int, end: int, table: Mapping[str, str | Qualifier]
) -> tuple[str | Qualifier, int] | None:
    for first, part in _runs_before(toks, floor, end):
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
    {"injuries", "casualties", "deaths", "fatalities", "dead", "injured", "wounded", "survivors",
     "hostages", "arrests"}
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
        if _phrase(toks, j + 1, 2) in ("' s", "’ s") and toks[j].kind == "word":
            j += 3  # "two-thirds of the town's 9,000 people"
    if j >= len(toks):
        return None
    core = _core_at(toks, j, False)
    if core is None or core.excluded or core.vague:
        return None
    return core


def _after_by(toks: Sequence[_Tok], i: int) -> bool:
    """ "cut by half", "by about a third", "by nearly two-thirds"."""
    before = _word(toks, i - 1)
    return before == "by" or (
        _word(toks, i - 2) == "by" and before in ("about", "nearly", "almost", "roughly", "around")
    )


_NOT_A_SHARE: Final = frozenset(
    {"first", "second", "last", "latter", "former", "other", "the", "this", "that", "next"}
)


def _fraction_at(toks: Sequence[_Tok], i: int, floor: int) -> tuple[_Expr | None, int] | None:
    w = _word(toks, i)
    j = i + 1
    numerator = 1.0
    if w == "half":
        if _word(toks, i - 1) in _NOT_A_SHARE:
            return None  # "the first half of the year"
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
    if _phrase(toks, stop, 2) == "- point" and not toks[stop].gap:
        share = numerator / den  # "a quarter-point cut", "a half-point rise"
        pp = match_unit(["percentage", "point"])
        expr = _Expr(share, share, i, stop + 2, i, stop, unit=pp[0] if pp else None,
                     unit_first=stop,
                     unit_stop=stop + 2)  # fmt: skip
        return _finish_left(toks, expr, floor), stop + 2
    total = _of_total(toks, stop)
    has_link = _word(toks, stop) in ("of", *_DETERMINERS)
    if total is None or not has_link:
        share = numerator / den
        of_link = _word(toks, stop) == "of"
        if of_link or _after_by(toks, i) or (numerator > 1 and w != "a"):
            # "two-thirds of the hostages", "a quarter of loans", "cut by half": a share
            measure = _unit_of(toks, stop + 1) if of_link else None
            if measure is not None:
                of_unit, unit_stop, unit_first = measure
                expr = _Expr(share, share, i, unit_stop, i, stop, unit=of_unit,
                             unit_first=unit_first, unit_stop=unit_stop)  # fmt: skip
                return _finish_left(toks, expr, floor), unit_stop
            expr = _Expr(share, share, i, stop, i, stop, relation="share")
            return _finish_left(toks, expr, floor), stop
        if w in ("half", "a", "an"):
            return None
        return None, stop
    value = total.lo * numerator / den
    expr = _Expr(value, value, i, total.stop, i, total.stop, relation="fraction")
    return _finish_left(toks, expr, floor), total.stop


def _unit_of(toks: Sequence[_Tok], j: int) -> tuple[Unit, int, int] | None:
    """ "(a quarter of) a mile", "(two-thirds of) an hour": the unit, its stop and first."""
    if _word(toks, j) not in ("a", "an"):
        return None
    hit = match_unit(_unit_texts(toks, j + 1))
    if hit is None or hit[0].dimension is Dimension.CURRENCY:
        return None
    return hit[0], j + 1 + hit[1], j + 1


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
