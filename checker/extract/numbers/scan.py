"""The number scanner: one figure at a position, its right side, ranges, and what
is not a figure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from checker.extract.numbers.cores import (
    _Core,
    _core_at,
    _currency_before,
    _phrase,
    _unit_at,
    _unit_texts,
    _word,
)
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
from checker.extract.numbers.intervals import _finite, _to_quantity, roundness
from checker.extract.numbers.tokens import _Tok, _tokenize
from checker.extract.numbers.vocab import (
    _BETWEEN,
    _CHANGE_VERBS,
    _COUNT_HINTS,
    _FROM,
    _ID_WORDS,
    _INCREMENT,
    _ONE_AFTER,
    _ONE_BEFORE,
    _ONE_DAY_PREPS,
    _ONE_DAY_WORDS,
    _ONE_HYPHEN_OK,
    _PRONOUNS,
    _ROLE_PHRASES,
    _SCORE_WORDS,
    _SMALL,
    _SUFFIX_QUALIFIERS,
    _SUFFIX_ROLES,
    _TOTALITY,
    _YEAR_PREPS,
)
from checker.extract.units import currency, match_unit
from checker.records import Qualifier, Quantity


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
            out.append(_to_quantity(text, toks, expr))
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
    elif (toks[j:] and toks[j].low in ("odd",)) or _phrase(toks, j, 2) == "- odd":
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
