"""Text hygiene, ids and small formatting shared by the HTML report's modules."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from checker.interval_text import interval_text
from checker.records import FindingType, Severity
from checker.render.diff import format_number

SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
TYPE_ORDER = (
    FindingType.CONTRADICTION,
    FindingType.REGRESSION,
    FindingType.STALE,
    FindingType.REVISION,
    FindingType.SPELLING,
    FindingType.METADATA,
)
STATUS_ORDER = ("new", "changed", "unchanged", "")
# A shape per severity, so that severity never rests on hue alone.
SHAPES = {"error": "◆", "warning": "▲", "info": "●", "ok": "○"}

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ID_SAFE = re.compile(r"[A-Za-z0-9./-]")
_URL_BAD = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\`]")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def clean_text(text: str | None) -> str:
    """Make report text safe to encode and visible: one code point in, one out.

    Keeping the length lets claim offsets into the text stay valid.
    """
    if not text:
        return ""
    text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub(_control_picture, text)


def strip_surrogates(page: str) -> str:
    return _SURROGATE.sub("\ufffd", page).replace("\x00", "\ufffd")


def anchor_part(raw: str) -> str:
    """An injective, HTML-id- and fragment-safe form of an id.

    Letters, digits, ``.``, ``/`` and ``-`` stay; every other character
    (``_`` included) becomes ``_<hex>_``. So an anchor never holds ``=``,
    which marks a filter state in the URL's hash.
    """
    if not raw:
        return "_"
    return "".join(ch if _ID_SAFE.fullmatch(ch) else f"_{ord(ch):x}_" for ch in raw)


def finding_anchor(finding_id: str) -> str:
    return f"finding-{anchor_part(finding_id)}"


def report_anchor(article_id: str) -> str:
    return f"report-{anchor_part(article_id)}"


def slot_anchor(story: str, slot: str) -> str:
    return f"slot-{anchor_part(story)}-{anchor_part(slot)}"


def story_anchor(story: str) -> str:
    return f"story-{anchor_part(story)}"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{anchor_part(claim_id)}"


def safe_url(raw: str | None) -> str | None:
    """The URL if it is a plain absolute http(s) URL, else None (shown as text)."""
    if not raw or _URL_BAD.search(raw) or _SURROGATE.search(raw):
        return None
    try:
        parts = urlsplit(raw)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return raw


def date_text(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "undated"
    if isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        offset = value.strftime("%z")
        return f"{text} {offset[:3]}:{offset[3:]}" if offset else text
    return value.isoformat()


def day_text(value: dt.date | dt.datetime | None) -> str:
    """ "6 Jan 1997": how an editor reads a day."""
    if value is None:
        return "undated"
    day = value.date() if isinstance(value, dt.datetime) else value
    return f"{day.day} {day.strftime('%b')} {day.year}"


def severity_text(value: Severity | str) -> str:
    return value.value if isinstance(value, Severity) else str(value)


def sev_rank(value: str) -> int:
    return {"error": 2, "warning": 1, "info": 0}.get(value, -1)


def type_rank(value: str) -> int:
    order = [t.value for t in TYPE_ORDER]
    return order.index(value) if value in order else len(order)


def status_rank(value: str) -> int:
    return STATUS_ORDER.index(value) if value in STATUS_ORDER else len(STATUS_ORDER)


def worst(severities: Iterable[str]) -> str:
    ranked = sorted(severities, key=sev_rank, reverse=True)
    return ranked[0] if ranked else ""


# ---------------------------------------------------------------------------
# Human units: seconds as days or hours, metres as km.

_SCALES: dict[str, tuple[tuple[float, float, str], ...]] = {
    # (threshold in base units, divisor, unit shown); first match wins
    "s": ((2 * 86400, 86400, "days"), (2 * 3600, 3600, "hours"), (120, 60, "min"), (0, 1, "s")),
    "m": ((2000, 1000, "km"), (0, 1, "m")),
    "kg": ((2000, 1000, "t"), (0, 1, "kg")),
}


def human_scale(unit: str | None, values: list[float]) -> tuple[float, str | None]:
    """The divisor and unit label that put these values in words an editor reads."""
    if not unit:
        return 1.0, None
    scales = _SCALES.get(unit)
    finite = [abs(v) for v in values if math.isfinite(v)]
    if scales is None or not finite:
        return 1.0, unit
    top = max(finite)
    for threshold, divisor, label in scales:
        if top >= threshold:
            return divisor, label
    return 1.0, unit


def round_number(value: float) -> str:
    """A scaled value to three significant figures at most: 2.35, 91.3, 122."""
    if not math.isfinite(value):
        return str(value)
    digits = 2 if abs(value) < 10 else 1 if abs(value) < 100 else 0
    return format_number(round(value, digits))


def format_quantity(low: float | None, high: float | None, unit: str | None = None) -> str:
    """An interval in human units: "121.75 days", "≥ 2.3 km", "70–78"."""
    divisor, label = human_scale(unit, [v for v in (low, high) if v is not None])

    def num(v: float) -> str:
        return round_number(v / divisor) if divisor != 1 else format_number(v)

    text = interval_text(low, high, num)
    return f"{text} {label}" if label else text
