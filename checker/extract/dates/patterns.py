"""The regular expressions of time expressions, and the context patterns that rule a match out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.extract.dates.vocabulary import _SMALL_NUMBERS, _TENS, _WEEKDAY_ABBR, WEEKDAYS


def _case_alts(words: Sequence[str]) -> str:
    """Capitalised and upper-case spellings only: "may" and "march" are words."""
    forms: list[str] = []
    for w in sorted(words, key=len, reverse=True):
        forms.append(w.capitalize())
        forms.append(w.upper())
    return "|".join(forms)


_MONTH_FULL = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
# Abbreviations need a full stop or a following day number (checked by the callers' patterns).
_MONTH_ANY = rf"(?:(?:{_case_alts(_MONTH_FULL)})\b|(?:{_case_alts(_MONTH_ABBR)})(?:\.|\b))"
_MONTH_WORD = rf"(?:(?:{_case_alts(_MONTH_FULL)})\b|(?:{_case_alts(_MONTH_ABBR)})\.)"
_WEEKDAY_FULL = _case_alts([w.capitalize() for w in WEEKDAYS])
_WEEKDAY_ABBR_RE = rf"(?:{_case_alts([w.capitalize() for w in _WEEKDAY_ABBR])})\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"

_NUMBER_WORDS = "|".join(
    [
        rf"(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(list(_SMALL_NUMBERS)[2:11])}))?",
        *sorted((k for k in _SMALL_NUMBERS if k not in ("a", "an")), key=len, reverse=True),
    ]
)
_NUM = rf"(?:\d{{1,4}}|{_NUMBER_WORDS}|a\s+couple\s+of|a|an)"


_F = re.IGNORECASE
_WD_PREFIX = rf"(?:(?P<wd>{_WEEKDAY_FULL}|{_WEEKDAY_ABBR_RE}),?[ \t]+)?"
_DAY_G = rf"(?P<day>{_DAY})"
_YEAR_G = rf"(?P<year>{_YEAR})"
_M = rf"(?P<month>{_MONTH_ANY})"
_MW = rf"(?P<month>{_MONTH_WORD})"
_PART = r"(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of|(?:beginning|end)\s+of)"

_RE_ISO = re.compile(
    r"(?<![\d/-])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:[T ](?P<h>\d\d):(?P<mi>\d\d)(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])"
)
_RE_SLASH = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
_RE_SLASH_ISO = re.compile(r"(?<![\d/])(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?!\d)")
_RE_MDY = re.compile(
    rf"{_WD_PREFIX}{_M}\s*{_DAY_G}(?:\s*(?:-|–|to|through)\s*(?P<day2>{_DAY}))?"
    rf"(?:\s*,\s*|\s+){_YEAR_G}(?!\d)"
)
_RE_DMY = re.compile(
    rf"{_WD_PREFIX}(?:the\s+)?{_DAY_G}(?:\s*(?:-|–|to)\s*(?P<day2>{_DAY}))?(?:\s+of)?\s+{_M},?"
    rf"\s+{_YEAR_G}(?!\d)"
)
_RE_MD = re.compile(
    rf"{_WD_PREFIX}(?:(?:the\s+)?night\s+of\s+)?{_M}\s*{_DAY_G}"
    rf"(?:\s*(?:-|–|to|through)\s*(?P<day2>{_DAY}))?(?![\d:,.]\d|\d|%)"
)
_RE_DM = re.compile(
    rf"{_WD_PREFIX}(?:the\s+)?{_DAY_G}(?:\s*(?:-|–|to)\s*(?P<day2>{_DAY}))?(?:\s+of)?\s+{_M}"
)
_RE_MY = re.compile(rf"(?:{_PART}[\s-]+)?{_M},?\s+(?:of\s+)?{_YEAR_G}(?!\d)")
_RE_MONTH = re.compile(
    rf"(?:(?P<mod>last|next|this|early|mid|late|the\s+(?:beginning|start|middle|end)\s+of"
    rf"|(?:beginning|end)\s+of)[\s-]+)?{_MW}(?!\s*\d)"
)
_RE_YEAR = re.compile(
    rf"(?:(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of|end\s+of)[\s-]+)?"
    rf"(?<![\d$£€.,:/#])(?<![\d.,]-){_YEAR_G}(?![\d%]|[.,:/]\d|-\d|\s*-\s*year|\s*(?:am|pm|a\.m|p\.m|GMT|UTC)\b)"
)
_RE_DECADE = re.compile(r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<dec>1[6-9]\d|20\d)0s\b")
_RE_WEEKDAY = re.compile(
    rf"(?:(?P<mod>last|next|this|this\s+past|this\s+coming|coming|past|early|late|early\s+on"
    rf"|late\s+on)\s+)?(?P<wd>{_WEEKDAY_FULL})(?:'s)?"
    r"(?:\s+(?P<pod>morning|afternoon|evening|night|overnight|noon))?\b",
)
_RE_RELDAY = re.compile(
    r"\b(?:(?P<pre>early|late|earlier|later)\s+)?"
    r"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|"
    r"last\s+night|this\s+(?:morning|afternoon|evening)|"
    r"tomorrow\s+(?:morning|afternoon|evening|night)|"
    r"yesterday\s+(?:morning|afternoon|evening)|tonight|yesterday|tomorrow|overnight)\b(?!-)",
    _F,
)
_RE_AGO = re.compile(
    rf"\b(?P<n>{_NUM})\s+(?P<unit>day|week|fortnight|month|year|decade)s?\s+(?P<dir>ago|from\s+now|"
    rf"hence)\b(?:\s+(?P<today>today)\b)?",
    _F,
)
_RE_REL_PERIOD = re.compile(
    r"\b(?P<mod>last|this|next|the\s+past|the\s+previous|the\s+following|the\s+coming|"
    r"earlier\s+this|later\s+this|early\s+this|late\s+this|earlier\s+in\s+the|later\s+in\s+the|"
    r"early\s+next|late\s+last|early\s+last|late\s+next|this\s+past|this\s+coming)\s+"
    r"(?P<unit>week|weekend|month|year|spring|summer|autumn|fall|winter|quarter|decade)\b",
    _F,
)
_RE_PAST_N = re.compile(
    rf"\bthe\s+(?P<mod>past|last|previous|next|coming)\s+"
    rf"(?P<n>{_NUM})\s+(?P<unit>day|week|month|year|decade)s\b",
    _F,
)
_RE_SEASON = re.compile(
    rf"\b(?:(?P<part>early|mid|late)[\s-]+)?(?P<season>spring|summer|autumn|fall|winter)"
    rf"(?:\s+of)?\s+{_YEAR_G}(?!\d)",
    _F,
)
_RE_QUARTER = re.compile(
    r"\b(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
    r"(?P<unit>quarter|half)\b"
    rf"(?:\s+(?:of\s+)?(?:(?P<year>{_YEAR})|(?P<rel>this|last|next|the)\s+(?:fiscal\s+)?year))?",
    _F,
)
_RE_QSHORT = re.compile(
    rf"\b(?P<h>[QH])(?P<q>[1-4])\s+{_YEAR_G}\b|\b(?P<year2>{_YEAR})\s*(?P<h2>[QH])(?P<q2>[1-4])\b"
)
_RE_TIME = re.compile(
    r"(?<![\d:.,])(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*"
    r"(?P<ap>[aApP])\.?\s?[mM]\b\.?"
    r"(?:\s+(?P<tz>GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|HKT|JST|IST|local\s+time))?"
    r"|(?<![\d:.,])(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])"
    r"(?:\s*(?P<tz2>GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|HKT|JST|IST|"
    r"local\s+time|hrs|hours|h)\b)?"
    r"|(?<![\d:.,])(?P<hm>[0-2]\d[0-5]\d)\s*(?P<tz3>GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST"
    r"|CET|CEST|HKT|JST|IST|hrs|local\s+time)\b"
    r"|\b(?P<noon>noon|midnight)\b",
)
_RE_SHIFT = re.compile(
    rf"\b(?:(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier|before|after)"
    r"|(?:the|that)\s+(?P<same>same\s+day|day\s+before|day\s+after|previous\s+day|next\s+day|"
    r"following\s+day|prior\s+day)|(?P<thatday>that\s+day))\b",
    _F,
)

_RE_WEEKEND = re.compile(r"\b(?:over|during|at|on)\s+the\s+weekend\b", _F)
_RE_PERIOD_PART = re.compile(
    r"\b(?:the\s+)?(?P<part>beginning|start|end|middle)\s+of\s+(?P<mod>the|this|last|next)\s+"
    r"(?P<unit>year|month|week)\b",
    _F,
)
_RE_SHORT_YEAR = re.compile(
    r"(?:\bthe\s+)?(?:'|’|\bthe\s+)(?P<dec>[1-9])0s\b|(?<![\w'’])['’](?P<yy>\d\d)\b(?!['’\d])"
)
# Holidays on a fixed day of the calendar.
_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "boxing day": (12, 26),
    "valentine's day": (2, 14),
    "independence day": (7, 4),
}
_RE_HOLIDAY = re.compile(
    r"(?<![A-Za-z])(?P<name>Christmas\s+Eve|Christmas\s+Day|Christmas(?!\s+(?:tree|card|party|"
    r"season|holidays?|period|present|gift|lights|message|spirit|week|truce|dinner|carol))|"
    r"New\s+Year['’]s\s+(?:Eve|Day)|Boxing\s+Day|Valentine['’]s\s+Day|Independence\s+Day)"
    r"(?:,?\s+(?P<year>1[89]\d\d|20\d\d))?(?![A-Za-z])"
)
_NOT_AFTER_MONTH = re.compile(r"\s+(?:Day|[A-Z][a-z]+\b(?<!Day))")
_NOT_AFTER_WEEKDAY = re.compile(
    r"(?:'s)?\s+(?:(?:Times|Telegraph|Mirror|Express|Herald|Post|Independent|Mail|Tribune|Star|"
    r"Sun|Business|Review|Magazine|Night\s+Live|Service|Agreement|Prayers?|Mass|School|Edition)"
    r"|prayers?|school|services?|editions?|newspapers?|paper|sermon|markets?|supplement|magazine|"
    r"mass)\b"
)
_HOLIDAY_BEFORE = re.compile(
    r"(?:Good|Black|Ash|Easter|Palm|Holy|Super|Bloody|Cyber|Maundy|Shrove|Whit|Blue|Low|Mothering"
    r"|Trinity|Passion)\s+$"
)
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|during|of|from|to|through|before|after|last|next|this|"
    r"early|late|mid|on|and|or|between|each|every|around|throughout|for|starting|beginning|"
    r"ending|end|as\s+of|until|then)[\s-]+)$",
    _F,
)
_YEAR_BAD_BEFORE = re.compile(
    r"(?:\b(?:about|some|nearly|almost|around|approximately|than|over|least|most|up\s+to|"
    r"No|no|number|Nos|flight|Flight|route|Route|Room|room|model|Model|page|p|pp|Article|"
    r"article|Section|section|Rule|rule|Resolution|resolution|Channel|channel)\.?\s+)$"
)
_YEAR_BAD_AFTER = re.compile(
    r"\s+(?:people|persons|men|women|children|troops|soldiers|police|officers|workers|jobs|"
    r"employees|dealers|dealerships|cars|vehicles|units|shares|points|passengers|homes|houses|"
    r"hostages|rebels|students|votes|voters|feet|ft|meters|metres|km|kilometers|kilometres|miles|"
    r"tons|tonnes|pounds|dollars|euros|yen|barrels|acres|hectares|kg|kilograms|m|cm|mm|hp|times|"
    r"deaths|cases|members|stores|plants|planes|aircraft|seats|residents|families|delegates|"
    r"copies|others|more|prisoners|comrades|detainees|inmates|refugees|civilians|victims|"
    r"guerrillas|fighters|militants|demonstrators|protesters|protestors|marchers|casualties|"
    r"or\s+so|of\s+(?:the|them|whom|which|these|those))\b"
)


_OPENS_WITH_IN = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*)In\s+$")


_RE_MD_ONLY = (
    re.compile(
        rf"{_WD_PREFIX}(?:(?:the\s+)?night\s+of\s+)?{_M}\s*{_DAY_G}(?!\d)"
        rf"(?:(?:\s*,\s*|\s+){_YEAR_G}(?!\d))?"
    ),
    re.compile(
        rf"{_WD_PREFIX}(?:the\s+)?(?<!\d){_DAY_G}(?:\s+of)?\s+{_M}(?:,?\s+{_YEAR_G}(?!\d))?"
    ),
)
