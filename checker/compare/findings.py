"""Findings in the making: report order, the finding builder, clusters of agreeing claims."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import polars as pl

from checker.compare.frame import INF, pub_seconds
from checker.config import Config
from checker.frames import whole_slot
from checker.ids import finding_id, outlier_key, value_key
from checker.messages import Wording
from checker.records import Article, Behaviour, Claim, Finding, FindingType, Severity

DEFAULT_SEVERITY: Mapping[FindingType, Severity] = {
    FindingType.CONTRADICTION: Severity.ERROR,
    FindingType.STALE: Severity.WARNING,
    FindingType.REGRESSION: Severity.WARNING,
    FindingType.SPELLING: Severity.WARNING,
    FindingType.METADATA: Severity.WARNING,
    FindingType.REVISION: Severity.INFO,
}


# Slots whose disagreement is doubtful by nature: at most a warning, saying why.
AT_MOST_WARNING = {"age": " (a birthday may fall between the reports)"}
MIN_SUPPORT = 2  # reports that must carry a corrected fixed value before it counts


def severity_of(type: FindingType, config: Config) -> Severity:
    return config.severity.get(type, DEFAULT_SEVERITY[type])


class Context:
    """Python-side lookups for messages and ordering: claims by row, report labels."""

    def __init__(self, claims: Sequence[Claim], articles: Sequence[Article]) -> None:
        self.claims = claims
        self.articles = {a.id: a for a in articles}
        self.words = Wording(claims, self.articles)
        self._pub: dict[str, tuple[float, str]] = {}

    def pub_key(self, row: int) -> tuple[float, str]:
        aid = self.claims[row].article_id
        cached = self._pub.get(aid)
        if cached is None:
            art = self.articles.get(aid)
            key = pub_seconds(art.published) if art is not None else None
            cached = self._pub[aid] = (key if key is not None else INF, aid)
        return cached

    def pub_order(self, row: int) -> tuple[tuple[float, str], str]:
        """Publication order, ties broken by claim id: deterministic whatever the input."""
        return self.pub_key(row), self.claims[row].id

    def by_pub(self, rows: Iterable[int]) -> list[int]:
        return sorted(rows, key=self.pub_order)


class Builder:
    def __init__(self, ctx: Context, config: Config) -> None:
        self.ctx = ctx
        self.config = config
        self.findings: dict[str, Finding] = {}
        self.conflict_rows: set[int] = set()
        self.revised_rows: set[int] = set()

    def add(
        self,
        type: FindingType,
        rows: Iterable[int],
        message: str,
        outliers: Sequence[int] = (),
        context: Sequence[str] = (),
    ) -> None:
        """One finding citing ``rows``; its id comes from the ``outliers`` (report and
        figure) or, when none is singled out, from the figures in disagreement and
        ``context`` (the day of a same-time conflict)."""
        ctx = self.ctx
        odd = ctx.by_pub(set(outliers))
        rest = ctx.by_pub(set(rows) - set(odd))
        first = ctx.claims[(odd or rest)[0]]
        if odd:
            key = [outlier_key(ctx.claims[r]) for r in odd]
        else:
            key = ["values", *context, *(value_key(ctx.claims[r]) for r in rest)]
        ids = tuple(dict.fromkeys(ctx.claims[r].id for r in (*odd, *rest)))
        fid = finding_id(type, first.story, first.slot, key)
        if fid in self.findings:  # the same odd one out twice: tell them apart by evidence
            fid = finding_id(type, first.story, first.slot, [*key, *ids])
        severity = severity_of(type, self.config)
        doubt = AT_MOST_WARNING.get(whole_slot(first.slot)) or _doubt(
            [ctx.claims[r] for r in odd], [ctx.claims[r] for r in rest]
        )
        if severity is Severity.ERROR and doubt is not None:
            severity, message = Severity.WARNING, message + doubt
        self.findings[fid] = Finding(
            id=fid,
            type=type,
            severity=severity,
            story=first.story,
            slot=first.slot,
            claim_ids=ids,
            message=message,
            outliers=tuple(ctx.claims[r].id for r in odd),
            outlier_reports=tuple(dict.fromkeys(ctx.claims[r].article_id for r in odd)),
        )
        if type is FindingType.CONTRADICTION:
            self.conflict_rows.update(odd or rest)  # agreeing reports are not in conflict

    def in_conflict(self) -> pl.Expr:
        """Rows already in a same-time contradiction."""
        return pl.col("i").is_in(pl.Series(sorted(self.conflict_rows), dtype=pl.Int64).implode())


def dated_outside_conflicts(df: pl.DataFrame, b: Builder, behaviour: Behaviour) -> pl.DataFrame:
    """Dated claims of slots that move as ``behaviour``, not already in a contradiction."""
    return df.filter(
        (pl.col("beh") == behaviour.value) & pl.col("day").is_not_null() & ~b.in_conflict()
    )


def _doubt(odd: Sequence[Claim], rest: Sequence[Claim]) -> str | None:
    """Why a finding cannot be an error: an error needs sure figures on both sides (an
    odd one out that is sure, and a sure figure it disagrees with)."""
    doubtful = (
        [c for c in odd if c.doubt is not None] if odd else [c for c in rest if c.doubt is not None]
    )
    if not doubtful and odd and rest and all(c.doubt is not None for c in rest):
        doubtful = list(rest[:1])
    if not doubtful:
        return None
    c = doubtful[0]
    return f' (at most a warning: in "{c.quote}", {c.doubt})'


def agreement_clusters(
    ctx: Context, rows: Sequence[int], lo: Mapping[int, float], hi: Mapping[int, float]
) -> list[list[int]]:
    """Partition claims into groups that agree pairwise (sweep by low bound)."""
    ordered = sorted(rows, key=lambda r: (lo[r], hi[r], *ctx.pub_order(r)))
    clusters: list[list[int]] = []
    cap = -INF
    for r in ordered:
        if clusters and lo[r] <= cap:
            clusters[-1].append(r)
            cap = min(cap, hi[r])
        else:
            clusters.append([r])
            cap = hi[r]
    for cl in clusters:
        cl.sort(key=ctx.pub_order)
    clusters.sort(key=lambda cl: ctx.pub_order(cl[0]))
    return clusters


def _majority(ctx: Context, clusters: Sequence[Sequence[int]]) -> int | None:
    """The cluster more reports share than any other (at least two), if there is one."""
    sizes = [ctx.words.count_reports(cl) for cl in clusters]
    best = max(range(len(clusters)), key=lambda k: sizes[k])
    if sizes[best] < MIN_SUPPORT or sum(1 for n in sizes if n == sizes[best]) > 1:
        return None
    return best


def disagreeing(
    b: Builder, head: str, clusters: Sequence[Sequence[int]], context: Sequence[str] = ()
) -> None:
    """Contradictions among clusters of agreeing claims that nothing settled: one per
    odd report when most reports share one figure, else one naming every figure."""
    words = b.ctx.words
    major = _majority(b.ctx, clusters)
    if major is None:
        rows = [r for cl in clusters for r in cl]
        msg = f"{head}: {words.disagreement(clusters)}"
        b.add(FindingType.CONTRADICTION, rows, msg, context=context)
        return
    majority = clusters[major]
    others = b.ctx.by_pub(r for k, cl in enumerate(clusters) if k != major for r in cl)
    for odd in words.by_report(others):
        msg = f"{head}: {words.against(odd, majority)}"
        b.add(FindingType.CONTRADICTION, [*odd, *majority], msg, outliers=odd)
