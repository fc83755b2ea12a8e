"""Fixed facts: the figure later reports settled on; revisions, stale repeats, contradictions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import polars as pl

from checker.compare.findings import MIN_SUPPORT, Builder, agreement_clusters, disagreeing
from checker.messages import seconds_day_text
from checker.records import Behaviour, FindingType

# how soon an outlet's own report must give the settled figure to have corrected it
SELF_CORRECTION_SECONDS = 2 * 86_400


def fixed_facts(df: pl.DataFrame, b: Builder) -> None:
    f = df.filter((pl.col("beh") == Behaviour.FIXED.value) | pl.col("day").is_null())
    stats = f.group_by("g").agg(mxlo=pl.col("lo").max(), mnhi=pl.col("hi").min())
    f = f.join(stats.filter(pl.col("mxlo") > pl.col("mnhi")), on="g", how="inner")
    if f.is_empty():
        return
    f = f.join(_candidates(f), on="g", how="left").with_columns(
        cand=pl.col("cand").fill_null(False)
    )
    f = f.with_columns(
        agree=pl.col("cand") & (pl.col("lo") <= pl.col("vhi")) & (pl.col("hi") >= pl.col("vlo"))
    )
    maj = (
        f.filter(pl.col("pday") >= pl.col("tv"))
        .group_by("g")
        .agg(
            n_ok=pl.col("aid").filter(pl.col("agree")).n_unique(),
            n_bad=pl.col("aid").filter(~pl.col("agree")).n_unique(),
        )
    )
    f = f.join(maj, on="g", how="left").with_columns(
        conv=(
            pl.col("cand") & (pl.col("n_ok") >= MIN_SUPPORT) & (pl.col("n_ok") > pl.col("n_bad"))
        ).fill_null(False)
    )
    dis = f.filter(pl.col("conv") & ~pl.col("agree"))
    old = dis.filter(pl.col("pday") < pl.col("tv")).select("g", olo="lo", ohi="hi")
    later = dis.filter(pl.col("pday") >= pl.col("tv")).select("g", "i", "lo", "hi")
    repeats = (
        later.join(old, on="g", how="inner")
        .filter((pl.col("lo") <= pl.col("ohi")) & (pl.col("hi") >= pl.col("olo")))
        .select("i")
        .unique()
    )
    involved = (pl.col("hi") < pl.col("mxlo")) | (pl.col("lo") > pl.col("mnhi"))
    repeat = pl.col("i").is_in(repeats["i"].implode())
    # an outlet that gives the settled figure itself within days corrected its own
    # report (a figure it repeats weeks later is no correction)
    settled = f.filter(pl.col("agree") & pl.col("outlet").is_not_null()).select(
        "g", "outlet", fixed_on="pday"
    )
    self_corrected = (
        dis.join(settled, on=["g", "outlet"], how="inner")
        .filter(
            (pl.col("fixed_on") > pl.col("pday"))
            & (pl.col("fixed_on") - pl.col("pday") <= SELF_CORRECTION_SECONDS)
        )
        .select("i")
        .unique()
    )
    corrected = pl.col("i").is_in(self_corrected["i"].implode())
    status = (
        pl.when(~pl.col("conv"))
        .then(pl.when(involved).then(pl.lit("contra")))
        .when(pl.col("agree"))
        .then(pl.lit("ok"))
        .when(pl.col("pday").is_null())
        .then(pl.lit("contra"))
        .when((pl.col("pday") < pl.col("tv")) | corrected)
        .then(pl.lit("revision"))
        .when(repeat & (pl.col("pday") == pl.col("tv")))
        .then(pl.lit("revision"))
        .when(repeat)
        .then(pl.lit("stale"))
        .otherwise(pl.lit("contra"))
    )
    rows = (
        f.with_columns(status=status)
        .filter(pl.col("status").is_not_null())
        .select("g", "i", "aid", "status", "pday", "tv", "conv", "lo", "hi", "beh")
        .sort("g", "i")
    )
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for rec in rows.iter_rows(named=True):
        groups[rec["g"]].append(rec)
    for g in sorted(groups):
        _fixed_group(b, groups[g])


def _vague(lo: float, hi: float, claims: Sequence[tuple[str, int, float, float]]) -> bool:
    """An interval that fits two values which exclude each other ("eight weeks ago"
    fits both Dec. 17 and Dec. 18) cannot be what the reports settled on."""
    inside = [(l2, h2) for _, _, l2, h2 in claims if l2 <= hi and h2 >= lo]
    return bool(inside) and max(l2 for l2, _ in inside) > min(h2 for _, h2 in inside)


def _candidates(f: pl.DataFrame) -> pl.DataFrame:
    """Per disagreeing group, the value the recent reports settled on, if any.

    The recent reports are the later half of the group's dated reports. Each
    recent claim's interval is a candidate; its support is the number of
    distinct recent reports whose claims overlap it. The best candidate (most
    support, then latest, then narrowest) is the consensus ``V`` when at least
    two reports support it and more recent reports support it than not. A
    single stale repeat on the last day no longer hides a consensus.
    """
    dated = f.filter(pl.col("pday").is_not_null()).select("g", "aid", "pday", "lo", "hi")
    rows: list[tuple[int, float, float, bool, int, int | None]] = []
    groups: dict[int, list[tuple[str, int, float, float]]] = defaultdict(list)
    for g, aid, pday, lo, hi in dated.sort("g", "pday", "aid").iter_rows():
        groups[g].append((aid, pday, lo, hi))
    for g, claims in groups.items():
        days = sorted({c[1] for c in claims})
        articles = sorted({(c[1], c[0]) for c in claims})
        n_articles = len({c[0] for c in claims})
        cut = articles[len(articles) // 2][0] if len(articles) > 1 else days[0]
        recent = [c for c in claims if c[1] >= cut]
        recent_articles = {c[0] for c in recent}
        best: tuple[int, int, float, float, float] | None = None
        sharp_recent = [c for c in recent if not _vague(c[2], c[3], claims)] or recent
        for _, pday, lo, hi in sharp_recent:
            support = {a for a, _, l2, h2 in recent if l2 <= hi and h2 >= lo}
            key = (len(support), pday, -(hi - lo), lo, hi)
            if best is None or key > best:
                best = key
        assert best is not None
        n_ok, _, _, vlo, vhi = best
        supporters = {a for a, _, l2, h2 in recent if l2 <= vhi and h2 >= vlo}
        n_bad = len(recent_articles - supporters)
        cand = n_articles >= 2 and n_ok >= MIN_SUPPORT and n_ok > n_bad
        # t_V: the first report that gives V and rules out the other values; a vague
        # claim that fits both ("more than a dozen" for 14 and for about 20) is not it
        others = [(l2, h2) for _, _, l2, h2 in claims if not (l2 <= vhi and h2 >= vlo)]
        sharp = [
            pday
            for _, pday, l2, h2 in claims
            if l2 <= vhi and h2 >= vlo and not any(l2 <= oh and h2 >= ol for ol, oh in others)
        ]
        tv = min(sharp) if sharp else None
        rows.append((g, vlo, vhi, cand and tv is not None, n_articles, tv))
    return pl.DataFrame(
        rows,
        schema={"g": dated.schema["g"], "vlo": pl.Float64, "vhi": pl.Float64, "cand": pl.Boolean,
                "na": pl.Int64, "tv": dated.schema["pday"]},
        orient="row",
    )  # fmt: skip


def _fixed_group(b: Builder, recs: list[dict[str, Any]]) -> None:
    ctx, words = b.ctx, b.ctx.words
    lo = {r["i"]: r["lo"] for r in recs}
    hi = {r["i"]: r["hi"] for r in recs}
    first = ctx.claims[recs[0]["i"]]
    head = first.slot
    if recs[0]["beh"] != Behaviour.FIXED.value:
        head += " (as of an unknown date)"
    if len({ctx.claims[r["i"]].article_id for r in recs}) < 2:
        return  # one report giving two figures speaks of two things, not a contradiction
    if not recs[0]["conv"]:
        rows = [r["i"] for r in recs]
        disagreeing(b, head, agreement_clusters(ctx, rows, lo, hi))
        return
    agreeing = ctx.by_pub(r["i"] for r in recs if r["status"] == "ok")
    correctors = [r["i"] for r in recs if r["status"] == "ok" and r["pday"] == r["tv"]]
    deviants = ctx.by_pub(r["i"] for r in recs if r["status"] == "contra")
    for odd in words.by_report(deviants):
        msg = f"{head}: {words.against(odd, agreeing)}"
        b.add(FindingType.CONTRADICTION, [*odd, *agreeing], msg, outliers=odd)
    correcting = ctx.by_pub(r["i"] for r in recs if r["status"] == "ok" and r["pday"] is not None)
    consensus = words.consensus(agreeing)
    since = seconds_day_text(recs[0]["tv"])
    for kind in ("revision", "stale"):
        for rows in words.by_report(ctx.by_pub(r["i"] for r in recs if r["status"] == kind)):
            if kind == "revision":
                msg = (
                    f"{head}: {words.says(rows, 'gave')}; later reports settled on "
                    f'"{consensus}" from {since} ({words.reports(correcting)})'
                )
                b.add(FindingType.REVISION, [*rows, *correctors], msg, outliers=rows)
            else:
                msg = (
                    f"{head}: {words.says(rows, 'still gives')}, superseded since {since} by "
                    f'"{consensus}" ({words.reports(correcting)})'
                )
                b.add(FindingType.STALE, [*rows, *correctors], msg, outliers=rows)
            b.revised_rows.update(correctors)
