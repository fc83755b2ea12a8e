"""The extraction cache: round trips, corrupt entries, concurrent writers, keys."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from checker.cache import (
    CachedExtraction,
    ClaimCache,
    StoryResult,
    article_key,
    cache_context,
    decode_entry,
    decode_story_payload,
    encode_entry,
    encode_story,
)
from checker.names import NameMention
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

KEY = "ab" + "0" * 62


def _claim(**kw: object) -> Claim:
    base = Claim(
        id="c-1",
        article_id="a",
        story="s",
        slot="hostages",
        kind=Kind.COUNT,
        value=CountValue(74, 74.0),
        qualifier=Qualifier.ABOUT,
        as_of=dt.date(1997, 1, 10),
        quote="74 hostages",
        sentence="Rebels hold 74 hostages — “still”.",
        start=3,
        end=14,
        unit=None,
        attribution="police said",
        hedge="reportedly",
        as_of_basis=AsOfBasis.PUBLISHED,
        as_of_time="1997-01-10T08:00:00-05:00",
        totality=True,
        corrects=False,
        line=4,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


VALUE = CachedExtraction(
    claims=(
        _claim(),
        _claim(id="c-2", value=CountValue(None, 400.5), as_of=None, line=None),
        _claim(
            id="c-3",
            kind=Kind.DATE,
            slot="attack.date",
            value=DateValue(dt.date(1996, 12, 17), dt.date(1996, 12, 17)),
        ),
        _claim(id="c-4", kind=Kind.NAME, value=NameValue("Cerpa", None)),
    ),
    names=(
        NameMention("a", "s", "PERSON", "Néstor Cerpa", 5, 17, "Néstor Cerpa said.\n\n", "Mr."),
    ),
)


def test_round_trip(tmp_path: Path) -> None:
    cache = ClaimCache(tmp_path)
    assert cache.get(KEY) is None
    cache.put(KEY, VALUE)
    got = cache.get(KEY)
    assert got == VALUE
    assert got is not None and isinstance(got.claims[0].value, CountValue)
    assert type(got.claims[0].value.low) is int and type(got.claims[0].value.high) is float
    assert (cache.hits, cache.misses, cache.writes) == (1, 1, 1)
    assert list(tmp_path.rglob("*.tmp")) == []


def _corruptions(data: bytes) -> list[bytes]:
    header, _, _payload = data.partition(b"\n")
    flipped = bytearray(data)
    flipped[len(header) + 10] ^= 0x01
    return [
        b"",
        data[: len(data) // 2],  # truncated
        bytes(flipped),  # one bit flipped in the payload
        header,  # header only
        data.replace(KEY.encode(), b"cd" + b"0" * 62),  # another key's entry
        b"checker-cache 999 " + data.split(b" ", 2)[2],  # another format
        header + b"\n" + b"not json",
        b"\x00\xff" * 50,
    ]


@pytest.mark.parametrize("index", range(8))
def test_corrupt_entries_are_misses_and_get_rewritten(tmp_path: Path, index: int) -> None:
    cache = ClaimCache(tmp_path)
    cache.put(KEY, VALUE)
    path = next(tmp_path.rglob(f"{KEY}.json"))
    path.write_bytes(_corruptions(path.read_bytes())[index])
    assert cache.get(KEY) is None
    cache.put(KEY, VALUE)
    assert cache.get(KEY) == VALUE


def test_a_valid_checksum_with_a_bad_payload_is_a_miss() -> None:
    import hashlib

    payload = b'{"claims": [{"id": 1}], "names": []}'
    data = b"checker-cache 1 %s %s\n" % (KEY.encode(), hashlib.sha256(payload).hexdigest().encode())
    assert decode_entry(KEY, data + payload) is None
    assert decode_entry(KEY, encode_entry(KEY, VALUE)) == VALUE


def test_unwritable_cache_is_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = ClaimCache(blocker / "cache")  # a path under a regular file
    cache.put(KEY, VALUE)
    assert cache.errors == 1
    assert cache.get(KEY) is None


def _writer(root: str, rounds: int) -> int:
    cache = ClaimCache(root)
    bad = 0
    for _ in range(rounds):
        cache.put(KEY, VALUE)
        got = cache.get(KEY)
        if got is not None and got != VALUE:
            bad += 1
    return bad


def test_concurrent_writers(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        bad = pool.starmap(_writer, [(str(tmp_path), 150), (str(tmp_path), 150)])
    assert bad == [0, 0]
    assert ClaimCache(tmp_path).get(KEY) == VALUE
    assert list(tmp_path.rglob("*.tmp")) == []


def test_key_changes_with_everything_extraction_reads() -> None:
    article = Article(
        id="a",
        path="r/a.md",
        text="Rebels hold 74 hostages.",
        story="s",
        published=dt.date(1997, 1, 10),
        published_basis=PublishedBasis.METADATA,
    )
    context = cache_context("cfg1")
    key = article_key(article, (1997,), context)
    assert key == article_key(article, (1997,), context)
    variants = [
        article_key(replace(article, text="Rebels hold 72 hostages."), (1997,), context),
        article_key(replace(article, published=dt.date(1997, 1, 11)), (1997,), context),
        article_key(replace(article, published=dt.datetime(1997, 1, 10, 8, 0)), (1997,), context),
        article_key(replace(article, id="b"), (1997,), context),
        article_key(replace(article, story="t"), (1997,), context),
        article_key(replace(article, line_offset=3), (1997,), context),
        article_key(article, (1996, 1997), context),
        article_key(article, (1997,), cache_context("cfg2")),
        article_key(article, (1997,), cache_context("cfg1", "prefilter=False")),
    ]
    assert len({key, *variants}) == len(variants) + 1


def test_context_covers_code_and_model() -> None:
    from checker.cache import code_hash, model_signature

    assert len(code_hash()) == 64
    assert model_signature().startswith("spacy-")


def _story_value() -> StoryResult:
    from tests.render.sample import sample_report

    report = sample_report()
    return StoryResult(
        claims=(*VALUE.claims, _claim(id="c-5", sentence="Another sentence.")),
        findings=report.findings,
        timelines=report.timelines,
    )


def test_story_round_trip(tmp_path: Path) -> None:
    value = _story_value()
    cache = ClaimCache(tmp_path)
    assert cache.load(KEY) is None
    cache.put_story(KEY, value)
    payload = cache.load(KEY)
    assert payload is not None
    decoded = decode_story_payload(payload)
    assert decoded == value
    assert decoded is not None
    assert [type(c.value.low) for c in decoded.claims[:1]] == [int]  # type: ignore[union-attr]
    assert payload.count(b"Rebels hold 74 hostages") == 1  # sentences written once


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw.replace(b'"c",', b'"x",', 1),  # unknown value tag
        lambda raw: raw.replace(b'"count"', b'"counted"', 1),  # unknown kind
        lambda raw: raw.replace(b'"sentences":[', b'"sentences":[],"was":[', 1),  # no sentence
        lambda raw: raw.replace(b'"claims":[[', b'"claims":[[1,', 1),  # row too long
        lambda raw: raw[:-5],  # truncated JSON
    ],
)
def test_story_payload_that_does_not_decode_is_none(damage: Any) -> None:
    data = encode_story(KEY, _story_value())
    payload = data.partition(b"\n")[2]
    assert decode_story_payload(payload) is not None
    assert decode_story_payload(damage(payload)) is None
