"""Tallies that fall below an earlier figure, and figures a report says it corrects."""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from checker.compare.findings import Builder, dated_outside_conflicts
from checker.messages import day_text
from checker.records import Behaviour, Claim, FindingType


def level_corrections(df: pl.DataFrame, b: Builder) -> None:
    """A level the report says it corrects ("had held more than 1,100 people, not the
    354 they had announced") makes each earlier report with a figure it excludes a
    revision, and a later report still giving that figure stale, up or down."""
    t = dated_outside_conflicts(df, b, Behaviour.LEVEL)
    if not t.is_empty() and t["corr"].any():
        _corrections(t, b, both_ways=True)


def _corrections(t: pl.DataFrame, b: Builder, *, both_ways: bool = False) -> set[int]:
    """A tally the report says it corrects ("revised down to 71 from about 80") makes
    each earlier report above it a ``revision`` (info), and a later report that still
    gives one of those superseded figures ``stale`` (warning). Returns the stale rows,
    which set no record: the figures after them follow the correction. A level
    (``both_ways``) is corrected up as well as down."""
    ctx, words = b.ctx, b.ctx.words
    # what a report said before or after the correction is a matter of when it
    # appeared ("herded 354 hostages into the gym on Sept. 1", a week after the count
    # was corrected, is stale though it holds on the first day)
    told = [
        (g, i, day, lo, hi, corr, (pday // 86400) if pday is not None else day)
        for g, i, day, lo, hi, corr, pday in t.select(
            "g", "i", "day", "lo", "hi", "corr", "pday"
        ).iter_rows()
    ]
    rows = sorted(told, key=lambda r: (r[6], r[2]))
    stale: set[int] = set()
    for g, fix, _day, lo, hi, corr, when in rows:
        if not corr:
            continue
        same = [r for r in rows if r[0] == g]
        before = [r for r in same if r[6] < when and (r[3] > hi or (both_ways and r[4] < lo))]
        if not before:
            continue
        later = [
            r[1]
            for r in same
            if r[6] > when
            and (r[3] > hi or (both_ways and r[4] < lo))
            and any(r[3] <= s[4] and s[3] <= r[4] for s in before)
        ]
        head, since = ctx.claims[fix].slot, day_text(ctx.claims[fix].as_of)
        fixed = f'"{ctx.claims[fix].quote}" ({words.of(fix)})'
        for odd in words.by_report(ctx.by_pub(r[1] for r in before)):
            msg = f"{head}: {words.says(odd, 'gave')}; corrected on {since} to {fixed}"
            b.add(FindingType.REVISION, [*odd, fix], msg, outliers=odd)
        for odd in words.by_report(ctx.by_pub(later)):
            msg = f"{head}: {words.says(odd, 'still gives')}, corrected on {since} to {fixed}"
            b.add(FindingType.STALE, [*odd, fix], msg, outliers=odd)
        b.revised_rows.add(fix)
        stale.update(later)
    return stale


def regressions(df: pl.DataFrame, b: Builder, window: int) -> None:
    # a figure already in a same-time contradiction sets no record and breaks none
    t = dated_outside_conflicts(df, b, Behaviour.TALLY).select(
        "g", "i", "cid", "day", "tm", "lo", "hi", "corr", "pday"
    )
    if t.is_empty():
        return
    stale = pl.Series("s", sorted(_corrections(t, b)), dtype=pl.Int64)
    t = t.filter(~pl.col("i").is_in(stale.implode()))
    # of the day's highest figures, the latest report's: a reference that does not
    # hang on claim ids (which follow the inputs' paths)
    best = (
        pl.col("i")
        .sort_by(["lo", "pday", "cid"], descending=[True, True, False], nulls_last=True)
        .first()
    )
    days = (
        t.group_by("g", "day")
        .agg(mlo=pl.col("lo").max(), ref=best, cday=pl.col("corr").any())
        .sort("g", "day")
        .with_columns(seg=pl.col("cday").cast(pl.Int64).cum_sum().over("g"))
        .with_columns(rec=pl.col("mlo").cum_max().over("g", "seg"))
        .with_columns(prev=pl.col("rec").shift(1).over("g", "seg"))
        .with_columns(
            rref=pl.when(pl.col("prev").is_null() | (pl.col("mlo") > pl.col("prev")))
            .then(pl.col("ref"))
            .forward_fill()
            .over("g", "seg")
        )
    )
    own = days.select("g", "day", "seg")
    look = days.select("g", pl.col("day").alias("rday"), "seg", "rec", "rref").rename(
        {"seg": "rseg"}
    )
    t = (
        t.join(own, on=["g", "day"], how="left")
        .with_columns(key=pl.col("day") - window - 1)
        .sort("key")
        .join_asof(
            look.sort("rday"),
            left_on="key",
            right_on="rday",
            by="g",
            strategy="backward",
            check_sortedness=False,
        )
    )
    prior_day = pl.when(pl.col("corr") | (pl.col("rseg") == pl.col("seg"))).then(pl.col("rec"))
    # within one day, timestamped claims at earlier times
    inst = (
        t.filter(pl.col("tm").is_not_null())
        .group_by("g", "day", "tm")
        .agg(mlo=pl.col("lo").max(), ref=best)
        .sort("g", "day", "tm")
        .with_columns(rec=pl.col("mlo").cum_max().over("g", "day"))
        .with_columns(prev=pl.col("rec").shift(1).over("g", "day"))
        .with_columns(
            tref=pl.when(pl.col("prev").is_null() | (pl.col("mlo") > pl.col("prev")))
            .then(pl.col("ref"))
            .forward_fill()
            .over("g", "day")
        )
        .with_columns(
            tprior=pl.col("rec").shift(1).over("g", "day"),
            tref=pl.col("tref").shift(1).over("g", "day"),
        )
        .select("g", "day", "tm", "tprior", "tref")
    )
    t = t.join(inst, on=["g", "day", "tm"], how="left").with_columns(pday_prior=prior_day)
    use_t = pl.col("tprior").is_not_null() & (
        pl.col("pday_prior").is_null() | (pl.col("tprior") > pl.col("pday_prior"))
    )
    t = t.with_columns(
        prior=pl.when(use_t).then(pl.col("tprior")).otherwise(pl.col("pday_prior")),
        pref=pl.when(use_t).then(pl.col("tref")).otherwise(pl.col("rref")),
    )
    hits = (
        t.filter((pl.col("hi") < pl.col("prior")).fill_null(False))
        # a correcting claim is no regression: the reports it corrects are revisions
        .filter(~pl.col("corr"))
        .select("g", "i", "pref")
        .sort("g", "pref", "i")
    )
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for g, i, pref in hits.iter_rows():
        groups[(g, pref)].append(i)
    ctx = b.ctx
    for (_g, ref), rows in sorted(groups.items()):
        head = ctx.claims[ref].slot
        ref_c = ctx.claims[ref]
        earlier = f'"{ref_c.quote}" in {ctx.words.of(ref)} (as of {_as_of(ref_c)})'
        for odd in ctx.words.by_report(ctx.by_pub(rows)):
            later = f"{ctx.words.says(odd, 'gives')} as of {_as_of(ctx.claims[odd[0]])}"
            msg = f"{head}: {later}, lower than the earlier {earlier}; a tally should not fall"
            b.add(FindingType.REGRESSION, [ref, *odd], msg, outliers=odd)


def _as_of(c: Claim) -> str:
    if c.as_of is None:
        return "an unknown date"
    return day_text(c.as_of) + (f" {c.as_of_time}" if c.as_of_time else "")
