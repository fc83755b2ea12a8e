"""Timelines: one point per distinct figure and day of each story, slot and kind."""

from __future__ import annotations

import datetime as dt

import polars as pl

from checker.compare.findings import Builder
from checker.compare.frame import INF
from checker.records import Behaviour, Kind, Timeline, TimelinePoint


def timelines(df: pl.DataFrame, b: Builder) -> list[Timeline]:
    d = df.filter(pl.col("kind") != Kind.NAME.value)
    if d.is_empty():
        return []
    revised = pl.Series("r", sorted(b.revised_rows), dtype=pl.Int64)
    d = d.with_columns(isc=b.in_conflict(), isr=pl.col("i").is_in(revised.implode()))
    names = {
        t: (story, slot, kind)
        for t, story, slot, kind in d.group_by("t")
        .agg(pl.col("story").first(), pl.col("slot").first(), pl.col("kind").first())
        .iter_rows()
    }
    tl = ["t"]
    pts = (
        d.group_by("t", "day", "rlo", "rhi")
        .agg(
            ids=pl.col("cid").sort(),
            tmin=pl.col("tm").min(),
            pmin=pl.col("pkey").min(),
            beh=pl.col("beh").first(),
            isc=pl.col("isc").any(),
            isr=pl.col("isr").any(),
        )
        .sort(
            ["t", "day", "tmin", "pmin", "rlo", "rhi"],
            nulls_last=[False, True, False, True, False, False],
        )
    )
    lo = pl.col("rlo").fill_null(-INF)
    hi = pl.col("rhi").fill_null(INF)
    pts = pts.with_columns(
        plo=lo.shift(1).over(tl),
        phi=hi.shift(1).over(tl),
        n=pl.int_range(pl.len()).over(tl),
    )
    change = (
        pl.when(pl.col("n") == 0)
        .then(pl.lit("first"))
        .when(pl.col("isc"))
        .then(pl.lit("conflict"))
        .when(pl.col("isr"))
        .then(pl.lit("revised"))
        .when(lo > pl.col("phi"))
        .then(pl.lit("up"))
        .when(hi < pl.col("plo"))
        .then(pl.lit("down"))
        .otherwise(pl.lit("same"))
    )
    pts = pts.with_columns(change=change)
    cols = [pts[c].to_list() for c in ("t", "beh", "day", "rlo", "rhi", "ids", "change")]
    tids, behs, days, rlos, rhis, idss, changes = cols
    out: list[Timeline] = []
    fromord = dt.date.fromordinal
    date_kind = Kind.DATE.value
    n = len(tids)
    begin = 0
    while begin < n:
        tid = tids[begin]
        key = names[tid]
        stop = begin + 1
        while stop < n and tids[stop] == tid:
            stop += 1
        is_date = key[2] == date_kind
        points = []
        for k in range(begin, stop):
            day = days[k]
            as_of = fromord(day) if day is not None else None
            if is_date:
                points.append(
                    _point(
                        as_of,
                        None,
                        None,
                        tuple(idss[k]),
                        changes[k],
                        fromord(int(rlos[k])),
                        fromord(int(rhis[k])),
                    )
                )
            else:
                points.append(
                    _point(as_of, rlos[k], rhis[k], tuple(idss[k]), changes[k], None, None)
                )
        out.append(
            Timeline(
                story=key[0],
                slot=key[1],
                behaviour=Behaviour(behs[begin]),
                kind=Kind(key[2]),
                points=tuple(points),
            )
        )
        begin = stop
    return out


def _point(
    as_of: dt.date | None,
    low: float | None,
    high: float | None,
    claim_ids: tuple[str, ...],
    change: str,
    start_date: dt.date | None,
    end_date: dt.date | None,
) -> TimelinePoint:
    """Build a TimelinePoint without the frozen-dataclass ``__init__`` overhead.

    Equivalent to ``TimelinePoint(...)``; there are as many points as claims at
    worst, and the generated ``__init__`` of a frozen dataclass costs a
    ``object.__setattr__`` per field.
    """
    point = object.__new__(TimelinePoint)
    point.__dict__.update(
        as_of=as_of,
        low=low,
        high=high,
        claim_ids=claim_ids,
        change=change,
        start_date=start_date,
        end_date=end_date,
    )
    return point
