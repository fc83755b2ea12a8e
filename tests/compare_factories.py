"""Builders for comparison tests: records from plain (YAML) mappings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from checker.records import (
    Article,
    Claim,
    CountValue,
    DateValue,
    Kind,
    NameValue,
    PublishedBasis,
    Qualifier,
)

DEFAULT_STORY = "lima"


def article_from(spec: Mapping[str, Any]) -> Article:
    published = spec.get("published")
    return Article(
        id=str(spec["id"]),
        path=f"reports/{spec['id']}.md",
        text="",
        title=str(spec.get("title", spec["id"])),
        source=spec.get("source", "Test Wire"),
        story=str(spec.get("story", DEFAULT_STORY)),
        published=published,
        published_basis=PublishedBasis.METADATA if published else PublishedBasis.UNKNOWN,
    )


def _num(value: Any) -> float | None:
    return None if value is None else float(value)


def claim_from(spec: Mapping[str, Any], articles: Mapping[str, Article]) -> Claim:
    """A claim from a mapping: ``low``/``high`` (count), ``start``/``end`` (date) or ``name``."""
    art = articles[str(spec["article"])]
    qualifier = Qualifier(spec.get("qualifier", "exact"))
    as_of: dt.date | None
    value: CountValue | DateValue | NameValue
    if "start" in spec:
        start = spec["start"]
        end = spec.get("end", start)
        value = DateValue(start, end)
        kind = Kind.DATE
        as_of = spec.get("as_of", start)
        quote = spec.get("quote") or (
            start.strftime("%b. %d") if start == end else f"{start:%b. %d} to {end:%b. %d}"
        )
    elif "name" in spec:
        value = NameValue(str(spec["name"]))
        kind = Kind.NAME
        as_of = spec.get("as_of")
        quote = spec.get("quote") or str(spec["name"])
    else:
        low = _num(spec.get("low"))
        high = (
            _num(spec["high"])
            if "high" in spec
            else (low if qualifier is Qualifier.EXACT else None)
        )
        value = CountValue(low, high)
        kind = Kind(spec.get("kind", "count"))
        as_of = spec.get("as_of", art.published_date)
        noun = str(spec["slot"]).split(".")[0]
        quote = spec.get("quote") or f"{low:g} {noun}"
    quote = str(quote)
    return Claim(
        id=str(spec["id"]),
        article_id=art.id,
        story=str(spec.get("story", art.story)),
        slot=str(spec["slot"]),
        kind=kind,
        value=value,
        qualifier=qualifier,
        as_of=as_of,
        quote=quote,
        sentence=f"The report said {quote}.",
        start=int(spec.get("offset", 0)),
        end=int(spec.get("offset", 0)) + len(quote),
        unit=spec.get("unit"),
        attribution=spec.get("attribution"),
        as_of_time=spec.get("as_of_time"),
        corrects=bool(spec.get("corrects", False)),
        doubt=spec.get("doubt"),
    )
