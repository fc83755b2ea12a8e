"""Timelines: one point per distinct figure and day of each story, slot and kind."""

from __future__ import annotations

import dataclasses
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
            rows=pl.col("i").sort_by("cid"),  # claim ids in order, as the claims' own
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
    cols = [pts[c].to_list() for c in ("t", "beh", "day", "rlo", "rhi", "rows", "change")]
    tids, behs, days, rlos, rhis, rowss, changes = cols
    claims = b.ctx.claims
    # the claims' own id strings and one string per change: a run holds every point
    idss = [tuple(claims[r].id for r in rows) for rows in rowss]
    changes = [_CHANGES[c] for c in changes]
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
                        idss[k],
                        changes[k],
                        fromord(int(rlos[k])),
                        fromord(int(rhis[k])),
                    )
                )
            else:
                points.append(_point(as_of, rlos[k], rhis[k], idss[k], changes[k], None, None))
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


_CHANGES = {c: c for c in ("first", "conflict", "revised", "up", "down", "same")}


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
    worst, and the generated ``__init__`` of a frozen dataclass checks and sets
    each field through ``object.__setattr__``; the slots' own setters are direct.
    """
    point = _new_point(TimelinePoint)
    _set_as_of(point, as_of)
    _set_low(point, low)
    _set_high(point, high)
    _set_claim_ids(point, claim_ids)
    _set_change(point, change)
    _set_start_date(point, start_date)
    _set_end_date(point, end_date)
    return point


_new_point = object.__new__
(_set_as_of, _set_low, _set_high, _set_claim_ids, _set_change, _set_start_date, _set_end_date) = (
    getattr(TimelinePoint, f.name).__set__ for f in dataclasses.fields(TimelinePoint)
)
