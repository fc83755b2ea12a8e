"""Report metadata shared by every reader: field names, coercion, dates.

Readers turn a file (or a row) into an :class:`Entry`; ``read_corpus``
then assigns the id, story and path and builds the :class:`Article`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

FIELDS = ("id", "title", "source", "published", "url", "story")
"""Metadata fields every format understands (tables add ``text``)."""

Published = dt.date | dt.datetime


@dataclass(frozen=True)
class Meta:
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    story: str | None = None
    published: Published | None = None
    published_evidence: str | None = None


@dataclass(frozen=True)
class Entry:
    """One report read from a file, before id and story are assigned."""

    text: str
    meta: Meta
    row: int | None = None
    line_offset: int = 0


def _type_name(value: object) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    return type(value).__name__


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, str | None]:
    """``text`` with each unpaired surrogate (a JSON ``\\ud800`` escape: no character,
    and no encoder or parser takes it) replaced by U+FFFD; and the first one found,
    escaped, or None."""
    found = _SURROGATE.search(text)
    if found is None:
        return text, None
    return _SURROGATE.sub("\ufffd", text), f"\\u{ord(found.group()):04x}"


def coerce_text(name: str, value: object) -> tuple[str | None, str | None]:
    """A scalar metadata value as stripped text; ``(value, problem)``.

    Numbers are accepted (``id: 42`` -> ``"42"``); lists and mappings are not.
    Blank values are None.
    """
    if value is None:
        return None, None
    if isinstance(value, bool | Mapping | list | tuple | set | bytes):
        return None, f"{name}: expected text, got {_type_name(value)}; field ignored"
    if isinstance(value, float) and value != value:  # NaN from a table
        return None, None
    text, bad = replace_surrogates(str(value).strip())
    if bad is not None:
        return (text or None), f"{name}: holds an unpaired surrogate ({bad}); read with U+FFFD"
    return (text or None), None


def parse_published(value: object) -> tuple[Published | None, str | None]:
    """A date, a timestamp (time zone kept) or an ISO string; ``(value, problem)``.

    Strings are read with ``date.fromisoformat`` (date only) or
    ``datetime.fromisoformat`` (Python 3.11: ``Z``, offsets, ``T`` or space).
    """
    if value is None:
        return None, None
    if isinstance(value, dt.datetime | dt.date):
        return value, None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None, None
        try:
            return dt.date.fromisoformat(text), None
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text), None
        except ValueError:
            pass
    if isinstance(value, float) and value != value:  # NaN from a table
        return None, None
    shown = repr(value) if isinstance(value, str) else str(value)
    return None, f"published: {shown} is not a date or ISO timestamp; read without a date"


def meta_from_mapping(data: Mapping[str, object], *, evidence: str) -> tuple[Meta, list[str]]:
    """Build :class:`Meta` from a mapping; unknown keys are ignored.

    Returns the metadata and the problems found (each a warning: the field
    is dropped, the report is kept).
    """
    problems: list[str] = []
    texts: dict[str, str | None] = {}
    for name in ("id", "title", "source", "url", "story"):
        value, problem = coerce_text(name, data.get(name))
        texts[name] = value
        if problem:
            problems.append(problem)
    published, problem = parse_published(data.get("published"))
    if problem:
        problems.append(problem)
    return (
        Meta(
            id=texts["id"],
            title=texts["title"],
            source=texts["source"],
            url=texts["url"],
            story=texts["story"],
            published=published,
            published_evidence=evidence if published is not None else None,
        ),
        problems,
    )
