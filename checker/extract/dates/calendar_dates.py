"""Recognisers of calendar dates: numeric, written, holidays, months, years, seasons, quarters."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from checker.extract.dates.anchoring import _Ctx, _mention, _part_range, _year_for
from checker.extract.dates.patterns import (
    _F,
    _HOLIDAYS,
    _MONTH_CONTEXT,
    _NOT_AFTER_MONTH,
    _OPENS_WITH_IN,
    _RE_MD,
    _RE_MD_ONLY,
    _YEAR_BAD_AFTER,
    _YEAR_BAD_BEFORE,
)
from checker.extract.dates.tense import is_future_context
from checker.extract.dates.vocabulary import (
    MONTHS,
    WEEKDAYS,
    _day_number,
    _month_end,
    _month_number,
    _quarter_range,
    _season,
    _valid_day,
    _weekday_number,
)
from checker.records import DateMention, Granularity


def iso_date(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """ISO dates, with a time or not: "1997-04-22", "1997-04-22T15:23:00Z"."""
    y, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
    if not (y >= 1000 and _valid_day(y, mo, d)):
        return None
    day = dt.date(y, mo, d)
    tm = dt.time(int(m["h"]), int(m["mi"])) if m["h"] and int(m["h"]) < 24 else None
    if m["mi"] and int(m["mi"]) > 59:
        tm = None
    gran: Granularity = "minute" if tm else "day"
    return _mention(ctx, m.start(), m.end(), day, day, gran, time=tm)


def year_first_slash_date(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Year-first numeric dates: "1997/04/22"."""
    y, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
    if not (y >= 1000 and _valid_day(y, mo, d)):
        return None
    day = dt.date(y, mo, d)
    return _mention(ctx, m.start(), m.end(), day, day, "day")


def slash_date(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Numeric dates, month first unless the first part cannot be a month: "4/22/97"."""
    p1, p2, ys = int(m["a"]), int(m["b"]), m["y"]
    y = int(ys) if len(ys) == 4 else (2000 + int(ys) if int(ys) < 50 else 1900 + int(ys))
    mo, d = (p1, p2) if p1 <= 12 else (p2, p1)
    if not (y >= 1000 and _valid_day(y, mo, d)):
        return None
    day = dt.date(y, mo, d)
    return _mention(ctx, m.start(), m.end(), day, day, "day")


def full_date(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Written dates with a year: "April 22, 1997", "22 April 1997", "Dec. 17-18, 1996"."""
    y, mo, d = int(m["year"]), _month_number(m["month"]), _day_number(m["day"])
    d2 = _day_number(m["day2"]) if m["day2"] else d
    if not (_valid_day(y, mo, d) and _valid_day(y, mo, d2)) or d2 < d:
        return None
    g: Granularity = "day" if d2 == d else "span"
    s0 = m.start()
    return _mention(ctx, s0, m.end(), dt.date(y, mo, d), dt.date(y, mo, d2), g)


def holiday(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """A fixed-date holiday ("Christmas Eve"), resolved like a year-less month-day."""
    mo, d = _HOLIDAYS[re.sub(r"\s+", " ", m["name"].lower().replace("’", "'"))]
    year = int(m["year"]) if m["year"] else _year_for(ctx, mo, d, m.start(), m.end())
    day = dt.date(year, mo, d) if year is not None else None
    return _mention(ctx, m.start(), m.end(), day, day, "day", relative=True)


def month_day_date(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Year-less dates ("Dec. 17", "the night of Dec. 17"): the year from the anchor or story."""
    mo, d = _month_number(m["month"]), _day_number(m["day"])
    d2 = _day_number(m["day2"]) if m["day2"] else d
    if d > (29 if mo == 2 else calendar.monthrange(2001, mo)[1]) or d2 < d:
        return None
    if m.re is _RE_MD and re.match(r"\s*(?:-|–)?\s*\d", ctx.text[m.end() : m.end() + 3]):
        return None
    wd = _weekday_number(m["wd"]) if m["wd"] else None
    s0 = m.start()
    try:
        yr = _year_for(ctx, mo, d, s0, m.end(), wd)
    except ValueError:
        return None
    if yr is None:
        return _mention(ctx, s0, m.end(), None, None, "day", relative=True)
    y = yr
    if not (_valid_day(y, mo, d) and _valid_day(y, mo, d2)):
        return None
    g2: Granularity = "day" if d2 == d else "span"
    night = "night" if re.search(r"night\s+of", m[0], _F) else None
    return _mention(
        ctx,
        s0,
        m.end(),
        dt.date(y, mo, d),
        dt.date(y, mo, d2),
        g2,
        relative=True,
        part_of_day=night,
    )


def month_of_year(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """A month of a year: "January 1997", "mid-January 1997"."""
    y, mo = int(m["year"]), _month_number(m["month"])
    if m["part"]:
        a, b = _part_range(m["part"], y, mo)
        return _mention(ctx, m.start(), m.end(), a, b, "span")
    return _mention(ctx, m.start(), m.end(), dt.date(y, mo, 1), _month_end(y, mo), "month")


def _looks_like_a_month(ctx: _Ctx, m: re.Match[str], mod: str) -> bool:
    """Is a bare month word a month here, not "May Day", "June Carter" or the verb "march"?"""
    text, word = ctx.text, m["month"]
    s0, e0 = m.start(), m.end()
    before = text[max(0, m.start("month") - 25) : m.start("month")]
    follow = _NOT_AFTER_MONTH.match(text, e0)
    if follow and not mod and follow[0].strip().lower() not in MONTHS | WEEKDAYS:
        return False  # "May Day", "June Carter", "April Fools"
    if re.match(r"\s+on\b", text[e0 : e0 + 4]) and word.lower() == "march" and not mod:
        return False  # "March on Washington"
    if word.lower() in ("may", "march") or word.isupper():
        if not mod and not _MONTH_CONTEXT.search(before):
            return False
    elif not mod and not _MONTH_CONTEXT.search(before):
        # other months: accept unless it looks like a name (preceded by a capitalised word)
        if re.search(r"[A-Z][a-z]+\s+$", before) and not re.search(
            r"(?:^|[.!?]\s+)[A-Z][a-z]+\s+$", before
        ):
            return False
        # sentence-initial bare month: only with a following comma/verb context
        if (
            s0 == 0 or re.search(r"(?:^|[.!?\n\"“]\s*)$", text[max(0, s0 - 3) : s0])
        ) and not re.match(r",|\s+(?:was|is|saw|will|has|had)\b", text[e0 : e0 + 6]):
            return False
    return True


def month_alone(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """A month alone ("in December", "last March", "early February") where the context says so."""
    anchor = ctx.anchor
    s0, e0 = m.start(), m.end()
    mo = _month_number(m["month"])
    mod = (m["mod"] or "").lower()
    if not _looks_like_a_month(ctx, m, mod):
        return None
    try:
        if mod in ("last", "next", "this"):
            if anchor is None:
                return _mention(ctx, s0, e0, None, None, "month", relative=True)
            if mod == "last":
                y = anchor.year if mo < anchor.month else anchor.year - 1
            elif mod == "next":
                y = anchor.year if mo > anchor.month else anchor.year + 1
            else:
                y = anchor.year
        else:
            yy = _year_for(ctx, mo, None, s0, e0)
            if yy is None:
                g3: Granularity = "month" if not mod else "span"
                return _mention(ctx, s0, e0, None, None, g3, relative=True)
            y = yy
        if mod and mod not in ("last", "next", "this"):
            a, b = _part_range(mod, y, mo)
            return _mention(ctx, s0, e0, a, b, "span", relative=True)
        return _mention(ctx, s0, e0, dt.date(y, mo, 1), _month_end(y, mo), "month", relative=True)
    except (ValueError, OverflowError):
        return None


def year(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Years ("1997", "early 1997"), but not "1995 fighters" or "flight 1997"."""
    text = ctx.text
    ys = m.start("year")
    if _YEAR_BAD_BEFORE.search(text[max(0, ys - 20) : ys]):
        return None
    if _YEAR_BAD_AFTER.match(text, m.end()) and not _OPENS_WITH_IN.search(
        text[max(0, ys - 20) : ys]
    ):
        return None  # "1995 fighters" counts fighters, but "In 1995 fighters held..." dates
    y = int(m["year"])
    if not 1800 <= y <= 2100:
        return None
    s0 = m.start() if m["part"] else ys
    if m["part"]:
        p = m["part"].lower()
        if "early" in p or "beginning" in p or "start" in p:
            a, b = dt.date(y, 1, 1), dt.date(y, 4, 30)
        elif "mid" in p or "middle" in p:
            a, b = dt.date(y, 5, 1), dt.date(y, 8, 31)
        else:
            a, b = dt.date(y, 9, 1), dt.date(y, 12, 31)
        return _mention(ctx, s0, m.end(), a, b, "span")
    return _mention(ctx, s0, m.end(), dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def decade(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Decades: "the 1990s", "the early 1990s"."""
    base = int(m["dec"]) * 10
    lo, hi = base, base + 9
    if m["part"]:
        p = m["part"].lower()
        lo, hi = (
            (base, base + 3)
            if p == "early"
            else ((base + 3, base + 6) if p == "mid" else (base + 7, base + 9))
        )
    return _mention(ctx, m.start(), m.end(), dt.date(lo, 1, 1), dt.date(hi, 12, 31), "span")


def season_of_year(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """A season of a year: "summer 1996", "winter of 1996"."""
    a, b = _season(m["season"], int(m["year"]))
    return _mention(ctx, m.start(), m.end(), a, b, "season")


def quarter(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Quarters and halves: "the third quarter of 1996", "the first half of next year"."""
    qs = m["q"].lower()
    unit = m["unit"].lower()
    q = {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
    }.get(qs, 4 if unit == "quarter" else 2)
    if unit == "half" and q > 2:
        return None
    s0, e0 = m.start(), m.end()
    anchor = ctx.anchor
    if m["year"]:
        y = int(m["year"])
        relative = False
    else:
        if anchor is None:
            if not m["rel"]:
                return None
            return _mention(ctx, s0, e0, None, None, "span", relative=True)
        relative = True
        rel = (m["rel"] or "").lower()
        if rel == "last":
            y = anchor.year - 1
        elif rel == "next":
            y = anchor.year + 1
        elif rel == "this":
            y = anchor.year
        else:
            # bare "the third quarter": this year's, unless it is months away and not
            # worded as a plan ("the fourth quarter" in a January report is last year's)
            if qs in ("final", "last") and not rel:
                return None
            a0, _ = _quarter_range(anchor.year, q, unit)
            soon = (a0 - anchor).days <= 122 or is_future_context(ctx.text, s0, e0)
            y = anchor.year if a0 <= anchor or soon else anchor.year - 1
    try:
        a, b = _quarter_range(y, q, unit)
    except ValueError:
        return None
    return _mention(ctx, s0, e0, a, b, "span", relative=relative)


def short_quarter(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Quarters and halves written short: "Q3 1996", "1996H1"."""
    unit = "quarter" if (m["h"] or m["h2"]).upper() == "Q" else "half"
    q = int(m["q"] or m["q2"])
    a, b = _quarter_range(int(m["year"] or m["year2"]), q, unit)
    return _mention(ctx, m.start(), m.end(), a, b, "span")


def short_year(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    """Years and decades written short ("the '70s", "'82"), in the century not after the anchor."""
    anchor = ctx.anchor
    s0, e0 = m.start(), m.end()
    ref = anchor.year if anchor else 2030
    if m["dec"] is not None:
        k = int(m["dec"]) * 10
        lo = 1900 + k if 2000 + k > ref else 2000 + k
        return _mention(ctx, s0, e0, dt.date(lo, 1, 1), dt.date(lo + 9, 12, 31), "span")
    yy = int(m["yy"])
    y = 2000 + yy if 2000 + yy <= ref else 1900 + yy
    return _mention(ctx, s0, e0, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def month_day(expression: str) -> tuple[int, int, int | None, int | None] | None:
    """(month, day, year or None, weekday or None) of a written date such as "Fri., Jan. 10"."""
    for rx in _RE_MD_ONLY:
        m = rx.search(expression)
        if m is not None:
            ys = m["year"]
            wd = _weekday_number(m["wd"]) if m["wd"] else None
            return _month_number(m["month"]), _day_number(m["day"]), int(ys) if ys else None, wd
    return None
