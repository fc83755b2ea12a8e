"""Expressions -> intervals -> ``Quantity``; roundness and interval formatting."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from checker.extract.numbers.expr import _Expr
from checker.extract.numbers.tokens import _Tok
from checker.extract.numbers.unitscan import _currency_before
from checker.interval_text import interval_text
from checker.records import Qualifier, Quantity


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
        original_low=_clean(expr.lo if expr.written is None else expr.written),
        original_high=_clean(expr.hi if expr.written is None else expr.written),
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


def format_interval(low: float | None, high: float | None) -> str:
    """ "14", "15–25", "≥ 400", "≤ 10"; "any" when both bounds are open."""
    return interval_text(low, high, _fmt, unbounded="any")


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:,.4f}".rstrip("0").rstrip(".")
