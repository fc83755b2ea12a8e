"""Every report's text with its claims highlighted and linked to their findings."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from markupsafe import Markup, escape

from checker.records import Article, Claim
from checker.render.diff import format_value
from checker.render.html.context import Context
from checker.render.html.text import (
    claim_anchor,
    clean_text,
    date_text,
    report_anchor,
    safe_url,
    severity_text,
    worst,
)
from checker.render.html.views import ArticleView, Link


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
    text: str, claims: Sequence[Claim], ctx: Context
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
        tone = worst(ctx.claim_tone(c.id) for c in covering) or "ok"
        starting = [c for s, _, c in spans if s == a]
        title = "; ".join(_claim_title(c) for c in covering)
        # The first claim starting here names the mark itself; any other gets an empty anchor.
        anchors = Markup("").join(
            Markup('<span class="anchor" id="{}"></span>').format(claim_anchor(c.id))
            for c in starting[1:]
        )
        own = Markup(' id="{}"').format(claim_anchor(starting[0].id)) if starting else Markup("")
        out.append(
            anchors
            + Markup('<mark class="claim tone-{}"{} title="{}">{}</mark>').format(
                tone, own, title, piece
            )
        )
        for _, e, c in spans:
            if e == b:
                out.append(_claim_refs(c, ctx))
    return Markup("").join(out), unlocated


def _claim_title(claim: Claim) -> str:
    """ "dead = 13"; a name is its own value ("name:Alberto Fujimori")."""
    value = clean_text(format_value(claim.value, claim.unit))
    slot = clean_text(claim.slot)
    return slot if slot.endswith(":" + value) else f"{slot} = {value}"


def _claim_refs(claim: Claim, ctx: Context) -> Markup:
    links = ctx.finding_links(ctx.findings_by_claim.get(claim.id, ()))
    change = ctx.diff.change_for(claim.id) if ctx.diff else None
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


def article_view(article: Article, claims: Sequence[Claim], ctx: Context) -> ArticleView:
    body, unlocated = highlight_article(clean_text(article.text), claims, ctx)
    findings = [f for c in claims for f in ctx.findings_by_claim.get(c.id, ())]
    return ArticleView(
        id=clean_text(article.id),
        anchor=report_anchor(article.id),
        title=clean_text(article.title) or clean_text(article.id),
        outlet=ctx.outlet(article),
        date=date_text(article.published),
        basis=article.published_basis.value,
        url=safe_url(article.url),
        url_text=clean_text(article.url),
        path=clean_text(article.path),
        text=body,
        claim_count=len(claims),
        findings=ctx.finding_links(findings),
        unlocated=tuple(
            Link(
                "#" + claim_anchor(c.id),
                f"{clean_text(c.slot)}: “{clean_text(c.quote)}”",
                ctx.claim_tone(c.id),
            )
            for c in unlocated
        ),
        worst=worst(severity_text(f.severity) for f in findings),
    )
