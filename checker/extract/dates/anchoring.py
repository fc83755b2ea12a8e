"""Year-less dates, weekdays and relative periods resolved against a report's date."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from checker.extract.dates.tense import tense_of
from checker.extract.dates.vocabulary import (
    _add_months,
    _month_end,
    _quarter_range,
    _safe_replace_year,
    _season,
    _season_of,
    _week_bounds,
)
from checker.records import DateMention, Granularity


def resolve_year(
    month: int, day: int | None, anchor: dt.date, *, future: bool | None = False
) -> int:
    """The year of a year-less date, for a report dated ``anchor``.

    ``future=False`` (past or present wording): the year that puts the date
    closest on or before the anchor. ``future=True`` (the wording makes it a
    plan): closest on or after. ``future=None`` (the tense is unknown): the
    past, unless the date would be more than six months back while its next
    occurrence is nearer: reporters write the year for a date that far in the
    past, so "Oct. 25" with no tense in an Oct. 15 report is ten days ahead.
    ``day`` None means the whole month ("in December"). Raises ValueError for
    a day that no year has (Feb. 30).
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    if not 1 <= month <= 12:
        raise ValueError(f"bad month {month}")
    if day is None:
        back = (anchor.month - month) % 12
        fwd = (month - anchor.month) % 12
        if future or (future is None and back > 6 and fwd < back):
            return anchor.year + (1 if month < anchor.month else 0)
        return anchor.year - (1 if month > anchor.month else 0)
    if not 1 <= day <= 31 or day > (29 if month == 2 else calendar.monthrange(2001, month)[1]):
        raise ValueError(f"bad day {month}/{day}")
    years = range(max(1, anchor.year - 8), min(9999, anchor.year + 8) + 1)
    dates = [dt.date(y, month, day) for y in years if day <= calendar.monthrange(y, month)[1]]
    if not dates:
        raise ValueError(f"no year for {month}/{day} near {anchor}")
    earlier = [d for d in dates if d <= anchor]
    later = [d for d in dates if d >= anchor]
    if later and (future or not earlier):
        return later[0].year
    if not earlier:
        return dates[-1].year
    back = (anchor - earlier[-1]).days
    if future is None and later and back > 183 and (later[0] - anchor).days < back:
        return later[0].year
    return earlier[-1].year


def resolve_weekday(
    weekday: int, anchor: dt.date, *, modifier: str | None = None, future: bool = False
) -> dt.date:
    """The day meant by a weekday name in a report dated ``anchor`` (Monday = 0).

    Bare: the most recent such day (0-6 days back), or 0-6 days ahead when
    ``future``. "last": 1-7 days back; "next": 1-7 days ahead; "this": the
    same Monday-Sunday week; "coming": 0-6 days ahead.
    """
    a = anchor.weekday()
    if modifier == "last":
        delta = -((a - weekday - 1) % 7 + 1)
    elif modifier == "next":
        delta = (weekday - a - 1) % 7 + 1
    elif modifier == "this":
        delta = weekday - a
    elif modifier == "coming" or future:
        delta = (weekday - a) % 7
    else:
        delta = -((a - weekday) % 7)
    return anchor + dt.timedelta(days=delta)


Shift = tuple[int, str]  # a discourse offset ("two days later") and its unit


@dataclass(frozen=True)
class _Ctx:
    text: str
    anchor: dt.date | None
    story_years: tuple[int, ...]


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    mention: DateMention
    rule: int
    shift: Shift | None = None


def _mention(
    ctx: _Ctx,
    s: int,
    e: int,
    start_date: dt.date | None,
    end_date: dt.date | None,
    gran: Granularity,
    *,
    relative: bool = False,
    anchored: bool = True,
    time: dt.time | None = None,
    part_of_day: str | None = None,
) -> DateMention:
    if start_date is None or end_date is None:
        start_date = end_date = None
        anchored = False
    return DateMention(
        start=s,
        end=e,
        text=ctx.text[s:e],
        start_date=start_date,
        end_date=end_date,
        granularity=gran,
        relative=relative,
        anchored=anchored,
        time=time,
        part_of_day=part_of_day,
    )


def _story_year(month: int, story_years: tuple[int, ...]) -> int:
    """Pick a story year for a year-less month when there is no anchor."""
    if len(story_years) >= 2:
        a, b = sorted(story_years[:2])
        if b == a + 1:  # the story crosses a new year: late months go with the earlier year
            return a if month >= 7 else b
    return story_years[0]


def _year_for(
    ctx: _Ctx, month: int, day: int | None, s: int, e: int, weekday: int | None = None
) -> int | None:
    if ctx.anchor is not None:
        return resolve_year(month, day, ctx.anchor, future=tense_of(ctx.text, s, e))
    if not ctx.story_years:
        return None
    if weekday is not None and day is not None:
        for y in ctx.story_years:
            if day <= calendar.monthrange(y, month)[1] and dt.date(y, month, day).weekday() == (
                weekday
            ):
                return y
    return _story_year(month, ctx.story_years)


def _part_range(part: str, year: int, month: int) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    p = part.lower().replace("-", " ").strip()
    if p in ("early", "beginning of", "start of", "the beginning of", "the start of"):
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if p in ("mid", "middle of", "the middle of"):
        return dt.date(year, month, 11), dt.date(year, month, 20)
    return dt.date(year, month, 21), dt.date(year, month, last)


# --------------------------------------------------------------------------- patterns


def _same_day_ago(anchor: dt.date, n: int, unit: str) -> dt.date:
    """The anniversary day: ``n`` units from ``anchor`` (29 Feb falls back to the 28th)."""
    if unit in ("day", "week", "fortnight"):
        return anchor + dt.timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14}[unit])
    months = n if unit == "month" else 12 * n
    y, mo = _add_months(anchor.year, anchor.month, months)
    return dt.date(y, mo, min(anchor.day, _month_end(y, mo).day))


def _ago(ctx: _Ctx, s: int, e: int, anchor: dt.date, n: int, unit: str) -> DateMention:
    if unit == "day":
        day = anchor + dt.timedelta(days=n)
        return _mention(ctx, s, e, day, day, "day", relative=True)
    if unit in ("week", "fortnight"):
        k = 7 if unit == "week" else 14
        center = anchor + dt.timedelta(days=n * k)
        if abs(n * k) <= 14:  # "a week ago", "two weeks ago": meant to the day
            return _mention(ctx, s, e, center, center, "day", relative=True)
        return _mention(
            ctx,
            s,
            e,
            center - dt.timedelta(days=3),
            center + dt.timedelta(days=3),
            "week",
            relative=True,
        )
    if unit == "month":
        y, mo = _add_months(anchor.year, anchor.month, n)
        return _mention(ctx, s, e, dt.date(y, mo, 1), _month_end(y, mo), "month", relative=True)
    k = n if unit == "year" else 10 * n
    y = anchor.year + k
    if unit == "decade":
        return _mention(
            ctx, s, e, dt.date(y - 1, 1, 1), dt.date(y + 1, 12, 31), "span", relative=True
        )
    return _mention(ctx, s, e, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", relative=True)


def _rel_period(
    anchor: dt.date, mod: str, unit: str
) -> tuple[dt.date, dt.date, Granularity] | None:
    one = dt.timedelta(days=1)
    early = mod.startswith("earlier") or mod.startswith("early")
    late_ = mod.startswith("later") or mod.startswith("late")
    base = mod.split()[-1] if mod.split()[-1] in ("this", "last", "next", "the") else mod
    if mod in ("earlier in the", "later in the"):
        base = "this"
    if mod in ("the past", "this past"):
        base = "last"
    if mod in ("the coming", "this coming"):
        base = "next"
    if unit == "week":
        mon, sun = _week_bounds(anchor)
        shift = {"last": -7, "next": 7}.get(base, 0)
        a, b = mon + dt.timedelta(days=shift), sun + dt.timedelta(days=shift)
        if mod == "the past":
            return anchor - dt.timedelta(days=7), anchor, "span"
        if mod.startswith("earlier"):
            return a, max(a, anchor - one), "span"
        if mod.startswith("later"):
            return min(b, anchor + one), b, "span"
        if early:
            return a, a + dt.timedelta(days=2), "span"
        if late_:
            return b - dt.timedelta(days=2), b, "span"
        return a, b, "week"
    if unit == "weekend":
        mon, _ = _week_bounds(anchor)
        sat = mon + dt.timedelta(days=5)
        if base == "last":
            sat = sat - dt.timedelta(days=7) if anchor.weekday() < 5 or mod == "last" else sat
            if anchor.weekday() >= 5 and mod != "last":
                sat = mon + dt.timedelta(days=5)
            if anchor.weekday() < 5:
                sat = mon - dt.timedelta(days=2)
        elif base == "next":
            sat = sat + dt.timedelta(days=7) if anchor.weekday() >= 5 else sat
        return sat, sat + one, "span"
    if unit == "month":
        shift = {"last": -1, "next": 1}.get(base, 0)
        y, mo = _add_months(anchor.year, anchor.month, shift)
        a, b = dt.date(y, mo, 1), _month_end(y, mo)
        if mod == "the past":
            return anchor - dt.timedelta(days=30), anchor, "span"
        if mod.startswith("earlier"):
            return a, max(a, anchor - one), "span"
        if mod.startswith("later"):
            return min(b, anchor + one), b, "span"
        if early:
            return a, dt.date(y, mo, 10), "span"
        if late_:
            return dt.date(y, mo, 21), b, "span"
        return a, b, "month"
    if unit == "year":
        shift = {"last": -1, "next": 1}.get(base, 0)
        y = anchor.year + shift
        a, b = dt.date(y, 1, 1), dt.date(y, 12, 31)
        if mod == "the past":
            return _safe_replace_year(anchor, anchor.year - 1), anchor, "span"
        if mod.startswith("earlier"):
            return a, max(a, anchor - one), "span"
        if mod.startswith("later"):
            return min(b, anchor + one), b, "span"
        if early:
            return a, dt.date(y, 4, 30), "span"
        if late_:
            return dt.date(y, 9, 1), b, "span"
        return a, b, "year"
    if unit == "decade":
        if base == "last" or mod == "the past":
            return _safe_replace_year(anchor, anchor.year - 10), anchor, "span"
        return None
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + 1
        shift = {"last": -1, "next": 1}.get(base, 0)
        y, q2 = anchor.year, q + shift
        if q2 == 0:
            y, q2 = y - 1, 4
        elif q2 == 5:
            y, q2 = y + 1, 1
        a, b = _quarter_range(y, q2, "quarter")
        return a, b, "span"
    # seasons
    season, sy = _season_of(anchor)
    order = ["winter", "spring", "summer", "autumn"]
    target = "autumn" if unit == "fall" else unit
    cur = order.index(season)
    tgt = order.index(target)
    if base == "this":
        # the season of this year's cycle (winter belongs to the year it starts in)
        if season == "winter" and target != "winter":
            y = sy + 1
        else:
            y = sy if target != "winter" or season == "winter" else anchor.year
    elif base == "last":
        y = sy if tgt < cur else sy - 1
        if season == "winter" and target != "winter":
            y = sy
    else:
        y = sy if tgt > cur else sy + 1
        if season == "winter" and target != "winter":
            y = sy + 1
    a, b = _season(target, y)
    return a, b, "season"
