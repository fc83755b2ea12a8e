"""Recognisers of relative times: weekdays, "yesterday", "ago", clock times, discourse shifts."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from checker.extract.dates.anchoring import (
    Shift,
    _ago,
    _Ctx,
    _mention,
    _part_range,
    _rel_period,
    _same_day_ago,
    resolve_weekday,
)
from checker.extract.dates.patterns import _HOLIDAY_BEFORE, _MONTH_FULL, _NOT_AFTER_WEEKDAY
from checker.extract.dates.tense import is_future_context
from checker.extract.dates.vocabulary import (
    _add_months,
    _safe_replace_year,
    _week_bounds,
    _weekday_number,
    number_value,
)
from checker.records import DateMention, Granularity

_RELDAY: dict[str, tuple[int, str | None]] = {
    "today": (0, None),
    "tonight": (0, "night"),
    "yesterday": (-1, None),
    "tomorrow": (1, None),
    "overnight": (0, "overnight"),
    "last night": (-1, "night"),
    "this morning": (0, "morning"),
    "this afternoon": (0, "afternoon"),
    "this evening": (0, "evening"),
    "tomorrow morning": (1, "morning"),
    "tomorrow afternoon": (1, "afternoon"),
    "tomorrow evening": (1, "evening"),
    "tomorrow night": (1, "night"),
    "yesterday morning": (-1, "morning"),
    "yesterday afternoon": (-1, "afternoon"),
    "yesterday evening": (-1, "evening"),
    "the day before yesterday": (-2, None),
    "the day after tomorrow": (2, None),
}


def weekday(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Weekdays ("early Friday", "last Tuesday", "Monday morning"), but not "Good Friday"."""
    text, anchor = ctx.text, ctx.anchor
    s0, e0 = m.start(), m.end()
    ws = m.start("wd")
    if _HOLIDAY_BEFORE.search(text[max(0, ws - 12) : ws]):
        return None
    if not m["pod"] and _NOT_AFTER_WEEKDAY.match(text, m.end("wd")):
        after = _NOT_AFTER_WEEKDAY.match(text, m.end("wd"))
        assert after is not None
        word = after[0].strip()
        if word.lstrip("'s ").strip() not in _MONTH_FULL and not word.startswith("'s"):
            return None
    if text[m.end("wd") : m.end("wd") + 1] == "s":
        return None  # "Fridays": a habit, not a day
    wd = _weekday_number(m["wd"])
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower())
    pod_parts = []
    if mod.startswith("early"):
        pod_parts.append("early")
    elif mod.startswith("late"):
        pod_parts.append("late")
    if m["pod"]:
        pod_parts.append(m["pod"].lower())
    pod = " ".join(pod_parts) or None
    if anchor is None:
        return _mention(ctx, s0, e0, None, None, "day", relative=True, part_of_day=pod)
    wmod: str | None = None
    if mod in ("last", "this past", "past"):
        wmod = "last"
    elif mod == "next":
        wmod = "next"
    elif mod in ("coming", "this coming"):
        wmod = "coming"
    elif mod == "this":
        wmod = "this"
    fut = wmod is None and is_future_context(text, s0, e0)
    try:
        day = resolve_weekday(wd, anchor, modifier=wmod, future=fut)
    except OverflowError:
        return None
    return _mention(ctx, s0, e0, day, day, "day", relative=True, part_of_day=pod)


def relative_day(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Days named from the report's: "today", "yesterday morning", "last night", "overnight"."""
    text, anchor = ctx.text, ctx.anchor
    s0, e0 = m.start(), m.end()
    w = re.sub(r"\s+", " ", m["w"].lower())
    pre = (m["pre"] or "").lower()
    if w == "overnight" and re.match(r"\s+(?:stay|trip|flight|train|bag|shift|rate)", text[e0:]):
        return None
    offset, pod = _RELDAY[w]
    if pre in ("early", "late"):
        pod = f"{pre} {pod}" if pod else pre
    if anchor is None:
        return _mention(ctx, s0, e0, None, None, "day", relative=True, part_of_day=pod)
    try:
        if w == "overnight":
            a, b = anchor - dt.timedelta(days=1), anchor
            return _mention(ctx, s0, e0, a, b, "span", relative=True, part_of_day=pod)
        day = anchor + dt.timedelta(days=offset)
    except OverflowError:
        return None
    return _mention(ctx, s0, e0, day, day, "day", relative=True, part_of_day=pod)


def ago(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Counted back or ahead: "24 days ago", "a year ago today", "two months from now"."""
    anchor = ctx.anchor
    n = number_value(m["n"])
    if n is None:
        return None
    s0, e0 = m.start(), m.end()
    unit = m["unit"].lower()
    sign = -1 if m["dir"].lower() == "ago" else 1
    if anchor is None:
        g4: Granularity = (
            "day"
            if unit == "day"
            else (
                "week" if unit in ("week", "fortnight") else "month" if unit == "month" else "year"
            )
        )
        return _mention(ctx, s0, e0, None, None, g4, relative=True)
    try:
        if m["today"] and unit in ("day", "week", "fortnight", "month", "year"):
            day = _same_day_ago(anchor, n * sign, unit)  # "a year ago today": to the day
            return _mention(ctx, s0, e0, day, day, "day", relative=True)
        return _ago(ctx, s0, e0, anchor, n * sign, unit)
    except (ValueError, OverflowError):
        return None


def relative_period(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Periods named from the report's: "last week", "earlier this year", "next summer"."""
    anchor = ctx.anchor
    s0, e0 = m.start(), m.end()
    mod = re.sub(r"\s+", " ", m["mod"].lower())
    unit = m["unit"].lower()
    if unit == "fall" and mod in ("the past", "the previous", "the following", "the coming"):
        return None
    if mod in ("the previous", "the following"):
        return None  # discourse-relative: no anchor to resolve against
    if anchor is None:
        return _mention(ctx, s0, e0, None, None, "span", relative=True)
    try:
        res = _rel_period(anchor, mod, unit)
    except (ValueError, OverflowError):
        return None
    if res is None:
        return None
    a, b, g5 = res
    return _mention(ctx, s0, e0, a, b, g5, relative=True)


def past_n_units(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Stretches up to or from the anchor: "the past three weeks", "the next two years"."""
    anchor = ctx.anchor
    n = number_value(m["n"])
    if n is None or n == 0:
        return None
    s0, e0 = m.start(), m.end()
    if anchor is None:
        return _mention(ctx, s0, e0, None, None, "span", relative=True)
    unit = m["unit"].lower()
    try:
        days = n * {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}[unit]
        if unit == "month":
            yy, mm = _add_months(anchor.year, anchor.month, -n)
            past_start = dt.date(yy, mm, min(anchor.day, calendar.monthrange(yy, mm)[1]))
        elif unit in ("year", "decade"):
            k = n if unit == "year" else 10 * n
            past_start = _safe_replace_year(anchor, anchor.year - k)
        else:
            past_start = anchor - dt.timedelta(days=days)
        if m["mod"].lower() in ("next", "coming"):
            a, b = anchor, anchor + (anchor - past_start)
        else:
            a, b = past_start, anchor
    except (ValueError, OverflowError):
        return None
    return _mention(ctx, s0, e0, a, b, "span", relative=True)


def clock_time(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Clock times ("3:15 p.m.", "1530 GMT", "noon"): the anchor's day unless a day is beside."""
    tm = _clock(m)
    if tm is None:
        return None
    s0, e0 = m.start(), m.end()
    g6: Granularity = "minute" if (m["mi"] or m["mi2"] or m["hm"]) else "hour"
    if m["noon"]:
        g6 = "minute"
    return _mention(ctx, s0, e0, ctx.anchor, ctx.anchor, g6, relative=True, time=tm)


def _clock(m: re.Match[str]) -> dt.time | None:
    if m["noon"]:
        return dt.time(12, 0) if m["noon"].lower() == "noon" else dt.time(0, 0)
    if m["h"] is not None:
        h, mi = int(m["h"]), int(m["mi"] or 0)
        if not 1 <= h <= 12:
            return None
        if m["ap"].lower() == "p" and h != 12:
            h += 12
        elif m["ap"].lower() == "a" and h == 12:
            h = 0
        return dt.time(h, mi)
    if m["h2"] is not None:
        return dt.time(int(m["h2"]), int(m["mi2"]))
    if m["hm"] is not None:
        h, mi = int(m["hm"][:2]), int(m["hm"][2:])
        if h > 23:
            return None
        return dt.time(h, mi)
    return None


# --------------------------------------------------------------------------- selection


def weekend(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """The weekend ("over the weekend"): the last one, or the coming one in future wording."""
    anchor = ctx.anchor
    s0, e0 = m.start(), m.end()
    if anchor is None:
        return _mention(ctx, s0, e0, None, None, "span", relative=True)
    mon, _ = _week_bounds(anchor)
    sat = mon + dt.timedelta(days=5)
    if anchor.weekday() < 5 and not is_future_context(ctx.text, s0, e0):
        sat -= dt.timedelta(days=7)
    return _mention(ctx, s0, e0, sat, sat + dt.timedelta(days=1), "span", relative=True)


def part_of_period(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Part of a period: "the start of the year", "the end of last month"."""
    anchor = ctx.anchor
    s0, e0 = m.start(), m.end()
    if anchor is None:
        return _mention(ctx, s0, e0, None, None, "span", relative=True)
    try:
        res = _rel_period(
            anchor, {"the": "this"}.get(m["mod"].lower(), m["mod"].lower()), m["unit"].lower()
        )
    except (ValueError, OverflowError):
        return None
    if res is None:
        return None
    a, b, _g = res
    part = m["part"].lower()
    if m["unit"].lower() == "year":
        if part in ("beginning", "start"):
            a, b = a, dt.date(a.year, 1, 31)
        elif part == "end":
            a, b = dt.date(a.year, 12, 1), b
        else:
            a, b = dt.date(a.year, 6, 1), dt.date(a.year, 7, 31)
    elif m["unit"].lower() == "month":
        a, b = _part_range(
            {"beginning": "early", "start": "early", "end": "late"}.get(part, "mid"),
            a.year,
            a.month,
        )
    else:
        a, b = (
            (a, a + dt.timedelta(days=1))
            if part in ("beginning", "start")
            else (
                (b - dt.timedelta(days=2), b)
                if part == "end"
                else (a + dt.timedelta(days=2), a + dt.timedelta(days=3))
            )
        )
    return _mention(ctx, s0, e0, a, b, "span", relative=True)


_SAME_DAY_SHIFTS = {
    "same day": 0,
    "that day": 0,
    "day before": -1,
    "previous day": -1,
    "prior day": -1,
    "day after": 1,
    "next day": 1,
    "following day": 1,
}


def discourse_shift(ctx: _Ctx, m: re.Match[str]) -> tuple[DateMention, Shift] | None:
    """Shifts ("the day before", "two days later"): resolved by the scan from a day before them."""
    s0, e0 = m.start(), m.end()
    if m["same"] or m["thatday"]:
        key = (m["same"] or m["thatday"]).lower()
        key = re.sub(r"\s+", " ", key)
        n = _SAME_DAY_SHIFTS[key]
        unit = "day"
    else:
        nn = number_value(m["n"])
        if nn is None or re.match(r"\s+than\b", ctx.text[e0 : e0 + 6]):
            return None
        unit = m["unit"].lower()
        n = nn if m["dir"].lower() in ("later", "after") else -nn
        # "24 days after the attack" is a duration unless a date follows (the scan combines them)
    g8: Granularity = "day" if unit == "day" else "span"
    return _mention(ctx, s0, e0, None, None, g8, relative=True), (n, unit)
