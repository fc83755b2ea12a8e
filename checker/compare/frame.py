"""The claims as one polars frame: interval bounds, groups, behaviour, tolerance, publication."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from checker.behaviour import slot_behaviour
from checker.config import Config
from checker.records import Article, Claim, CountValue, DateValue, Kind, NameValue

INF = float("inf")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def normalise_name(text: str) -> str:
    """Accent-, case- and space-insensitive key for a name value."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def pub_seconds(value: dt.date | dt.datetime | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
        return (aware - _EPOCH).total_seconds()
    return float((value.toordinal() - _EPOCH.date().toordinal()) * 86400)


def _norm_time(value: str | None) -> str | None:
    """A time of day as a sortable key: seconds after the day's midnight in UTC (offset
    by a day, so that 02:00+04:00 sorts before 23:00Z), or the local time when no zone
    is given. 22:30+01:00 is after 22:00+04:00."""
    if value is None:
        return None
    try:
        parsed = dt.time.fromisoformat(value.strip())
    except ValueError:
        return value.strip()
    seconds = parsed.hour * 3600 + parsed.minute * 60 + parsed.second
    offset = parsed.utcoffset()
    if offset is not None:
        seconds -= int(offset.total_seconds())
    return f"{seconds + 86_400:06d}"


def claim_frame(
    claims: Sequence[Claim],
    articles: Sequence[Article],
    config: Config,
    lexicon_behaviour: Mapping[str, str],
) -> pl.DataFrame:
    values = [c.value for c in claims]
    names = sorted(
        {normalise_name(v.canonical or v.text) for v in values if isinstance(v, NameValue)}
    )
    code = {n: float(k) for k, n in enumerate(names)}

    def bounds(v: Any) -> tuple[float | None, float | None]:
        if type(v) is CountValue:
            return v.low, v.high
        if type(v) is DateValue:
            return float(v.start.toordinal()), float(v.end.toordinal())
        if isinstance(v, NameValue):
            k = code[normalise_name(v.canonical or v.text)]
            return k, k
        return v.low, v.high  # subclasses of CountValue

    pairs = [bounds(v) for v in values]
    kind_names = {k: k.value for k in Kind}
    times = {t: _norm_time(t) for t in {c.as_of_time for c in claims}}
    df = pl.DataFrame(
        {
            "i": pl.Series(range(len(claims)), dtype=pl.Int64),
            "cid": [c.id for c in claims],
            "aid": [c.article_id for c in claims],
            "story": [c.story for c in claims],
            "slot": [c.slot for c in claims],
            "kind": [kind_names[c.kind] for c in claims],
            "unit": [c.unit or "" for c in claims],
            "rlo": pl.Series([p[0] for p in pairs], dtype=pl.Float64),
            "rhi": pl.Series([p[1] for p in pairs], dtype=pl.Float64),
            "day": pl.Series(
                [c.as_of.toordinal() if c.as_of is not None else None for c in claims],
                dtype=pl.Int64,
            ),
            "tm": pl.Series([times[c.as_of_time] for c in claims], dtype=pl.String),
            "corr": pl.Series([c.corrects for c in claims], dtype=pl.Boolean),
        }
    )
    pubs = pl.DataFrame(
        {
            "aid": [a.id for a in articles],
            # publication order for fixed facts: a timestamp when the report has one,
            # else noon of its day (same-day untimed reports stay simultaneous)
            "pday": pl.Series([_publication_order(a.published) for a in articles], dtype=pl.Int64),
            "pkey": pl.Series([pub_seconds(a.published) for a in articles], dtype=pl.Float64),
            # who published it, when the report says (a later report of the same outlet
            # may correct it)
            "outlet": pl.Series(
                [" ".join(a.source.split()).lower() if a.source else None for a in articles],
                dtype=pl.Utf8,
            ),
        },
    ).unique("aid", keep="first", maintain_order=True)
    slots = sorted(set(df["slot"].to_list()))
    slot_df = pl.DataFrame(
        {
            "slot": slots,
            "beh": [slot_behaviour(s, lexicon_behaviour, config.behaviour).value for s in slots],
            "tol": pl.Series(
                [float(config.tolerance.get(s, 0.0)) for s in slots], dtype=pl.Float64
            ),
        },
        schema={"slot": pl.String, "beh": pl.String, "tol": pl.Float64},
    )
    keys = (
        df.select("story", "slot", "kind", "unit")
        .unique()
        .sort("story", "slot", "kind", "unit")
        .with_row_index("g")
        .with_columns(
            # one timeline per story, slot and kind (units of one slot share an axis)
            t=pl.struct("story", "slot", "kind").rank("dense").cast(pl.Int64)
        )
    )
    numeric = pl.col("kind").is_in([Kind.COUNT.value, Kind.QUANTITY.value])
    tol = pl.when(numeric).then(pl.col("tol")).otherwise(0.0)
    lo = pl.col("rlo").fill_null(-INF)
    hi = pl.col("rhi").fill_null(INF)
    return (
        df.join(keys, on=["story", "slot", "kind", "unit"], how="left")
        .join(slot_df, on="slot", how="left")
        .join(pubs, on="aid", how="left")
        .with_columns(
            lo=lo - lo.abs() * tol,
            hi=hi + hi.abs() * tol,
        )
        .with_columns(
            lo=pl.col("lo").fill_nan(-INF),
            hi=pl.col("hi").fill_nan(INF),
        )
    )


_NOON = 43_200


def _publication_order(value: dt.date | dt.datetime | None) -> int | None:
    """Seconds since the epoch: the timestamp, or noon UTC of an untimed day."""
    seconds = pub_seconds(value)
    if seconds is None:
        return None
    return int(seconds) if isinstance(value, dt.datetime) else int(seconds) + _NOON
