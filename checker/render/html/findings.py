"""Finding cards and the triage table: the odd one out first, then the majority."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from markupsafe import Markup

from checker.records import Claim, CountValue, DateValue, Finding
from checker.render.diff import format_value
from checker.render.html.context import Context
from checker.render.html.text import (
    claim_anchor,
    clean_text,
    date_text,
    day_text,
    finding_anchor,
    format_quantity,
    report_anchor,
    severity_text,
    slot_anchor,
)
from checker.render.html.views import Evidence, FindingView, Link, TriageRow


def claim_value(claim: Claim) -> str:
    """A figure as an editor reads it: "121.75 days", "≥ 601", "18 Dec 1996"."""
    value = claim.value
    if isinstance(value, CountValue):
        return clean_text(format_quantity(value.low, value.high, claim.unit))
    if isinstance(value, DateValue):
        start, end = day_text(value.start), day_text(value.end)
        return start if start == end else f"{start} – {end}"
    return clean_text(format_value(value, claim.unit))


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


def _evidence(claim_id: str, ctx: Context, odd: bool) -> Evidence:
    claim = ctx.claims.get(claim_id)
    if claim is None:
        return Evidence(
            claim_id=clean_text(claim_id),
            article_href="",
            claim_href="",
            outlet="unknown report",
            date="",
            headline="",
            sentence=Markup(""),
            value="",
            qualifier="",
            attribution="",
            as_of="",
            change=None,
            odd=odd,
            missing=True,
        )
    article = ctx.articles.get(claim.article_id)
    return Evidence(
        claim_id=clean_text(claim.id),
        article_href="#" + report_anchor(claim.article_id),
        claim_href="#" + claim_anchor(claim.id),
        outlet=ctx.outlet(article),
        date=date_text(article.published) if article else "",
        headline=clean_text(article.title) or clean_text(article.id) if article else "",
        sentence=highlight_sentence(claim.sentence, claim.quote),
        value=claim_value(claim),
        qualifier=claim.qualifier.value,
        attribution=clean_text(claim.attribution),
        as_of=date_text(claim.as_of) if claim.as_of else "",
        change=ctx.diff.change_for(claim.id) if ctx.diff else None,
        odd=odd,
    )


def _group_evidence(items: Sequence[Evidence], limit: int = 3) -> tuple[Evidence, ...]:
    """Many reports giving one value: show one of them, list the others beneath it."""
    if len(items) <= limit:
        return tuple(items)
    groups: dict[str, list[Evidence]] = {}
    for item in items:
        key = "\0" + item.claim_id if item.missing or item.odd else item.value
        groups.setdefault(key, []).append(item)
    return tuple(
        replace(first, also=tuple(Link(e.claim_href, f"{e.outlet} ({e.date})") for e in rest))
        for first, *rest in groups.values()
    )


def _odd_ids(finding: Finding) -> list[str]:
    """The claims singled out; with none, the first cited report stands for its side."""
    if finding.outliers:
        return list(finding.outliers)
    return list(finding.claim_ids[:1])


def _reports_label(claims: Sequence[Claim], ctx: Context) -> str:
    reports = sorted({c.article_id for c in claims})
    if len(reports) == 1:
        article = ctx.articles.get(reports[0])
        return f"{ctx.outlet(article)} ({day_text(article.published if article else None)})"
    return f"{len(reports)} reports"


def triage_row(finding: Finding, ctx: Context) -> TriageRow:
    odd_ids = _odd_ids(finding)
    odd = [c for cid in odd_ids if (c := ctx.claims.get(cid)) is not None]
    odd_reports = {c.article_id for c in odd}
    rest = [
        c
        for cid in finding.claim_ids
        if cid not in odd_ids
        and (c := ctx.claims.get(cid)) is not None
        and c.article_id not in odd_reports
    ]
    if odd:
        odd_label = _reports_label(odd, ctx)
        odd_value = " / ".join(dict.fromkeys(claim_value(c) for c in odd))
    else:
        articles = [ctx.articles.get(a) for a in finding.outlier_reports]
        odd_label = ", ".join(ctx.outlet(a) for a in articles) or "—"
        odd_value = ""
    majority, majority_value = "", ""
    if rest:
        by_value: dict[str, list[Claim]] = {}
        for c in rest:
            by_value.setdefault(claim_value(c), []).append(c)
        counts = Counter({v: len({c.article_id for c in cs}) for v, cs in by_value.items()})
        ranked = sorted(counts, key=lambda v: (-counts[v], list(by_value).index(v)))
        if len(ranked) > 1 and counts[ranked[0]] == 1:
            # No value shared: show the figures the reports give, not a false consensus.
            majority_value = " / ".join(ranked[:3]) + (" …" if len(ranked) > 3 else "")
            majority = _reports_label(rest, ctx)
        else:
            majority_value = ranked[0]
            majority = _reports_label(by_value[majority_value], ctx)
    anchor = slot_anchor(finding.story, finding.slot)
    return TriageRow(
        number=ctx.numbers[finding.id],
        href="#" + finding_anchor(finding.id),
        severity=severity_text(finding.severity),
        type=finding.type.value,
        status=ctx.status(finding.id),
        story=clean_text(finding.story),
        slot=clean_text(finding.slot),
        slot_filter=anchor,
        odd=odd_label,
        odd_value=odd_value,
        majority=majority,
        majority_value=majority_value,
        split=not finding.outliers,
    )


def finding_view(finding: Finding, ctx: Context) -> FindingView:
    anchor = slot_anchor(finding.story, finding.slot)
    odd_ids = set(finding.outliers) if len(finding.claim_ids) > 1 else set()
    ordered = sorted(finding.claim_ids, key=lambda cid: cid not in odd_ids)
    return FindingView(
        id=clean_text(finding.id),
        anchor=finding_anchor(finding.id),
        number=ctx.numbers[finding.id],
        type=finding.type.value,
        severity=severity_text(finding.severity),
        story=clean_text(finding.story),
        slot=clean_text(finding.slot),
        slot_href="#" + anchor if anchor in ctx.slot_anchors else "",
        slot_filter=anchor,
        message=clean_text(finding.message),
        status=ctx.status(finding.id),
        previous_id=clean_text(ctx.diff.previous_id(finding.id) or "") if ctx.diff else "",
        evidence=_group_evidence([_evidence(cid, ctx, cid in odd_ids) for cid in ordered]),
        triage=triage_row(finding, ctx),
    )
