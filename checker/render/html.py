"""The HTML report an editor reads: one self-contained, offline, inert file.

Layout: a summary, then per story its finding cards (evidence side by side),
a timeline chart per slot with a table of its points, and every report with
its claims highlighted. Filters are progressive enhancement (a small inline
script, allowed by a sha256 hash in the page's Content-Security-Policy).

Safety: Jinja2 autoescapes everything; the only ``Markup`` values reach the
template from this module and ``svg.py``, which build them by escaping each
piece of data. All report text is first passed through :func:`clean_text`
(lone surrogates -> U+FFFD, control characters -> visible control pictures),
so the page always encodes as UTF-8 and shows what the input held.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from checker.records import (
    Article,
    Claim,
    CountValue,
    DateValue,
    Finding,
    FindingType,
    Kind,
    NameValue,
    Report,
    Severity,
    Timeline,
    TimelinePoint,
)
from checker.render.diff import (
    RunDiff,
    ValueChange,
    diff_against_previous,
    format_date_span,
    format_interval,
    format_value,
)
from checker.render.svg import ChartMark, DateMark, date_chart, value_chart

TEMPLATES = Path(__file__).resolve().parent / "templates"

SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
TYPE_ORDER = (
    FindingType.CONTRADICTION,
    FindingType.REGRESSION,
    FindingType.STALE,
    FindingType.REVISION,
    FindingType.SPELLING,
    FindingType.METADATA,
)

# ---------------------------------------------------------------------------
# Text hygiene and ids

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ID_SAFE = re.compile(r"[A-Za-z0-9./-]")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def clean_text(text: str | None) -> str:
    """Make report text safe to encode and visible: one code point in, one out.

    Keeping the length lets claim offsets into the text stay valid.
    """
    if not text:
        return ""
    text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub(_control_picture, text)


def anchor_part(raw: str) -> str:
    """An injective, HTML-id- and fragment-safe form of an id.

    Letters, digits, ``.``, ``/`` and ``-`` stay; every other character
    (``_`` included) becomes ``_<hex>_``.
    """
    if not raw:
        return "_"
    return "".join(ch if _ID_SAFE.fullmatch(ch) else f"_{ord(ch):x}_" for ch in raw)


def finding_anchor(finding_id: str) -> str:
    return f"finding-{anchor_part(finding_id)}"


def report_anchor(article_id: str) -> str:
    return f"report-{anchor_part(article_id)}"


def slot_anchor(story: str, slot: str) -> str:
    return f"slot-{anchor_part(story)}-{anchor_part(slot)}"


def story_anchor(story: str) -> str:
    return f"story-{anchor_part(story)}"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{anchor_part(claim_id)}"


_URL_BAD = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\`]")


def safe_url(raw: str | None) -> str | None:
    """The URL if it is a plain absolute http(s) URL, else None (shown as text)."""
    if not raw or _URL_BAD.search(raw) or _SURROGATE.search(raw):
        return None
    try:
        parts = urlsplit(raw)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return raw


def _date_text(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "undated"
    if isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        offset = value.strftime("%z")
        return f"{text} {offset[:3]}:{offset[3:]}" if offset else text
    return value.isoformat()


def _severity(value: Severity | str) -> str:
    return value.value if isinstance(value, Severity) else str(value)


def _sev_rank(value: str) -> int:
    return {"error": 2, "warning": 1, "info": 0}.get(value, -1)


def _type_rank(value: str) -> int:
    order = [t.value for t in TYPE_ORDER]
    return order.index(value) if value in order else len(order)


# ---------------------------------------------------------------------------
# View model


@dataclass(frozen=True)
class Link:
    href: str
    label: str
    tone: str = ""


@dataclass(frozen=True)
class Evidence:
    claim_id: str
    article_href: str
    outlet: str
    date: str
    headline: str
    sentence: Markup
    value: str
    qualifier: str
    attribution: str
    as_of: str
    change: ValueChange | None
    missing: bool = False
    also: tuple[Link, ...] = ()


@dataclass(frozen=True)
class FindingView:
    id: str
    anchor: str
    number: int
    type: str
    severity: str
    story: str
    slot: str
    slot_href: str
    slot_filter: str
    message: str
    status: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class PointRow:
    as_of: str
    value: str
    change: str
    tone: str
    reports: tuple[Link, ...]
    findings: tuple[Link, ...]


@dataclass(frozen=True)
class SlotView:
    story: str
    slot: str
    anchor: str
    behaviour: str
    kind: str
    chart: Markup | None
    rows: tuple[PointRow, ...]
    findings: tuple[Link, ...]
    worst: str


@dataclass(frozen=True)
class ArticleView:
    id: str
    anchor: str
    title: str
    outlet: str
    date: str
    basis: str
    url: str | None
    url_text: str
    path: str
    text: Markup
    claim_count: int
    findings: tuple[Link, ...]
    unlocated: tuple[Link, ...]
    worst: str


@dataclass(frozen=True)
class StoryView:
    id: str
    anchor: str
    article_count: int
    claim_count: int
    date_range: str
    undated: int
    outlets: int
    severity_counts: tuple[tuple[str, int], ...]
    type_counts: tuple[tuple[str, int], ...]
    findings: tuple[FindingView, ...]
    slots: tuple[SlotView, ...]
    articles: tuple[ArticleView, ...]
    worst: str


@dataclass(frozen=True)
class ChangeRow:
    label: str
    href: str
    arrow: str
    quote: str
    story: str
    slot: str


@dataclass(frozen=True)
class ResolvedRow:
    id: str
    type: str
    severity: str
    story: str
    slot: str
    slot_href: str
    message: str


@dataclass(frozen=True)
class DiffView:
    new: int
    changed: int
    unchanged: int
    resolved: tuple[ResolvedRow, ...]
    changes: tuple[ChangeRow, ...]


@dataclass
class _Index:
    articles: dict[str, Article]
    claims: dict[str, Claim]
    findings_by_claim: dict[str, list[Finding]] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    slot_anchors: set[str] = field(default_factory=set)


def _finding_sort_key(f: Finding) -> tuple[int, int, str, str, str]:
    return (-_sev_rank(_severity(f.severity)), _type_rank(f.type.value), f.story, f.slot, f.id)


def _outlet(article: Article | None) -> str:
    if article is None:
        return "unknown report"
    return clean_text(article.source) or "unknown outlet"


def _headline(article: Article | None, fallback: str) -> str:
    if article is None:
        return clean_text(fallback)
    return clean_text(article.title) or clean_text(article.id)


def _worst(severities: Iterable[str]) -> str:
    ranked = sorted(severities, key=_sev_rank, reverse=True)
    return ranked[0] if ranked else ""


def _finding_links(findings: Iterable[Finding], idx: _Index) -> tuple[Link, ...]:
    seen: dict[str, Finding] = {}
    for f in findings:
        seen.setdefault(f.id, f)
    ordered = sorted(seen.values(), key=_finding_sort_key)
    return tuple(
        Link(
            href="#" + finding_anchor(f.id),
            label=f"#{idx.numbers.get(f.id, 0)} {f.type.value}",
            tone=_severity(f.severity),
        )
        for f in ordered
    )


def highlight_sentence(sentence: str, quote: str) -> Markup:
    """The sentence, escaped, with the quoted figure in ``<mark>``."""
    sentence, quote = clean_text(sentence), clean_text(quote)
    at = sentence.find(quote) if quote else -1
    if at < 0:
        if not sentence:
            return Markup('<mark class="fig">{}</mark>').format(quote)
        return Markup(
            '{} <span class="fig-note">(figure: <mark class="fig">{}</mark>)</span>'
        ).format(sentence, quote)
    return Markup('{}<mark class="fig">{}</mark>{}').format(
        sentence[:at], sentence[at : at + len(quote)], sentence[at + len(quote) :]
    )


def _claim_tone(claim_id: str, idx: _Index) -> str:
    return _worst(_severity(f.severity) for f in idx.findings_by_claim.get(claim_id, ()))


def _locate(claim: Claim, text: str, used: set[tuple[int, int]]) -> tuple[int, int] | None:
    quote = clean_text(claim.quote)
    if 0 <= claim.start < claim.end <= len(text) and (
        not quote or text[claim.start : claim.end] == quote
    ):
        return claim.start, claim.end
    if quote:
        at = text.find(quote)
        while at >= 0:
            if (at, at + len(quote)) not in used:
                return at, at + len(quote)
            at = text.find(quote, at + 1)
    return None


def highlight_article(
    text: str, claims: Sequence[Claim], idx: _Index, diff: RunDiff | None
) -> tuple[Markup, list[Claim]]:
    """The article text with every claim in a ``<mark>``; returns unlocated claims.

    Overlapping claims are handled by cutting the text at every claim
    boundary: each piece is marked with the claims that cover it.
    """
    spans: list[tuple[int, int, Claim]] = []
    unlocated: list[Claim] = []
    used: set[tuple[int, int]] = set()
    for claim in sorted(claims, key=lambda c: (c.start, c.end, c.id)):
        where = _locate(claim, text, used)
        if where is None:
            unlocated.append(claim)
            continue
        used.add(where)
        spans.append((where[0], where[1], claim))
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    out: list[Markup] = []
    for a, b in itertools.pairwise(cuts):
        piece = text[a:b]
        covering = [c for s, e, c in spans if s <= a and e >= b]
        if not covering:
            out.append(escape(piece))
            continue
        tone = _worst(_claim_tone(c.id, idx) for c in covering) or "ok"
        starting = [c for s, _, c in spans if s == a]
        anchors = Markup("").join(
            Markup('<span class="anchor" id="{}"></span>').format(claim_anchor(c.id))
            for c in starting
        )
        title = "; ".join(
            f"{clean_text(c.slot)} = {clean_text(format_value(c.value, c.unit))}" for c in covering
        )
        out.append(
            anchors
            + Markup('<mark class="claim tone-{}" title="{}">{}</mark>').format(tone, title, piece)
        )
        for _, e, c in spans:
            if e == b:
                out.append(_claim_refs(c, idx, diff))
    return Markup("").join(out), unlocated


def _claim_refs(claim: Claim, idx: _Index, diff: RunDiff | None) -> Markup:
    links = _finding_links(idx.findings_by_claim.get(claim.id, ()), idx)
    change = diff.change_for(claim.id) if diff else None
    if not links and change is None:
        return Markup("")
    parts = [
        Markup('<a class="ref tone-{}" href="{}">{}</a>').format(
            link.tone, link.href, link.label.split(" ")[0]
        )
        for link in links
    ]
    if change is not None:
        parts.append(
            Markup('<span class="chg" title="changed since the previous run">{}</span>').format(
                change.arrow
            )
        )
    return Markup('<sup class="refs">') + Markup(" ").join(parts) + Markup("</sup>")


def _evidence(claim_id: str, idx: _Index, diff: RunDiff | None) -> Evidence:
    claim = idx.claims.get(claim_id)
    if claim is None:
        return Evidence(
            claim_id=clean_text(claim_id),
            article_href="",
            outlet="unknown report",
            date="",
            headline="",
            sentence=Markup(""),
            value="",
            qualifier="",
            attribution="",
            as_of="",
            change=None,
            missing=True,
        )
    article = idx.articles.get(claim.article_id)
    return Evidence(
        claim_id=clean_text(claim.id),
        article_href="#" + report_anchor(claim.article_id),
        outlet=_outlet(article),
        date=_date_text(article.published) if article else "",
        headline=_headline(article, claim.article_id),
        sentence=highlight_sentence(claim.sentence, claim.quote),
        value=clean_text(format_value(claim.value, claim.unit)),
        qualifier=claim.qualifier.value,
        attribution=clean_text(claim.attribution),
        as_of=_date_text(claim.as_of) if claim.as_of else "",
        change=diff.change_for(claim.id) if diff else None,
    )


def _group_evidence(items: Sequence[Evidence], limit: int = 3) -> tuple[Evidence, ...]:
    """Many reports giving one value: show one of them, list the others beneath it."""
    if len(items) <= limit:
        return tuple(items)
    groups: dict[str, list[Evidence]] = {}
    for item in items:
        groups.setdefault("\0" + item.claim_id if item.missing else item.value, []).append(item)
    return tuple(
        replace(
            first,
            also=tuple(Link(e.article_href, f"{e.outlet} ({e.date})") for e in rest),
        )
        for first, *rest in groups.values()
    )


def _point_value(point: TimelinePoint, kind: Kind, idx: _Index) -> str:
    if kind is Kind.NAME:
        names: list[str] = []
        for cid in point.claim_ids:
            claim = idx.claims.get(cid)
            if claim is not None and isinstance(claim.value, NameValue):
                text = clean_text(claim.value.text)
                if text not in names:
                    names.append(text)
        return " / ".join(names) or "?"
    if kind is Kind.DATE and point.start_date is not None:
        end = point.end_date or point.start_date
        return format_date_span(point.start_date.isoformat(), end.isoformat())
    return format_interval(point.low, point.high)


def _mark_tone(claim_id: str, point: TimelinePoint, idx: _Index) -> str:
    tone = _claim_tone(claim_id, idx)
    if tone:
        return tone
    if point.change == "conflict":
        return "conflict"
    if point.change == "revised":
        return "revised"
    return "ok"


def _mark_label(claim: Claim | None, article: Article | None, value: str, idx: _Index) -> str:
    parts = [_outlet(article), _date_text(article.published) if article else "", value]
    if article is not None:
        parts.append(_headline(article, article.id))
    if claim is not None:
        for link in _finding_links(idx.findings_by_claim.get(claim.id, ()), idx):
            parts.append(f"{link.label} ({link.tone})")
    return " · ".join(p for p in parts if p)


def _slot_view(timeline: Timeline, idx: _Index, findings: Sequence[Finding]) -> SlotView:
    story, slot = clean_text(timeline.story), clean_text(timeline.slot)
    anchor = slot_anchor(timeline.story, timeline.slot)
    marks: list[ChartMark] = []
    date_marks: list[DateMark] = []
    rows: list[PointRow] = []
    trend: list[tuple[dt.date, float]] = []
    for point in timeline.points:
        seen_articles: set[str] = set()
        reports: list[Link] = []
        point_findings: list[Finding] = []
        for cid in point.claim_ids:
            claim = idx.claims.get(cid)
            article = idx.articles.get(claim.article_id) if claim else None
            point_findings.extend(idx.findings_by_claim.get(cid, ()))
            key = claim.article_id if claim else cid
            if key in seen_articles:
                continue
            seen_articles.add(key)
            tone = _mark_tone(cid, point, idx)
            href = "#" + (claim_anchor(cid) if claim else anchor)
            if claim is not None:
                reports.append(Link("#" + report_anchor(claim.article_id), _outlet(article), tone))
            when = point.as_of or (claim.as_of if claim else None)
            if timeline.kind is Kind.DATE:
                value = claim.value if claim else None
                if isinstance(value, DateValue):
                    start, end = value.start, value.end
                elif point.start_date is not None:
                    start, end = point.start_date, point.end_date or point.start_date
                else:
                    continue
                text = format_date_span(start.isoformat(), end.isoformat())
                date_marks.append(
                    DateMark(
                        lane=_outlet(article)
                        + (f" · {_date_text(article.published)}" if article else ""),
                        start=start,
                        end=max(start, end),
                        tone=tone,
                        label=_mark_label(claim, article, text, idx),
                        href=href,
                    )
                )
            else:
                if claim is not None and isinstance(claim.value, CountValue):
                    low, high = claim.value.low, claim.value.high
                else:
                    low, high = point.low, point.high
                text = format_interval(low, high, claim.unit if claim else None)
                marks.append(
                    ChartMark(
                        when=when,
                        low=low,
                        high=high,
                        tone=tone,
                        label=_mark_label(claim, article, text, idx),
                        href=href,
                    )
                )
        if (
            point.as_of is not None
            and point.change not in ("conflict", "revised")
            and point.low is not None
            and point.high is not None
        ):
            trend.append((point.as_of, (point.low + point.high) / 2))
        links = _finding_links(point_findings, idx)
        rows.append(
            PointRow(
                as_of=_date_text(point.as_of),
                value=_point_value(point, timeline.kind, idx),
                change=point.change,
                tone=_worst(link.tone for link in links) or "",
                reports=tuple(reports),
                findings=links,
            )
        )
    title = f"{story}: {slot}"
    title_id = f"chart-{anchor}"
    chart: Markup | None
    if timeline.kind is Kind.DATE:
        chart = date_chart(
            date_marks,
            title_id=title_id,
            title=title,
            desc="Each lane is one report; bars span the days it gives.",
        )
    elif timeline.kind is Kind.NAME:
        chart = None
    else:
        units = sorted({c.unit for c in idx.claims.values() if c.slot == timeline.slot and c.unit})
        chart = value_chart(
            marks,
            title_id=title_id,
            title=title,
            desc="Time on the horizontal axis, each report's figure as a dot or interval.",
            trend=trend,
            unit=clean_text(units[0]) if len(units) == 1 else None,
            integer=timeline.kind is Kind.COUNT,
        )
    slot_findings = [f for f in findings if f.slot == timeline.slot]
    return SlotView(
        story=story,
        slot=slot,
        anchor=anchor,
        behaviour=timeline.behaviour.value,
        kind=timeline.kind.value,
        chart=chart,
        rows=tuple(rows),
        findings=_finding_links(slot_findings, idx),
        worst=_worst(_severity(f.severity) for f in slot_findings),
    )


def _article_view(
    article: Article, claims: Sequence[Claim], idx: _Index, diff: RunDiff | None
) -> ArticleView:
    text = clean_text(article.text)
    body, unlocated = highlight_article(text, claims, idx, diff)
    findings = [f for c in claims for f in idx.findings_by_claim.get(c.id, ())]
    url = safe_url(article.url)
    return ArticleView(
        id=clean_text(article.id),
        anchor=report_anchor(article.id),
        title=_headline(article, article.id),
        outlet=_outlet(article),
        date=_date_text(article.published),
        basis=article.published_basis.value,
        url=url,
        url_text=clean_text(article.url),
        path=clean_text(article.path),
        text=body,
        claim_count=len(claims),
        findings=_finding_links(findings, idx),
        unlocated=tuple(
            Link(
                "#" + claim_anchor(c.id),
                f"{clean_text(c.slot)}: “{clean_text(c.quote)}”",
                _claim_tone(c.id, idx),
            )
            for c in unlocated
        ),
        worst=_worst(_severity(f.severity) for f in findings),
    )


def _story_view(
    story: str,
    report: Report,
    idx: _Index,
    diff: RunDiff | None,
) -> StoryView:
    articles = sorted(
        (a for a in report.articles if a.story == story),
        key=lambda a: (a.published_date is None, a.published_date or dt.date.min, a.id),
    )
    claims = [c for c in report.claims if c.story == story]
    findings = sorted((f for f in report.findings if f.story == story), key=_finding_sort_key)
    timelines = sorted(
        (t for t in report.timelines if t.story == story), key=lambda t: (t.slot, t.kind.value)
    )
    claims_by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in report.claims:
        claims_by_article[c.article_id].append(c)

    finding_views = []
    for f in findings:
        anchor = slot_anchor(f.story, f.slot)
        finding_views.append(
            FindingView(
                id=clean_text(f.id),
                anchor=finding_anchor(f.id),
                number=idx.numbers[f.id],
                type=f.type.value,
                severity=_severity(f.severity),
                story=clean_text(f.story),
                slot=clean_text(f.slot),
                slot_href="#" + anchor if anchor in idx.slot_anchors else "",
                slot_filter=anchor,
                message=clean_text(f.message),
                status=diff.status(f.id) if diff else "",
                evidence=_group_evidence([_evidence(cid, idx, diff) for cid in f.claim_ids]),
            )
        )
    dates = [a.published_date for a in articles if a.published_date is not None]
    date_range = (
        "no dated reports"
        if not dates
        else format_date_span(min(dates).isoformat(), max(dates).isoformat())
    )
    sev = Counter(_severity(f.severity) for f in findings)
    types = Counter(f.type.value for f in findings)
    return StoryView(
        id=clean_text(story),
        anchor=story_anchor(story),
        article_count=len(articles),
        claim_count=len(claims),
        date_range=date_range,
        undated=len(articles) - len(dates),
        outlets=len({a.source for a in articles if a.source}),
        severity_counts=tuple((s.value, sev[s.value]) for s in SEVERITY_ORDER),
        type_counts=tuple(
            (t, types[t]) for t in sorted(types, key=lambda t: (_type_rank(t), t)) if types[t]
        ),
        findings=tuple(finding_views),
        slots=tuple(_slot_view(t, idx, findings) for t in timelines),
        articles=tuple(
            _article_view(a, claims_by_article.get(a.id, []), idx, diff) for a in articles
        ),
        worst=_worst(_severity(f.severity) for f in findings),
    )


def _diff_view(diff: RunDiff, idx: _Index) -> DiffView:
    resolved = []
    for f in diff.resolved:
        anchor = slot_anchor(f.story, f.slot)
        resolved.append(
            ResolvedRow(
                id=clean_text(f.id),
                type=clean_text(f.type),
                severity=clean_text(f.severity),
                story=clean_text(f.story),
                slot=clean_text(f.slot),
                slot_href="#" + anchor if anchor in idx.slot_anchors else "",
                message=clean_text(f.message),
            )
        )
    changes = []
    for ch in diff.changed_values:
        article = idx.articles.get(ch.article_id)
        changes.append(
            ChangeRow(
                label=f"{_outlet(article)} — {_headline(article, ch.article_id)}",
                href="#" + claim_anchor(ch.claim_id),
                arrow=clean_text(ch.arrow),
                quote=clean_text(ch.quote),
                story=clean_text(ch.story),
                slot=clean_text(ch.slot),
            )
        )
    return DiffView(
        new=len(diff.new),
        changed=len(diff.changed),
        unchanged=len(diff.unchanged),
        resolved=tuple(resolved),
        changes=tuple(changes),
    )


# ---------------------------------------------------------------------------
# Rendering


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
    ranks = Counter(_severity(f.severity) for f in findings if f.story == story)
    return (-ranks["error"], -ranks["warning"], -ranks["info"], story)


def _slot_options(stories: Sequence[StoryView]) -> list[tuple[str, list[tuple[str, str]]]]:
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for story in stories:
        seen: dict[str, str] = {s.anchor: s.slot for s in story.slots}
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
    # Stories with the worst findings first; findings numbered in page order.
    story_ids.sort(key=lambda s: _story_sort_key(s, report.findings))
    findings = sorted(
        report.findings, key=lambda f: (story_ids.index(f.story), *_finding_sort_key(f))
    )
    idx = _Index(
        articles={a.id: a for a in report.articles},
        claims={c.id: c for c in report.claims},
        numbers={f.id: n for n, f in enumerate(findings, start=1)},
        slot_anchors={slot_anchor(t.story, t.slot) for t in report.timelines},
    )
    by_claim: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        for cid in f.claim_ids:
            by_claim[cid].append(f)
    idx.findings_by_claim = dict(by_claim)

    stories = [_story_view(s, report, idx, diff) for s in story_ids]
    dates = [a.published_date for a in report.articles if a.published_date is not None]
    sev = Counter(_severity(f.severity) for f in findings)
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
            stories=stories,
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
            diff=_diff_view(diff, idx) if diff is not None else None,
        )
    )
    # Belt and braces: nothing un-encodable may leave, whatever a template did.
    return _SURROGATE.sub("\ufffd", page).replace("\x00", "\ufffd")
