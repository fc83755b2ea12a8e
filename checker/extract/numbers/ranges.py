"""Two numbers joined by "to", "-", "or", "and": a range, a change and its new level,
alternatives, a score, a ratio or a span of years.

============================== ===================================================
written                        reading
============================== ===================================================
20 to 25, 5-10W, between X     one range X .. Y
and Y, $5-5.5 billion
fell 0.4 per cent to 13176     a change (``relation="change"``) and the new level:
rose by 35 to 412              two figures, never a range; also when the units
rose 6.5% to 164p              differ ("7% to $2.3 billion")
rose from 20 to 25, from X to Y  the old level and the new one: two figures (one range
                               "from X to Y" with no change verb when joining)
8 or $9, eight or nine euros   alternatives: two figures, the unit shared (one range
                               when ``join_alternatives`` is asked for)
won 3-1, a 9-2 lead, 6-3       a score: both numbers, ``relation="score"``
a 1.07:1 ratio, 1:36.6         a ratio: both numbers, ``relation="ratio"``
1996-97, between 2020 and 2023 a span of years: nothing
============================== ===================================================
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from checker.extract.numbers.cores import _Core, _core_at
from checker.extract.numbers.expr import _Expr
from checker.extract.numbers.tokens import _Tok, _word
from checker.extract.numbers.unitscan import _currency_before, _unit_at, _UnitHit
from checker.extract.numbers.vocab import _CHANGE_VERBS, _COUNT_HINTS, _SCORE_WORDS
from checker.extract.units import Dimension, currency
from checker.records import Qualifier

_DASHES = ("-", "–", "—", "‐")
# A change amount before "to Y" is a share or a difference: a new level reads much
# higher than the change ("by 35 to 412"), a range of changes does not ("by 10 to 15").
_LEVEL_RATIO = 2.5
_SHARES = (Dimension.PERCENT, Dimension.POINTS)


@dataclass(frozen=True)
class _Partner:
    core: _Core
    unit: _UnitHit | None
    currency_first: int | None  # the partner's own currency symbol ("8 or $9")

    @property
    def stop(self) -> int:
        return self.unit.stop if self.unit is not None else self.core.stop


def _partner_at(toks: Sequence[_Tok], expr: _Expr, k: int) -> _Partner | None:
    cur_first = None
    for size in (1, 2, 3):
        cur = _currency_before(toks, k + size, k) if k + size < len(toks) else None
        if cur is not None and cur[1] == k:
            cur_first, k = k, k + size
            break
    if k >= len(toks):
        return None
    other = _core_at(toks, k, cur_first is not None or expr.unit is not None)
    if other is None or other.excluded or other.vague:
        return None
    unit = _unit_at(toks, other.stop, other) if cur_first is None else None
    return _Partner(other, unit, cur_first)


def _range_partner(
    toks: Sequence[_Tok], expr: _Expr, core: _Core, j: int, join: bool
) -> tuple[_Expr, int]:
    conn = _word(toks, j)
    if conn not in ("to", *_DASHES, "or", "and", "through") or core.vague:
        return expr, j
    partner = _partner_at(toks, expr, j + 1)
    if partner is None:
        return expr, j
    if (
        conn == "to"
        and _word(toks, expr.first - 1) == "from"
        and (not join or _is_change(toks, expr.first))
    ):
        # "rose from 12 to 15": the old level and the new, not a range; "from 1.1
        # million to 1.4 million barrels": both in barrels
        shared = partner.unit.unit if partner.unit is not None else None
        return (replace(expr, unit=shared) if expr.unit is None else expr), j
    other, unit2 = partner.core, partner.unit
    if conn == "to" and _is_change_to_level(toks, expr, core, partner):
        return replace(expr, relation=expr.relation or "change"), j
    unit = expr.unit
    if partner.currency_first is not None and unit is None:
        if conn != "or":
            return expr, j  # "5 to $10": not one figure
        cur = _currency_before(toks, other.first, partner.currency_first)
        unit = currency(cur[0]) if cur is not None else None
    if unit2 is not None:
        if unit is not None and unit.name != unit2.unit.name:
            return expr, j
        unit = unit2.unit
    elif (
        unit is not None
        and expr.unit_first is not None
        and partner.currency_first is None
        and conn in ("to", "and")
    ):
        return expr, j  # "10% to 13176": a unit written after the first only
    if conn == "or" and not join:
        return replace(expr, unit=unit), j  # "eight or nine euros": two figures in euros
    lo, hi = core.lo, other.hi
    if core.scale == 1.0 and other.scale > 1.0 and lo * other.scale <= hi:
        lo *= other.scale  # "$5-5.5 billion"
    if not lo < hi:
        return expr, j
    if conn == "and" and not _after_between(toks, expr):
        return expr, j
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
        partner.stop,
    )  # fmt: skip


def _is_change(toks: Sequence[_Tok], first: int) -> bool:
    if _word(toks, first - 1) != "from":
        return False
    return any(_word(toks, k) in _CHANGE_VERBS for k in range(first - 4, first - 1))


def _change_context(toks: Sequence[_Tok], first: int) -> bool:
    """A change verb right before the figure ("fell 0.4%", "rose sharply 6%", "up 6%"),
    or "by" after one ("rose by 35")."""
    before = _word(toks, first - 1)
    if before == "by":
        return any(_word(toks, k) in _CHANGE_VERBS for k in range(first - 5, first - 1))
    if before in _CHANGE_VERBS:
        return True
    return _word(toks, first - 2) in _CHANGE_VERBS and before.endswith("ly")


def _is_change_to_level(toks: Sequence[_Tok], expr: _Expr, core: _Core, partner: _Partner) -> bool:
    """ "fell 0.4 per cent to 13176", "rose by 35 to 412": a change, then the new level."""
    unit = expr.unit
    unit2 = partner.unit.unit if partner.unit is not None else None
    if partner.currency_first is not None and unit2 is None:
        cur = _currency_before(toks, partner.core.first, partner.currency_first)
        unit2 = currency(cur[0]) if cur is not None else None
    share = unit is not None and unit.dimension in _SHARES
    if unit is not None and expr.unit_first is not None and (unit2 is None or unit2 != unit):
        return True  # "6.5% to 164p", "0.3 percentage points to 2.1%"
    if unit is not None and unit2 is not None and unit.name != unit2.name:
        return True
    if not _change_context(toks, expr.first):
        return False
    if share and unit2 is None:
        return True
    return core.lo > 0 and partner.core.hi / core.lo >= _LEVEL_RATIO


def _after_between(toks: Sequence[_Tok], expr: _Expr) -> bool:
    return _word(toks, expr.first - 1) == "between" or " ".join(
        t.low for t in toks[max(0, expr.first - 2) : expr.first]
    ) in ("anywhere between", "somewhere between")


# ------------------------------------------------------------------ scores, years


@dataclass(frozen=True)
class _Pair:
    """Two numbers read together: a score, a ratio, or a span of years (``years``)."""

    second: _Core
    stop: int
    relation: str | None  # "score" | "ratio"; None for years


def _pair_after(toks: Sequence[_Tok], expr: _Expr, core: _Core, between: bool) -> _Pair | None:
    """Year spans ("1996-97", "between 2020 and 2023"), scores ("3-1"), ratios ("3:1")."""
    j = expr.unit_stop if expr.unit_stop is not None and expr.unit_stop == core.stop else core.stop
    if expr.unit is not None or j + 1 >= len(toks):
        return None
    conn = toks[j]
    if conn.blocked:
        return None
    if conn.text == ":" and not conn.gap and not toks[j + 1].gap:
        other = _core_at(toks, j + 1, False)
        if other is not None and not other.excluded and not other.words:
            return _Pair(other, other.stop, "ratio")
        return None
    if conn.low not in (*_DASHES, "to", "and"):
        return None
    other = _core_at(toks, j + 1, False)
    if other is None or other.excluded or other.vague:
        return None
    years = core.plain and 1900 <= core.lo <= 2099 and (other.plain or other.lo < 100)
    years = years or (  # "the 1850-1900 average", not "1,800-2,000 jobs"
        core.plain
        and other.plain
        and 1800 <= core.lo < other.lo <= 2100
        and conn.low != "and"
        and not _counted_after(toks, other.stop)
    )
    if years and (conn.low != "and" or (between and other.plain and 1900 <= other.lo <= 2100)):
        return _Pair(other, other.stop, None)
    if conn.low == "and":
        return None
    scoreish = _near_score_word(toks, core.first, other.stop) or _after_score(toks, core.first)
    if conn.low != "to" and core.lo >= other.lo and not other.words and core.lo <= 300:
        return _Pair(other, other.stop, "score")
    if scoreish and expr.qualifier in (Qualifier.EXACT, Qualifier.RANGE):
        return _Pair(other, other.stop, "score")
    return None


def _counted_after(toks: Sequence[_Tok], j: int) -> bool:
    after = _word(toks, j)
    return after in _COUNT_HINTS or (len(after) > 3 and after.endswith("s"))


def _after_score(toks: Sequence[_Tok], first: int) -> bool:
    """ "6-2, 3-6": the second set of a list of scores."""
    return (
        first >= 4
        and toks[first - 1].text == ","
        and toks[first - 2].kind == "num"
        and toks[first - 3].text in _DASHES
        and toks[first - 4].kind == "num"
    )


def _near_score_word(toks: Sequence[_Tok], first: int, stop: int) -> bool:
    around = [_word(toks, k) for k in (first - 2, first - 1, stop, stop + 1)]
    return any(w in _SCORE_WORDS for w in around)


def _pair_exprs(expr: _Expr, core: _Core, pair: _Pair) -> tuple[_Expr, ...]:
    if pair.relation is None:
        return ()
    second = pair.second
    first_expr = _Expr(
        core.lo, core.lo, expr.first, core.stop, core.first, core.stop,
        relation=pair.relation, step=core.step,
    )  # fmt: skip
    second_expr = _Expr(
        second.lo, second.lo, second.first, second.stop, second.first, second.stop,
        relation=pair.relation, step=second.step,
    )  # fmt: skip
    return first_expr, second_expr
