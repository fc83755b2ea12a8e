"""Since the previous run: what each edited figure did, and what was resolved."""

from __future__ import annotations

from checker.records import Finding
from checker.render.diff import RunDiff, ValueChange
from checker.render.html.context import Context
from checker.render.html.text import (
    claim_anchor,
    clean_text,
    finding_anchor,
    report_anchor,
    slot_anchor,
)
from checker.render.html.views import ChangeRow, DiffView, ResolvedRow

_EFFECT = {
    "new": "new {type}",
    "changed": "changed {type}",
    "unchanged": "still in {type}",
}


def effect(change: ValueChange, diff: RunDiff, ctx: Context) -> tuple[str, str, str]:
    """What the edit did, the finding it points to, and that finding's severity."""
    cited: list[Finding] = ctx.findings_by_claim.get(change.claim_id, [])
    if cited:
        first = sorted(cited, key=ctx.sort_key)[0]
        text = _EFFECT[diff.status(first.id)].format(type=first.type.value)
        return (
            f"{text} #{ctx.numbers.get(first.id, 0)}",
            "#" + finding_anchor(first.id),
            first.severity.value,
        )
    gone = [f for f in diff.resolved if change.previous_claim_id in f.claim_ids]
    if gone:
        return f"resolved {gone[0].type}", "#resolved", ""
    return "no finding", "", ""


def _added_reports(previous_ids: set[str], ctx: Context) -> list[ChangeRow]:
    """Reports the previous run did not have, and the findings they are the odd one out of."""
    rows = []
    for article in sorted(ctx.articles.values(), key=lambda a: a.id):
        if not previous_ids or article.id in previous_ids:
            continue
        singled = sorted(
            {
                f.id: f
                for c in ctx.claims.values()
                if c.article_id == article.id and ctx.odd_tone.get(c.id)
                for f in ctx.findings_by_claim.get(c.id, ())
                if c.id in (f.outliers or f.claim_ids)
            }.values(),
            key=ctx.sort_key,
        )
        first = singled[0] if singled else None
        rows.append(
            ChangeRow(
                label=ctx.outlet(article),
                href="#" + report_anchor(article.id),
                arrow="added",
                quote=clean_text(article.title),
                story=clean_text(article.story),
                slot="",
                effect=(
                    ", ".join(
                        f"{ctx.status(f.id)} {f.type.value} #{ctx.numbers.get(f.id, 0)}"
                        for f in singled
                    )
                    if singled
                    else "agrees: no finding"
                ),
                effect_href="#" + finding_anchor(first.id) if first else "",
                tone=first.severity.value if first else "",
            )
        )
    return rows


def diff_view(diff: RunDiff, ctx: Context, previous_ids: set[str]) -> DiffView:
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
                slot_href="#" + anchor if anchor in ctx.slot_anchors else "",
                message=clean_text(f.message),
            )
        )
    changes = []
    for ch in diff.changed_values:
        article = ctx.articles.get(ch.article_id)
        text, href, tone = effect(ch, diff, ctx)
        changes.append(
            ChangeRow(
                label=ctx.outlet(article),
                href="#" + claim_anchor(ch.claim_id),
                arrow=clean_text(ch.arrow),
                quote=clean_text(ch.quote),
                story=clean_text(ch.story),
                slot=clean_text(ch.slot),
                effect=text,
                effect_href=href,
                tone=tone,
            )
        )
    return DiffView(
        new=len(diff.new),
        changed=len(diff.changed),
        unchanged=len(diff.unchanged),
        resolved=tuple(resolved),
        changes=tuple(changes),
        added=tuple(_added_reports(previous_ids, ctx)),
    )
