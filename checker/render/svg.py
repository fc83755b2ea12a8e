"""Timeline charts as inline SVG, built in Python.

Every piece of text that reaches the SVG goes through ``markupsafe.escape``;
numbers are formatted by us. Colours come from CSS classes (``mk-<tone>``) so
the page's stylesheet, including its dark-mode rules, styles the charts.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from checker.render.diff import format_number

WIDTH = 960
TONES = ("ok", "conflict", "revised", "error", "warning", "info")


@dataclass(frozen=True)
class ChartMark:
    """One report's figure: an interval at a date (or a span of dates)."""

    when: dt.date | None
    low: float | None
    high: float | None
    tone: str
    label: str
    href: str


@dataclass(frozen=True)
class DateMark:
    """One report's date claim: a span of days, drawn on its own lane."""

    lane: str
    start: dt.date
    end: dt.date
    tone: str
    label: str
    href: str


def _f(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def nice_ticks(lo: float, hi: float, count: int = 5, *, integer: bool = False) -> list[float]:
    """Round tick values covering [lo, hi]."""
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        hi = lo + 1
    raw = (hi - lo) / max(count - 1, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    if integer:
        step = max(1.0, float(math.ceil(step)))
    first = math.floor(lo / step) * step
    ticks: list[float] = []
    value = first
    while value < hi + step * 0.999 and len(ticks) < 20:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _date_label(day: dt.date, with_year: bool) -> str:
    text = f"{day.day} {day.strftime('%b')}"
    return f"{text} {day.year}" if with_year else text


def _pick_dates(days: Sequence[dt.date], lo: dt.date, hi: dt.date, limit: int = 7) -> list[dt.date]:
    distinct = sorted(set(days))
    if len(distinct) <= limit:
        return distinct
    span = (hi - lo).days
    return sorted({lo + dt.timedelta(days=round(span * i / (limit - 1))) for i in range(limit)})


def _svg_open(height: int, title_id: str, title: str, desc: str) -> list[str]:
    return [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{escape(title_id)}" preserveAspectRatio="xMidYMid meet" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(title_id)}">{escape(title)}. {escape(desc)}</title>',
    ]


def _arrow(x: float, y: float, up: bool) -> str:
    d = -1 if up else 1
    tip_y, wing_y = _f(y), _f(y - 7 * d)
    return f'<path class="arrow" d="M{_f(x - 5)} {wing_y} L{_f(x)} {tip_y} L{_f(x + 5)} {wing_y}"/>'


def value_chart(
    marks: Sequence[ChartMark],
    *,
    title_id: str,
    title: str,
    desc: str,
    trend: Sequence[tuple[dt.date, float]] = (),
    unit: str | None = None,
    integer: bool = False,
) -> Markup | None:
    """Time on x, value intervals on y; open intervals as arrows."""
    values = [v for m in marks for v in (m.low, m.high) if v is not None and math.isfinite(v)]
    if not values:
        return None
    height, top, bottom, left, right = 210, 14, 36, 62, 16
    dated = [m for m in marks if m.when is not None]
    undated = [m for m in marks if m.when is None]
    band = (64 if dated else WIDTH - right - left - 40) if undated else 0
    plot_right = WIDTH - right - band

    lo_v, hi_v = min(values), max(values)
    if hi_v > lo_v:
        span = hi_v - lo_v
        lo_d, hi_d = lo_v - span * 0.12, hi_v + span * 0.12
    else:
        span = max(abs(hi_v) * 0.25, 2.0)
        lo_d, hi_d = lo_v - span / 2, hi_v + span / 2
    if lo_v >= 0:
        lo_d = max(lo_d, 0.0)
    ticks = nice_ticks(lo_d, hi_d, integer=integer)
    y_min, y_max = ticks[0], ticks[-1]

    def y(v: float) -> float:
        return top + (height - top - bottom) * (1 - (v - y_min) / (y_max - y_min))

    days = [m.when for m in dated if m.when is not None]
    d_lo = min(days) if days else dt.date(2000, 1, 1)
    d_hi = max(days) if days else d_lo
    if d_lo == d_hi:
        d_lo, d_hi = d_lo - dt.timedelta(days=1), d_hi + dt.timedelta(days=1)
    pad = 26

    def x(day: dt.date) -> float:
        frac = (day - d_lo).days / (d_hi - d_lo).days
        return left + pad + (plot_right - left - 2 * pad) * frac

    out = _svg_open(height, title_id, title, desc)
    out.append('<g class="grid">')
    for t in ticks:
        out.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{_f(y(t))}" y2="{_f(y(t))}"/>'
            f'<text class="tick" x="{left - 8}" y="{_f(y(t) + 4)}" text-anchor="end">'
            f"{escape(format_number(t))}</text>"
        )
    out.append("</g>")
    base = height - bottom
    out.append(f'<line class="axis" x1="{left}" x2="{WIDTH - right}" y1="{base}" y2="{base}"/>')
    shown = _pick_dates(days, d_lo, d_hi) if days else []
    last_year: int | None = None
    for day in shown:
        label = _date_label(day, day.year != last_year)
        last_year = day.year
        out.append(
            f'<line class="axis" x1="{_f(x(day))}" x2="{_f(x(day))}" y1="{base}" y2="{base + 5}"/>'
            f'<text class="tick" x="{_f(x(day))}" y="{base + 19}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    if unit:
        out.append(f'<text class="tick unit" x="{left - 8}" y="{top - 2}" text-anchor="end">')
        out.append(f"{escape(unit)}</text>")
    if undated:
        bx = plot_right + band / 2
        out.append(
            f'<line class="axis band" x1="{plot_right + 6}" x2="{plot_right + 6}" '
            f'y1="{top}" y2="{base}"/>'
            f'<text class="tick" x="{_f(bx + 3)}" y="{base + 19}" text-anchor="middle">'
            "undated</text>"
        )

    if len(trend) > 1:
        pts = " ".join(f"{_f(x(d))},{_f(y(v))}" for d, v in sorted(trend))
        out.append(f'<polyline class="trend" points="{pts}"/>')

    slots: dict[dt.date | None, list[ChartMark]] = defaultdict(list)
    for m in marks:
        slots[m.when].append(m)
    for when, group in sorted(slots.items(), key=lambda kv: (kv[0] is None, kv[0] or dt.date.min)):
        cx = x(when) if when is not None else plot_right + band / 2 + 3
        step = min(11.0, 60.0 / max(len(group), 1))
        for i, m in enumerate(group):
            mx = cx + (i - (len(group) - 1) / 2) * step
            out.append(_value_mark(m, mx, y, top, base))
    out.append("</svg>")
    return Markup("".join(out))


def _value_mark(m: ChartMark, mx: float, y: Callable[[float], float], top: int, base: int) -> str:
    parts = [
        f'<a class="mark mk-{escape(m.tone)}" href="{escape(m.href)}">',
        f"<title>{escape(m.label)}</title>",
    ]
    if m.low is not None and m.high is not None:
        y1, y2 = y(m.high), y(m.low)
        if abs(y2 - y1) < 3:
            parts.append(f'<circle cx="{_f(mx)}" cy="{_f((y1 + y2) / 2)}" r="5"/>')
        else:
            parts.append(
                f'<rect x="{_f(mx - 4)}" y="{_f(y1)}" width="8" height="{_f(y2 - y1)}" rx="3"/>'
            )
    elif m.low is not None:
        y1 = y(m.low)
        parts.append(
            f'<line x1="{_f(mx)}" x2="{_f(mx)}" y1="{_f(y1)}" y2="{top + 2}"/>'
            f'<line x1="{_f(mx - 5)}" x2="{_f(mx + 5)}" y1="{_f(y1)}" y2="{_f(y1)}"/>'
            + _arrow(mx, top + 2, up=True)
        )
    elif m.high is not None:
        y2 = y(m.high)
        parts.append(
            f'<line x1="{_f(mx)}" x2="{_f(mx)}" y1="{_f(y2)}" y2="{base - 2}"/>'
            f'<line x1="{_f(mx - 5)}" x2="{_f(mx + 5)}" y1="{_f(y2)}" y2="{_f(y2)}"/>'
            + _arrow(mx, base - 2, up=False)
        )
    parts.append("</a>")
    return "".join(parts)


def date_chart(marks: Sequence[DateMark], *, title_id: str, title: str, desc: str) -> Markup | None:
    """One lane per report; the claimed span of days on a shared date axis."""
    if not marks:
        return None
    lane_h, top, bottom, left, right = 24, 10, 34, 250, 20
    height = top + lane_h * len(marks) + bottom
    d_lo = min(m.start for m in marks)
    d_hi = max(m.end for m in marks) + dt.timedelta(days=1)
    if (d_hi - d_lo).days < 4:
        d_lo -= dt.timedelta(days=2)
        d_hi += dt.timedelta(days=2)

    def x(day: dt.date) -> float:
        return left + (WIDTH - left - right) * (day - d_lo).days / (d_hi - d_lo).days

    out = _svg_open(height, title_id, title, desc)
    base = height - bottom
    out.append('<g class="grid">')
    days = [m.start for m in marks] + [m.end for m in marks]
    last_year: int | None = None
    for day in _pick_dates(days, d_lo, d_hi, limit=6):
        cx = x(day) + (x(day + dt.timedelta(days=1)) - x(day)) / 2
        out.append(
            f'<line x1="{_f(cx)}" x2="{_f(cx)}" y1="{top}" y2="{base}"/>'
            f'<text class="tick" x="{_f(cx)}" y="{base + 18}" text-anchor="middle">'
            f"{escape(_date_label(day, day.year != last_year))}</text>"
        )
        last_year = day.year
    out.append("</g>")
    out.append(f'<line class="axis" x1="{left}" x2="{WIDTH - right}" y1="{base}" y2="{base}"/>')
    for i, m in enumerate(marks):
        cy = top + lane_h * i + lane_h / 2
        lane = m.lane if len(m.lane) <= 38 else m.lane[:37] + "…"
        out.append(
            f'<text class="lane" x="{left - 10}" y="{_f(cy + 4)}" text-anchor="end">'
            f"{escape(lane)}</text>"
        )
        x1, x2 = x(m.start), x(m.end + dt.timedelta(days=1))
        out.append(
            f'<a class="mark mk-{escape(m.tone)}" href="{escape(m.href)}">'
            f"<title>{escape(m.label)}</title>"
            f'<rect x="{_f(x1 + 1)}" y="{_f(cy - 6)}" width="{_f(max(x2 - x1 - 2, 6))}" '
            f'height="12" rx="4"/></a>'
        )
    out.append("</svg>")
    return Markup("".join(out))
