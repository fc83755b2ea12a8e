"""Levels and tallies of the same time that disagree, and tallies that overshoot within a day."""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from checker.compare.findings import (
    Builder,
    agreement_clusters,
    dated_outside_conflicts,
    disagreeing,
)
from checker.messages import ordinal_text
from checker.records import Behaviour


def same_time(df: pl.DataFrame, b: Builder, window: int) -> None:
    s = df.filter((pl.col("beh") != Behaviour.FIXED.value) & pl.col("day").is_not_null())
    if window > 0:
        s = s.with_columns(anc=pl.int_ranges(pl.col("day") - window, pl.col("day") + 1)).explode(
            "anc"
        )
    else:
        s = s.with_columns(anc=pl.col("day"))
    grp = ["g", "anc"]
    s = s.with_columns(mxlo=pl.col("lo").max().over(grp), mnhi=pl.col("hi").min().over(grp)).filter(
        pl.col("mxlo") > pl.col("mnhi")
    )
    if s.is_empty():
        return
    timed = pl.col("tm").is_not_null()
    inst = ["g", "anc", "day", "tm"]
    s = s.with_columns(
        ilo=pl.when(timed).then(pl.col("lo")).max().over(inst),
        ihi=pl.when(timed).then(pl.col("hi")).min().over(inst),
        tmx=pl.when(timed).then(pl.col("lo")).max().over(grp),
        tmn=pl.when(timed).then(pl.col("hi")).min().over(grp),
        elo=pl.when(timed).then(pl.col("lo")).min().over(grp),
        ehi=pl.when(timed).then(pl.col("hi")).max().over(grp),
    )
    moved = (pl.col("tmx") > pl.col("tmn")).fill_null(False)
    outside = (
        ~timed & ((pl.col("hi") < pl.col("elo")) | (pl.col("lo") > pl.col("ehi")))
    ).fill_null(False)
    s = s.with_columns(moved=moved, outside=outside).with_columns(
        any_out=pl.col("outside").any().over(grp)
    )
    inv = (
        (timed & ((pl.col("hi") < pl.col("ilo")) | (pl.col("lo") > pl.col("ihi"))))
        | (~pl.col("moved") & ((pl.col("hi") < pl.col("mxlo")) | (pl.col("lo") > pl.col("mnhi"))))
        | (pl.col("moved") & pl.col("outside"))
        | (pl.col("moved") & timed & pl.col("any_out"))
    )
    hits = s.filter(inv.fill_null(False)).select("g", "anc", "i", "day", "lo", "hi")
    if hits.is_empty():
        return
    anchors = (
        hits.select("g", "anc")
        .unique()
        .sort("g", "anc")
        .with_columns(
            cl=((pl.col("anc") - pl.col("anc").shift(1).over("g")) > window)
            .fill_null(True)
            .cast(pl.Int64)
            .cum_sum()
        )
    )
    rows = (
        hits.join(anchors, on=["g", "anc"])
        .group_by("cl", "i")
        .agg(pl.col("day").first(), pl.col("lo").first(), pl.col("hi").first())
        .sort("cl", "i")
    )
    clusters: dict[int, list[tuple[int, int, float, float]]] = defaultdict(list)
    for cl, i, day, lo, hi in rows.iter_rows():
        clusters[cl].append((i, day, lo, hi))
    ctx = b.ctx
    for cl in sorted(clusters):
        items = clusters[cl]
        idx = [t[0] for t in items]
        if len({ctx.claims[i].article_id for i in idx}) < 2:
            continue  # one report giving two figures speaks of two things (two volleys of shots)
        days = sorted({t[1] for t in items})
        when = ordinal_text(days[0])
        if len(days) > 1:
            when += f" to {ordinal_text(days[-1])}"
        lo_map = {t[0]: t[2] for t in items}
        hi_map = {t[0]: t[3] for t in items}
        groups = agreement_clusters(ctx, idx, lo_map, hi_map)
        head = f"{ctx.claims[idx[0]].slot} on {when}"
        disagreeing(b, head, groups, context=[str(days[0])])


def overshoots(df: pl.DataFrame, b: Builder) -> None:
    """Two reports of one day whose tallies cannot both be the day's count disagree.

    A figure above the day's earlier ones that no later report reaches is no rise
    within the day ("MORE than 400 people died", rescue workers, at 22:30, against the
    prosecutors' 322 of the afternoon, where the next days give 335 and 326); a rise
    the later reports keep is the tally moving on. A figure below an earlier one of the
    same day from another report is two sources disagreeing, not a tally that fell (a
    health official's 210 children dead at 18:00, the prosecutors' 155 at 19:15).
    One report telling the day's rise ("six dead this morning, 12 by evening") is
    not in doubt."""
    t = (
        dated_outside_conflicts(df, b, Behaviour.TALLY)
        .filter(~pl.col("corr"))
        .select("g", "i", "day", "tm", "lo", "hi")
    )
    if t.is_empty():
        return
    ctx = b.ctx
    for _g, rows in t.sort("g", "day", "tm", "i").group_by("g", maintain_order=True):
        recs = rows.to_dicts()
        lo = {r["i"]: r["lo"] for r in recs}
        hi = {r["i"]: r["hi"] for r in recs}
        for c in recs:
            if c["tm"] is None:
                continue
            same_day = [
                e for e in recs
                if e["day"] == c["day"] and e["tm"] is not None and e["tm"] < c["tm"]
                and ctx.claims[e["i"]].article_id != ctx.claims[c["i"]].article_id
            ]  # fmt: skip
            # a fall within the day between two reports: two sources disagreeing
            earlier = [e for e in same_day if e["lo"] > c["hi"]]
            if not earlier:
                earlier = [e for e in same_day if e["hi"] < c["lo"]]
                later = [x for x in recs if x["day"] > c["day"]]
                if not earlier or not later:
                    continue
                if any(x["lo"] >= c["lo"] for x in later) or not any(
                    x["hi"] < c["lo"] for x in later
                ):
                    continue  # reached later (or nothing later says otherwise): the tally rose
            rows_of = [e["i"] for e in earlier] + [c["i"]]
            groups = agreement_clusters(ctx, rows_of, lo, hi)
            head = f"{ctx.claims[c['i']].slot} on {ordinal_text(c['day'])}"
            disagreeing(b, head, groups, context=[str(c["day"])])
