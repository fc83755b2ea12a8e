"""Small builders of records for unit tests that need no parsing."""

from __future__ import annotations

import datetime as dt
import itertools

from checker.records import (
    Article,
    AsOfBasis,
    Claim,
    CountValue,
    DateValue,
    Kind,
    NameValue,
    PublishedBasis,
    Qualifier,
)

_ids = itertools.count(1)


def article(
    id: str,
    published: dt.date | dt.datetime | None,
    *,
    text: str = "",
    source: str | None = "Test Wire",
    story: str = "test",
    title: str | None = None,
) -> Article:
    return Article(
        id=id,
        path=f"reports/{id}.md",
        text=text,
        title=title or id,
        source=source,
        story=story,
        published=published,
        published_basis=PublishedBasis.METADATA if published else PublishedBasis.UNKNOWN,
    )


def count_claim(
    article_id: str,
    slot: str,
    low: float | None,
    high: float | None = None,
    *,
    as_of: dt.date | None,
    story: str = "test",
    qualifier: Qualifier = Qualifier.EXACT,
    quote: str | None = None,
    attribution: str | None = None,
    as_of_time: str | None = None,
    corrects: bool = False,
    id: str | None = None,
) -> Claim:
    high = low if high is None and qualifier is Qualifier.EXACT else high
    words = quote or f"{low:g} {slot}" if low is not None else quote or slot
    return Claim(
        id=id or f"c{next(_ids):05d}",
        article_id=article_id,
        story=story,
        slot=slot,
        kind=Kind.COUNT,
        value=CountValue(low, high),
        qualifier=qualifier,
        as_of=as_of,
        quote=words,
        sentence=f"Officials said {words} on the day.",
        start=0,
        end=len(words),
        attribution=attribution,
        as_of_time=as_of_time,
        corrects=corrects,
    )


def date_claim(
    article_id: str,
    slot: str,
    start: dt.date,
    end: dt.date | None = None,
    *,
    story: str = "test",
    quote: str | None = None,
    id: str | None = None,
) -> Claim:
    words = quote or start.strftime("%b. %d")
    return Claim(
        id=id or f"c{next(_ids):05d}",
        article_id=article_id,
        story=story,
        slot=slot,
        kind=Kind.DATE,
        value=DateValue(start, end or start),
        qualifier=Qualifier.EXACT,
        as_of=start,
        quote=words,
        sentence=f"It happened on {words}.",
        start=0,
        end=len(words),
        as_of_basis=AsOfBasis.EVENT,
    )


def name_claim(
    article_id: str, slot: str, text: str, *, story: str = "test", id: str | None = None
) -> Claim:
    return Claim(
        id=id or f"c{next(_ids):05d}",
        article_id=article_id,
        story=story,
        slot=slot,
        kind=Kind.NAME,
        value=NameValue(text),
        qualifier=Qualifier.EXACT,
        as_of=None,
        quote=text,
        sentence=f"{text} spoke.",
        start=0,
        end=len(text),
    )
