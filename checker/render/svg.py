"""Timeline charts as inline SVG, built in Python.

Charts are drawn at the page's own pixel scale, never scaled down: x
positions are percentages of the chart's width and everything else is in
CSS pixels, so a 12 px label stays 12 px on a phone. Marks are positioned
with nested ``<svg x="..%" overflow="visible">`` groups and drawn from shared
shapes (``<use href="#s-error">``, defined once per page by
:func:`shape_defs`): a diamond for an error, a triangle for a warning, a
circle for info, a small hollow ring for a figure that agrees. Only marks
that disagree carry colour. Charts hold no links (nothing to tab through):
the table beside each chart carries them.

The time axis gives each day between two dated figures its width up to a
few days; a longer gap is compressed (its width grows with the logarithm of
its length) and drawn as a break on the axis, so a week of conflicting
reports is not squeezed into a sliver by months of quiet.

Every piece of text that reaches the SVG goes through ``markupsafe.escape``;
numbers are formatted by us. Colours come from CSS classes (``mk-<tone>``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from checker.render.diff import format_number

TONES = ("ok", "conflict", "revised", "error", "warning", "info")
SHAPE_OF = {
    "error": "s-error",
    "conflict": "s-error",
    "warning": "s-warning",
    "info": "s-info",
    "revised": "s-revised",
    "ok": "s-ok",
}
FULL_GAP_DAYS = 3
BREAK_DAYS = 14  # a gap this long is drawn as a break in the axis
PLOT_LEFT, PLOT_RIGHT = 3.0, 97.0  # per cent of the plot's width


@dataclass(frozen=True)
class ChartMark:
    """One report's figure: an interval at a date."""

    when: dt.date | None
    low: float | None
    high: float | None
    tone: str
    label: str


@dataclass(frozen=True)
class DateMark:
    """A date claim (or several reports giving the same one): a span of days on a lane."""

    lane: str
    start: dt.date
    end: dt.date
    tone: str
    label: str


def shape_defs() -> Markup:
    """The mark shapes, once per page (centred on 0,0; about 12 px across)."""
    return Markup(
        '<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false">'
        "<defs>"
        '<path id="s-error" d="M0 -7.5 L7.5 0 L0 7.5 L-7.5 0 Z"/>'
        '<path id="s-warning" d="M0 -7.5 L7 5.5 L-7 5.5 Z"/>'
        '<circle id="s-info" r="5.5"/>'
        '<rect id="s-revised" x="-5" y="-5" width="10" height="10"/>'
        '<circle id="s-ok" r="4" class="ring"/>'
        '<path id="s-up" d="M-5 4 L0 -4 L5 4"/>'
        '<path id="s-down" d="M-5 -4 L0 4 L5 -4"/>'
        "</defs></svg>"
    )


def _f(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


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


class TimeAxis:
    """Days -> per cent of the plot's width, with long quiet gaps compressed."""

    def __init__(self, days: Sequence[dt.date], left: float = PLOT_LEFT, right: float = PLOT_RIGHT):
        knots = sorted(set(days))
        if len(knots) == 1:
            knots = [knots[0] - dt.timedelta(days=1), knots[0], knots[0] + dt.timedelta(days=1)]
        self.knots = knots
        weights = [self._weight((b - a).days) for a, b in itertools.pairwise(knots)]
        total = sum(weights) or 1.0
        self.pos = [left]
        for w in weights:
            self.pos.append(self.pos[-1] + (right - left) * w / total)
        self.breaks = [
            (self.pos[i] + self.pos[i + 1]) / 2
            for i, (a, b) in enumerate(itertools.pairwise(knots))
            if (b - a).days > BREAK_DAYS
        ]

    @staticmethod
    def _weight(days: int) -> float:
        if days <= FULL_GAP_DAYS:
            return float(days)
        return FULL_GAP_DAYS + math.log2(days / FULL_GAP_DAYS)

    def __call__(self, day: dt.date) -> float:
        knots = self.knots
        if day <= knots[0]:
            return self.pos[0]
        if day >= knots[-1]:
            return self.pos[-1]
        i = bisect.bisect_right(knots, day) - 1
        a, b = knots[i], knots[i + 1]
        frac = (day - a).days / (b - a).days
        return self.pos[i] + (self.pos[i + 1] - self.pos[i]) * frac

    def labels(self, min_gap: float = 13.0) -> list[tuple[float, str]]:
        """Day labels far enough apart to read at any width; the year where it changes."""
        out: list[tuple[float, str]] = []
        last_x, last_year = -100.0, None
        for day, x in zip(self.knots, self.pos, strict=True):
            if x - last_x < min_gap:
                continue
            text = f"{day.day} {day.strftime('%b')}"
            if day.year != last_year:
                text += f" {day.year}"
            out.append((x, text))
            last_x, last_year = x, day.year
        return out


def _axis(out: list[str], axis: TimeAxis, base: float) -> None:
    out.append(f'<line class="axis" x1="0" x2="100%" y1="{_f(base)}" y2="{_f(base)}"/>')
    for x in axis.breaks:
        out.append(
            f'<svg class="at" x="{_f(x)}%" y="{_f(base)}" overflow="visible">'
            '<path class="gap" d="M-5 5 L-1 -5 M1 5 L5 -5"/></svg>'
        )
    # Two label sets: CSS shows the sparse one on narrow screens, so labels never collide.
    for width, gap in (("wide", 13.0), ("narrow", 60.0)):
        out.append(f'<g class="ticks-{width}">')
        for x, text in axis.labels(gap):
            anchor = "start" if x < 8 else "end" if x > 92 else "middle"
            out.append(
                f'<line class="axis" x1="{_f(x)}%" x2="{_f(x)}%" '
                f'y1="{_f(base)}" y2="{_f(base + 5)}"/>'
                f'<text class="tick" x="{_f(x)}%" y="{_f(base + 19)}" text-anchor="{anchor}">'
                f"{escape(text)}</text>"
            )
        out.append("</g>")


def conflict_window(marks: Sequence[ChartMark]) -> tuple[dt.date, dt.date] | None:
    """The days the disagreeing marks span, when they are a small part of a longer axis.

    Then the chart gets a close-up of those days (a day either side) below it.
    """
    odd = [m.when for m in marks if m.when is not None and m.tone != "ok"]
    days = sorted({m.when for m in marks if m.when is not None})
    if not odd or len(days) < 6:
        return None
    lo, hi = min(odd) - dt.timedelta(days=1), max(odd) + dt.timedelta(days=1)
    axis = TimeAxis(days)
    inside = [d for d in days if lo <= d <= hi]
    if axis(hi) - axis(lo) > 35 or len(days) - len(inside) < 3 or len(inside) < 2:
        return None
    return lo, hi


def value_chart(
    marks: Sequence[ChartMark],
    *,
    label: str,
    trend: Sequence[tuple[dt.date, float]] = (),
    unit: str | None = None,
    integer: bool = False,
    scale: float = 1.0,
) -> Markup | None:
    """Time on x, value intervals on y; open intervals end in an arrow.

    ``scale`` divides every value (seconds shown as days: 86400).
    """
    values = [
        v / scale for m in marks for v in (m.low, m.high) if v is not None and math.isfinite(v)
    ]
    if not values:
        return None
    height, top, bottom = 200, 14, 30
    dated = [m for m in marks if m.when is not None]
    undated = [m for m in marks if m.when is None]
    right = 88.0 if undated and dated else PLOT_RIGHT
    lo_v, hi_v = min(values), max(values)
    if hi_v > lo_v:
        span = hi_v - lo_v
        lo_d, hi_d = lo_v - span * 0.12, hi_v + span * 0.12
    else:
        span = max(abs(hi_v) * 0.25, 2.0)
        lo_d, hi_d = lo_v - span / 2, hi_v + span / 2
    if lo_v >= 0:
        lo_d = max(lo_d, 0.0)
    ticks = nice_ticks(lo_d, hi_d, integer=integer and scale == 1.0)
    y_min, y_max = ticks[0], ticks[-1]
    base = height - bottom

    def y(v: float) -> float:
        return top + (base - top) * (1 - (v / scale - y_min) / (y_max - y_min))

    axis = TimeAxis(
        [m.when for m in dated if m.when is not None] or [dt.date(2000, 1, 1)], right=right
    )
    ylab = [f'<svg class="yaxis" width="56" height="{height}" aria-hidden="true">']
    out = [f'<svg class="chart" width="100%" height="{height}" aria-hidden="true">']
    out.append('<g class="grid">')
    for t in ticks:
        out.append(f'<line x1="0" x2="100%" y1="{_f(y(t * scale))}" y2="{_f(y(t * scale))}"/>')
        ylab.append(
            f'<text class="tick" x="50" y="{_f(y(t * scale) + 4)}" text-anchor="end">'
            f"{escape(format_number(t))}</text>"
        )
    out.append("</g>")
    if unit:
        ylab.append(f'<text class="tick unit" x="50" y="{top - 3}" text-anchor="end">')
        ylab.append(f"{escape(unit)}</text>")
    ylab.append("</svg>")
    if dated:
        _axis(out, axis, base)
    if undated:
        bx = (right + 100) / 2 if dated else 50
        if dated:
            out.append(
                f'<line class="axis band" x1="{_f(right + 3)}%" x2="{_f(right + 3)}%" '
                f'y1="{top}" y2="{base}"/>'
            )
        out.append(
            f'<text class="tick" x="{_f(bx)}%" y="{base + 19}" text-anchor="middle">undated</text>'
        )
    if len(trend) > 1:
        pts = sorted(trend)
        for (d1, v1), (d2, v2) in itertools.pairwise(pts):
            out.append(
                f'<line class="trend" x1="{_f(axis(d1))}%" x2="{_f(axis(d2))}%" '
                f'y1="{_f(y(v1))}" y2="{_f(y(v2))}"/>'
            )
    groups: dict[dt.date | None, list[ChartMark]] = defaultdict(list)
    for m in marks:
        groups[m.when].append(m)
    for when, group in sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or dt.date.min)):
        cx = axis(when) if when is not None else ((right + 100) / 2 if dated else 50)
        # Agreeing marks first, so that a disagreeing one is drawn on top.
        group = sorted(group, key=lambda m: m.tone != "ok")
        step = min(12.0, 72.0 / max(len(group), 1))
        out.append(f'<svg class="at" x="{_f(cx)}%" overflow="visible">')
        for i, m in enumerate(group):
            out.append(_value_mark(m, (i - (len(group) - 1) / 2) * step, y, top, base))
        out.append("</svg>")
    out.append("</svg>")
    return Markup(
        f'<div class="chart-box vchart" role="img" aria-label="{escape(label)}">'
        + "".join(ylab)
        + "".join(out)
        + "</div>"
    )


def _value_mark(m: ChartMark, dx: float, y: Callable[[float], float], top: int, base: int) -> str:
    tone = escape(m.tone)
    shape = SHAPE_OF.get(m.tone, "s-ok")
    parts = [f'<g class="mark mk-{tone}"><title>{escape(m.label)}</title>']
    if m.low is not None and m.high is not None:
        y1, y2 = y(m.high), y(m.low)
        if abs(y2 - y1) >= 4:
            parts.append(
                f'<line class="iv" x1="{_f(dx)}" x2="{_f(dx)}" y1="{_f(y1)}" y2="{_f(y2)}"/>'
            )
        parts.append(f'<use href="#{shape}" x="{_f(dx)}" y="{_f((y1 + y2) / 2)}"/>')
    elif m.low is not None:
        y1 = y(m.low)
        parts.append(
            f'<line class="iv" x1="{_f(dx)}" x2="{_f(dx)}" y1="{_f(y1)}" y2="{top + 4}"/>'
            f'<use href="#s-up" class="tip" x="{_f(dx)}" y="{top + 4}"/>'
            f'<use href="#{shape}" x="{_f(dx)}" y="{_f(y1)}"/>'
        )
    elif m.high is not None:
        y2 = y(m.high)
        parts.append(
            f'<line class="iv" x1="{_f(dx)}" x2="{_f(dx)}" y1="{_f(y2)}" y2="{base - 4}"/>'
            f'<use href="#s-down" class="tip" x="{_f(dx)}" y="{base - 4}"/>'
            f'<use href="#{shape}" x="{_f(dx)}" y="{_f(y2)}"/>'
        )
    parts.append("</g>")
    return "".join(parts)


def date_chart(marks: Sequence[DateMark], *, label: str) -> Markup | None:
    """One lane per report (or per group of reports giving the same days).

    Lane names are HTML beside the plot, so they keep the page's type size.
    """
    if not marks:
        return None
    lane_h, top, bottom = 26, 8, 30
    height = top + lane_h * len(marks) + bottom
    days = [m.start for m in marks] + [m.end + dt.timedelta(days=1) for m in marks]
    lo, hi = min(days), max(days)
    if (hi - lo).days < 4:
        days += [lo - dt.timedelta(days=2), hi + dt.timedelta(days=2)]
    axis = TimeAxis(days)
    base = height - bottom
    lanes = ['<ol class="lanes" aria-hidden="true">']
    out = [f'<svg class="chart" width="100%" height="{height}" aria-hidden="true">']
    out.append('<g class="grid">')
    for x, _ in axis.labels():
        out.append(f'<line x1="{_f(x)}%" x2="{_f(x)}%" y1="{top}" y2="{base}"/>')
    out.append("</g>")
    _axis(out, axis, base)
    for i, m in enumerate(marks):
        cy = top + lane_h * i + lane_h / 2
        lanes.append(f'<li class="lane-{escape(m.tone)}">{escape(m.lane)}</li>')
        x1, x2 = axis(m.start), axis(m.end + dt.timedelta(days=1))
        shape = SHAPE_OF.get(m.tone, "s-ok")
        out.append(
            f'<g class="mark mk-{escape(m.tone)}"><title>{escape(m.label)}</title>'
            f'<line class="bar" x1="{_f(x1)}%" x2="{_f(x2)}%" y1="{_f(cy)}" y2="{_f(cy)}"/>'
            f'<use href="#{shape}" x="{_f((x1 + x2) / 2)}%" y="{_f(cy)}"/></g>'
        )
    lanes.append("</ol>")
    out.append("</svg>")
    return Markup(
        f'<div class="chart-box dchart" role="img" aria-label="{escape(label)}">'
        + "".join(lanes)
        + "".join(out)
        + "</div>"
    )
