"""A chart and a table per figure; figures with too little to chart folded into one table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from markupsafe import Markup

from checker.records import Claim, CountValue, DateValue, Finding, Kind, NameValue, Timeline
from checker.records import TimelinePoint as Point
from checker.render.diff import format_date_span
from checker.render.html.context import Context
from checker.render.html.text import (
    claim_anchor,
    clean_text,
    date_text,
    day_text,
    format_quantity,
    human_scale,
    severity_text,
    slot_anchor,
    worst,
)
from checker.render.html.views import LegendKey, Link, PointRow, SlotView
from checker.render.svg import ChartMark, DateMark, conflict_window, date_chart, value_chart

LEGEND = {
    "ok": "agrees",
    "error": "error",
    "warning": "warning",
    "info": "info",
    "conflict": "in a conflict",
    "revised": "revised",
}
LEGEND_ORDER = ("error", "warning", "info", "conflict", "revised", "ok")


def _point_value(point: Point, kind: Kind, ctx: Context, unit: str | None) -> str:
    if kind is Kind.NAME:
        names: list[str] = []
        for cid in point.claim_ids:
            claim = ctx.claims.get(cid)
            if claim is not None and isinstance(claim.value, NameValue):
                text = clean_text(claim.value.text)
                if text not in names:
                    names.append(text)
        return " / ".join(names) or "?"
    if kind is Kind.DATE and point.start_date is not None:
        end = point.end_date or point.start_date
        return format_date_span(point.start_date.isoformat(), end.isoformat())
    return clean_text(format_quantity(point.low, point.high, unit))


def _mark_tone(claim_id: str, point: Point, ctx: Context) -> str:
    tone = ctx.claim_tone(claim_id)
    if tone:
        return tone
    if point.change in ("conflict", "revised"):
        return point.change
    return "ok"


def _label(claim: Claim | None, ctx: Context, value: str) -> str:
    article = ctx.articles.get(claim.article_id) if claim else None
    parts = [ctx.outlet(article), day_text(article.published) if article else "", value]
    if claim is not None:
        parts.extend(
            f"{link.label} ({link.tone})"
            for link in ctx.finding_links(ctx.findings_by_claim.get(claim.id, ()))
        )
    return " · ".join(p for p in parts if p)


def _unit(timeline: Timeline, ctx: Context) -> str | None:
    units = sorted({c.unit for c in ctx.claims.values() if c.slot == timeline.slot and c.unit})
    return clean_text(units[0]) if len(units) == 1 else None


def _date_marks(timeline: Timeline, ctx: Context) -> list[DateMark]:
    """Disagreeing reports on a lane each; agreeing reports that give the same days share one."""
    marks: list[DateMark] = []
    shared: dict[tuple[dt.date, dt.date], list[str]] = {}
    for point in timeline.points:
        for cid in point.claim_ids:
            claim = ctx.claims.get(cid)
            value = claim.value if claim else None
            if isinstance(value, DateValue):
                start, end = value.start, max(value.start, value.end)
            elif point.start_date is not None:
                start, end = point.start_date, point.end_date or point.start_date
            else:
                continue
            tone = _mark_tone(cid, point, ctx)
            article = ctx.articles.get(claim.article_id) if claim else None
            text = format_date_span(start.isoformat(), end.isoformat())
            if tone == "ok":
                shared.setdefault((start, end), []).append(ctx.outlet(article))
                continue
            lane = ctx.outlet(article) + (f" · {day_text(article.published)}" if article else "")
            marks.append(DateMark(lane, start, end, tone, _label(claim, ctx, text)))
    for (start, end), outlets in sorted(shared.items()):
        text = format_date_span(start.isoformat(), end.isoformat())
        n = len(outlets)
        lane = outlets[0] if n == 1 else f"{n} reports agree"
        marks.append(
            DateMark(lane, start, end, "ok", f"{text} · {n} reports: {', '.join(outlets)}")
        )
    return marks


def _value_marks(timeline: Timeline, ctx: Context, unit: str | None) -> list[ChartMark]:
    marks: list[ChartMark] = []
    for point in timeline.points:
        seen: set[str] = set()
        for cid in point.claim_ids:
            claim = ctx.claims.get(cid)
            key = claim.article_id if claim else cid
            if key in seen:
                continue
            seen.add(key)
            if claim is not None and isinstance(claim.value, CountValue):
                low, high = claim.value.low, claim.value.high
            else:
                low, high = point.low, point.high
            when = point.as_of or (claim.as_of if claim else None)
            text = format_quantity(low, high, unit)
            marks.append(
                ChartMark(when, low, high, _mark_tone(cid, point, ctx), _label(claim, ctx, text))
            )
    return marks


def _rows(timeline: Timeline, ctx: Context, unit: str | None) -> tuple[PointRow, ...]:
    rows: list[PointRow] = []
    for point in timeline.points:
        reports: list[Link] = []
        found: list[Finding] = []
        seen: set[str] = set()
        for cid in point.claim_ids:
            found.extend(ctx.findings_by_claim.get(cid, ()))
            claim = ctx.claims.get(cid)
            if claim is None or claim.article_id in seen:
                continue
            seen.add(claim.article_id)
            article = ctx.articles.get(claim.article_id)
            tone = _mark_tone(cid, point, ctx)
            reports.append(Link("#" + claim_anchor(cid), ctx.outlet(article), tone))
        links = ctx.finding_links(found)
        rows.append(
            PointRow(
                as_of=date_text(point.as_of),
                value=_point_value(point, timeline.kind, ctx, unit),
                change=point.change,
                tone=worst(link.tone for link in links),
                reports=tuple(reports),
                findings=links,
            )
        )
    return tuple(rows)


def worth_a_chart(timeline: Timeline, has_findings: bool) -> bool:
    """A chart needs something to show: a finding, or three figures over two days."""
    if has_findings:
        return True
    if timeline.kind is Kind.NAME:
        return False
    figures = sum(len(p.claim_ids) for p in timeline.points)
    days = {p.as_of or p.start_date for p in timeline.points}
    return figures >= 3 and len(days) >= 2


def slot_view(
    timeline: Timeline, ctx: Context, findings: Sequence[Finding], chart: bool
) -> SlotView:
    slot_findings = [f for f in findings if f.slot == timeline.slot]
    unit = _unit(timeline, ctx)
    label = f"{timeline.story}: {timeline.slot}; the table below lists every point"
    drawn: Markup | None = None
    tones: set[str] = set()
    if chart and timeline.kind is Kind.DATE:
        date_marks = _date_marks(timeline, ctx)
        tones = {m.tone for m in date_marks}
        drawn = date_chart(date_marks, label=label)
    elif chart and timeline.kind is not Kind.NAME:
        marks = _value_marks(timeline, ctx, unit)
        tones = {m.tone for m in marks}
        values = [v for m in marks for v in (m.low, m.high) if v is not None]
        scale, shown_unit = human_scale(unit, values)
        # The trend follows the figures nothing singles out.
        trend = [
            (p.as_of, (p.low + p.high) / 2)
            for p in timeline.points
            if p.as_of is not None
            and p.change not in ("conflict", "revised")
            and p.low is not None
            and p.high is not None
            and not any(ctx.claim_tone(cid) for cid in p.claim_ids)
        ]
        options = {"unit": shown_unit, "integer": timeline.kind is Kind.COUNT, "scale": scale}
        drawn = value_chart(marks, label=label, trend=trend, **options)  # type: ignore[arg-type]
        window = conflict_window(marks)
        if drawn is not None and window is not None:
            lo, hi = window
            span = f"{day_text(lo)} – {day_text(hi)}"
            zoom = value_chart(
                [m for m in marks if m.when is not None and lo <= m.when <= hi],
                label=f"{label}; close-up of {span}",
                trend=[(d, v) for d, v in trend if lo <= d <= hi],
                **options,  # type: ignore[arg-type]
            )
            if zoom is not None:
                drawn = (
                    drawn
                    + Markup('<p class="zoom-title">Close-up of the disagreement, {}</p>').format(
                        span
                    )
                    + zoom
                )
        if any(m.low is None or m.high is None for m in marks):
            tones.add("open")
        if len(trend) > 1:
            tones.add("trend")
    legend = [LegendKey(t, LEGEND[t]) for t in LEGEND_ORDER if t in tones]
    if "open" in tones:
        legend.append(LegendKey("open", "open interval (at least / at most)"))
    if "trend" in tones:
        legend.append(LegendKey("trend", "trend of agreeing figures"))
    if drawn is not None and 'class="gap"' in drawn:
        legend.append(LegendKey("gap", "quiet days compressed"))
    return SlotView(
        story=clean_text(timeline.story),
        slot=clean_text(timeline.slot),
        anchor=slot_anchor(timeline.story, timeline.slot),
        behaviour=timeline.behaviour.value,
        kind=timeline.kind.value,
        chart=drawn,
        legend=tuple(legend) if drawn is not None else (),
        rows=_rows(timeline, ctx, unit),
        findings=ctx.finding_links(slot_findings),
        worst=worst(severity_text(f.severity) for f in slot_findings),
    )
