"""``--format text``: a summary for a terminal.

A header line with the counts, then FINDINGS grouped by severity (the
message, then each quoted claim with its file and line), then TIMELINES
(one block per story and slot: ``as_of  value  sources``, changes marked
↑ ↓ ✗), then input ERRORS and what a baseline hid. ANSI colour only when
``RenderOptions.color`` is set.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from checker.interval_text import interval_text
from checker.records import (
    Finding,
    Kind,
    NameValue,
    Report,
    Severity,
    Timeline,
    TimelinePoint,
)
from checker.render.options import RenderOptions
from checker.render.sanitize import log_line, terminal
from checker.render.serialize import SEVERITY_ORDER, Index, num

MARKS: Mapping[str, str] = {
    "first": " ",
    "same": " ",
    "up": "↑",
    "down": "↓",
    "conflict": "✗",
    "revised": "~",
}

_RESET = "\x1b[0m"
_STYLES: Mapping[str, str] = {
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;36m",
    "up": "\x1b[32m",
    "down": "\x1b[33m",
    "conflict": "\x1b[1;31m",
}


def safe(text: str) -> str:
    """Report text for a terminal: controls, bidi characters and line breaks escaped
    (:func:`checker.render.sanitize.terminal`)."""
    return terminal(text)


class _Painter:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, style: str, text: str) -> str:
        if not self.enabled or style not in _STYLES or not text:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def format_bounds(low: float | None, high: float | None) -> str:
    """ "14", "15–25", "≥400": the terminal's interval, bounds as JSON writes them."""
    return interval_text(num(low), num(high), str, spaced=False)


def _point_value(point: TimelinePoint, timeline: Timeline, index: Index) -> str:
    if timeline.kind is Kind.DATE:
        start, end = point.start_date, point.end_date
        if start is None and end is None:
            return "?"
        if start == end or end is None:
            return str(start)
        if start is None:
            return f"≤{end}"
        return f"{start}–{end}"
    if timeline.kind is Kind.NAME:
        names = [
            c.value.canonical or c.value.text
            for c in index.claims_of(point.claim_ids)
            if isinstance(c.value, NameValue)
        ]
        return " / ".join(dict.fromkeys(names)) or "?"
    value = format_bounds(point.low, point.high)
    units = {c.unit for c in index.claims_of(point.claim_ids) if c.unit}
    if len(units) == 1:
        value = f"{value} {units.pop()}"
    return value


def _header(report: Report) -> str:
    by_severity = Counter(f.severity for f in report.findings)
    parts = [
        plural(by_severity[s], s.value, "info" if s is Severity.INFO else None)
        for s in SEVERITY_ORDER
    ]
    line = (
        f"checker: {plural(len(report.articles), 'report')}, "
        f"{plural(len(report.claims), 'claim')}, "
        f"{plural(len(report.findings), 'finding')} ({', '.join(parts)})"
    )
    if report.errors:
        line += f", {plural(len(report.errors), 'input error')}"
    return line


# A finding about a fact 25 reports agree on would otherwise list all 25;
# the message names the reports and every location is in the other formats.
MAX_LOCATIONS = 8


def _finding_block(finding: Finding, index: Index, paint: _Painter) -> list[str]:
    head = (
        f"  {paint(finding.severity.value, finding.severity.value.upper())} "
        f"{finding.type.value}  {safe(finding.story)} / {safe(finding.slot)}  "
        f"{paint('dim', safe(finding.id))}"
    )
    lines = [head]
    lines.append("    " + safe(finding.message))
    claims = list(index.claims_of(finding.claim_ids))
    # the odd figures first: a value few claims share is the one to look at
    counts = Counter(claim.value for claim in claims)
    claims.sort(key=lambda claim: counts[claim.value])
    for claim in claims[:MAX_LOCATIONS]:
        position = index.position(claim)
        where = f"{position.path}:{position.line}" if position else claim.article_id
        quote = " ".join(claim.quote.split())
        lines.append(f"      {paint('dim', safe(where))}  “{safe(quote)}”")
    if len(claims) > MAX_LOCATIONS:
        more = plural(len(claims) - MAX_LOCATIONS, "more location")
        lines.append(f"      {paint('dim', '… and ' + more)}")
    return lines


def _timeline_block(timeline: Timeline, index: Index, paint: _Painter) -> list[str]:
    title = (
        f"  {paint('bold', safe(f'{timeline.story} / {timeline.slot}'))}  "
        f"({timeline.behaviour.value} {timeline.kind.value})"
    )
    rows: list[tuple[str, str, str, str]] = []
    for point in timeline.points:
        as_of = point.as_of.isoformat() if point.as_of else "undated"
        value = _point_value(point, timeline, index)
        sources = ", ".join(index.article_ids(point.claim_ids)) or "-"
        rows.append((as_of, safe(value), safe(sources), point.change))
    width_as_of = max((len(r[0]) for r in rows), default=0)
    width_value = max((len(r[1]) for r in rows), default=0)
    lines = [title]
    for as_of, value, sources, change in rows:
        mark = paint(change, MARKS.get(change, " "))
        lines.append(
            f"    {as_of.ljust(width_as_of)}  {mark} {value.ljust(width_value)}  {sources}"
        )
    return lines


def _timelines(timelines: Iterable[Timeline], index: Index, paint: _Painter) -> list[str]:
    out: list[str] = []
    for timeline in timelines:
        out += ["", *_timeline_block(timeline, index, paint)]
    return out


def render_timelines(
    report: Report, timelines: Iterable[Timeline] | None = None, *, color: bool = False
) -> str:
    """Just the timeline blocks (``checker timeline``), for ``timelines`` or all of them."""
    chosen = report.timelines if timelines is None else tuple(timelines)
    lines = _timelines(chosen, Index(report), _Painter(color))
    return log_line("\n".join(lines[1:])) + "\n" if lines else ""


def render_text(report: Report, options: RenderOptions) -> str:
    paint = _Painter(options.color)
    index = Index(report)
    out = [paint("bold", _header(report))]

    if report.findings:
        out += ["", paint("bold", "FINDINGS")]
        for severity in SEVERITY_ORDER:
            group = [f for f in report.findings if f.severity is severity]
            if not group:
                continue
            label = f"{severity.value.upper()} ({len(group)})"
            out += ["", paint(severity.value, label)]
            for finding in group:
                out += _finding_block(finding, index, paint)
    else:
        out += ["", "No findings."]

    if report.timelines:
        out += ["", paint("bold", "TIMELINES")]
        out += _timelines(report.timelines, index, paint)

    if report.errors:
        out += ["", paint("bold", f"ERRORS ({len(report.errors)})")]
        out += [f"  {paint('error', 'error')} {safe(e.describe())}" for e in report.errors]

    baseline = options.baseline_summary
    if baseline is not None:
        out += [
            "",
            paint("bold", "BASELINE"),
            f"  {plural(baseline.accepted, 'accepted finding')} not shown",
        ]
        if baseline.gone:
            verb = "occurs" if len(baseline.gone) == 1 else "occur"
            out.append(f"  {plural(len(baseline.gone), 'entry', 'entries')} no longer {verb}:")
            for entry in baseline.gone:
                out.append(
                    safe(
                        f"    {entry.finding_id}  {entry.type.value}  {entry.story} / {entry.slot}"
                        f"  {' '.join(entry.message.split())}"
                    )
                )
    return log_line("\n".join(out)) + "\n"
