"""The whole page: stories in order of their worst finding, the triage table on top."""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from checker.records import Claim, Finding, Report
from checker.render.diff import diff_against_previous, format_date_span
from checker.render.html.articles import article_view
from checker.render.html.changes import diff_view
from checker.render.html.context import Context, agency_names
from checker.render.html.findings import finding_view
from checker.render.html.packing import PACK_FROM_REPORTS, Chunk, pack_chunks, split_rows
from checker.render.html.text import (
    SEVERITY_ORDER,
    TYPE_ORDER,
    clean_text,
    severity_text,
    slot_anchor,
    story_anchor,
    strip_surrogates,
    worst,
)
from checker.render.html.timelines import slot_view, worth_a_chart
from checker.render.html.views import Packed, SlotView, StoryView, TriageRow
from checker.render.svg import shape_defs

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _story_view(story: str, report: Report, ctx: Context, findings: Sequence[Finding]) -> StoryView:
    articles = sorted(
        (a for a in report.articles if a.story == story),
        key=lambda a: (a.published_date is None, a.published_date or dt.date.min, a.id),
    )
    mine = [f for f in findings if f.story == story]
    timelines = sorted(
        (t for t in report.timelines if t.story == story), key=lambda t: (t.slot, t.kind.value)
    )
    flagged = {f.slot for f in mine}
    claims_by_article: dict[str, list[Claim]] = defaultdict(list)
    claim_count = 0
    for c in report.claims:
        if c.story == story:
            claim_count += 1
            claims_by_article[c.article_id].append(c)
    charted = [t for t in timelines if worth_a_chart(t, t.slot in flagged)]
    folded = [t for t in timelines if t not in charted]
    dates = [a.published_date for a in articles if a.published_date is not None]
    sev = Counter(severity_text(f.severity) for f in mine)
    return StoryView(
        id=clean_text(story),
        anchor=story_anchor(story),
        article_count=len(articles),
        claim_count=claim_count,
        date_range=(
            format_date_span(min(dates).isoformat(), max(dates).isoformat())
            if dates
            else "no dated reports"
        ),
        undated=len(articles) - len(dates),
        outlets=len({ctx.outlet(a) for a in articles if a.source}),
        severity_counts=tuple((s.value, sev[s.value]) for s in SEVERITY_ORDER),
        findings=tuple(finding_view(f, ctx) for f in mine),
        slots=tuple(slot_view(t, ctx, mine, chart=True) for t in charted),
        folded=tuple(slot_view(t, ctx, mine, chart=False) for t in folded),
        articles=tuple(article_view(a, claims_by_article.get(a.id, []), ctx) for a in articles),
        worst=worst(severity_text(f.severity) for f in mine),
    )


def _previous_articles(previous: Mapping[str, Any] | None) -> set[str]:
    raw = previous.get("articles") if isinstance(previous, Mapping) else None
    if not isinstance(raw, list):
        return set()
    return {a["id"] for a in raw if isinstance(a, Mapping) and isinstance(a.get("id"), str)}


def _packed(story: StoryView, parts: Any) -> StoryView:
    return replace(
        story,
        packed=Packed(
            findings=pack_chunks(story.findings, parts.finding_card),
            timelines=pack_chunks(
                [*story.slots, story.folded],
                lambda s: parts.slot_section(s) if isinstance(s, SlotView) else parts.folded(s),
            ),
            reports=pack_chunks(story.articles, parts.report_article),
        ),
    )


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@functools.lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _story_sort_key(story: str, findings: Sequence[Finding]) -> tuple[int, int, int, str]:
    ranks = Counter(severity_text(f.severity) for f in findings if f.story == story)
    return (-ranks["error"], -ranks["warning"], -ranks["info"], story)


def _slot_options(stories: Sequence[StoryView]) -> list[tuple[str, list[tuple[str, str]]]]:
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for story in stories:
        seen: dict[str, str] = {s.anchor: s.slot for s in (*story.slots, *story.folded)}
        for f in story.findings:
            seen.setdefault(f.slot_filter, f.slot)
        groups.append((story.id, sorted(((v, k) for k, v in seen.items()))))
    return groups


def render_html(
    report: Report,
    *,
    previous: Mapping[str, Any] | None = None,
    title: str = "checker report",
    tool_version: str = "",
) -> str:
    """The whole report as one self-contained HTML document (deterministic)."""
    diff = diff_against_previous(report, previous) if previous is not None else None
    story_ids = sorted(
        {a.story for a in report.articles}
        | {c.story for c in report.claims}
        | {f.story for f in report.findings}
        | {t.story for t in report.timelines}
    )
    story_ids.sort(key=lambda s: _story_sort_key(s, report.findings))
    ctx = Context(
        articles={a.id: a for a in report.articles},
        claims={c.id: c for c in report.claims},
        diff=diff,
        agencies=agency_names([a.source for a in report.articles]),
        slot_anchors={slot_anchor(t.story, t.slot) for t in report.timelines},
    )
    rank = {s: i for i, s in enumerate(story_ids)}
    # Cards in page order (story, then new first in a diff, then severity); the
    # triage table lists every story's findings in the order an editor acts on them.
    findings = sorted(report.findings, key=lambda f: (rank[f.story], *ctx.sort_key(f)))
    ctx.index_findings(findings)

    stories = [_story_view(s, report, ctx, findings) for s in story_ids]
    views = {v.id: v for s in stories for v in s.findings}
    triage = [views[clean_text(f.id)].triage for f in sorted(findings, key=ctx.sort_key)]
    urgent = [r for r in triage if r.severity != "info"]
    info = [r for r in triage if r.severity == "info"]
    lazy_urgent: tuple[Chunk, ...] = ()
    lazy_info: tuple[Chunk, ...] = ()
    info_count = len(info)
    packed = len(report.articles) >= PACK_FROM_REPORTS
    if packed:
        parts = _environment().get_template("parts.html.j2").module
        stories = [_packed(story, parts) for story in stories]
        multi = len(stories) > 1

        def row(r: TriageRow) -> str:
            return str(parts.triage_row(r, diff is not None, multi))  # type: ignore[attr-defined]

        urgent, rest = split_rows(urgent)
        lazy_urgent = pack_chunks(rest, row)
        info, rest = split_rows(info, 0)
        lazy_info = pack_chunks(rest, row)
    dates = [a.published_date for a in report.articles if a.published_date is not None]
    sev = Counter(severity_text(f.severity) for f in findings)
    types = Counter(f.type.value for f in findings)
    css, script = _asset("report.css"), _asset("report.js")
    csp = (
        "default-src 'none'; "
        f"style-src {csp_hash(css)}; "
        f"script-src {csp_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    page = (
        _environment()
        .get_template("report.html.j2")
        .render(
            title=clean_text(title) or "checker report",
            tool_version=clean_text(tool_version),
            csp=csp,
            css=Markup(css),
            script=Markup(script),
            shapes=shape_defs(),
            stories=stories,
            triage=urgent,
            triage_lazy=lazy_urgent,
            triage_info=info,
            triage_info_lazy=lazy_info,
            triage_info_count=info_count,
            article_count=len(report.articles),
            claim_count=len(report.claims),
            finding_count=len(findings),
            severity_counts=[(s.value, sev[s.value]) for s in SEVERITY_ORDER],
            type_counts=[(t.value, types[t.value]) for t in TYPE_ORDER if types[t.value]],
            all_types=[t.value for t in TYPE_ORDER],
            slot_options=_slot_options(stories),
            date_range=(
                format_date_span(min(dates).isoformat(), max(dates).isoformat()) if dates else ""
            ),
            errors=[clean_text(e.describe()) for e in report.errors],
            diff=diff_view(diff, ctx, _previous_articles(previous)) if diff is not None else None,
        )
    )
    # Belt and braces: nothing un-encodable may leave, whatever a template did.
    return strip_surrogates(page)
