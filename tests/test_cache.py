"""The extraction cache: round trips, corrupt entries, concurrent writers, keys."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from checker.cache import (
    EXTRACTION_CODEC,
    STORY_CODEC,
    ClaimCache,
    article_key,
    cache_context,
    seal,
    unseal,
)
from checker.extraction import ReportExtraction
from checker.memo import Memo
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
from checker.story import StoryResult

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


VALUE = ReportExtraction(
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


def _memo(root: Path | str) -> Memo[ReportExtraction]:
    return Memo(ClaimCache(root), EXTRACTION_CODEC)


def test_round_trip(tmp_path: Path) -> None:
    memo = _memo(tmp_path)
    assert memo.get(KEY) is None
    memo.put(KEY, VALUE)
    got = memo.get(KEY)
    assert got == VALUE
    assert got is not None and isinstance(got.claims[0].value, CountValue)
    assert type(got.claims[0].value.low) is int and type(got.claims[0].value.high) is float
    assert (memo.hits, memo.misses, memo.store.writes) == (1, 1, 1)  # type: ignore[attr-defined]
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
    memo = _memo(tmp_path)
    memo.put(KEY, VALUE)
    path = next(tmp_path.rglob(f"{KEY}.json"))
    path.write_bytes(_corruptions(path.read_bytes())[index])
    assert memo.get(KEY) is None
    memo.put(KEY, VALUE)
    assert memo.get(KEY) == VALUE


def test_a_valid_checksum_with_a_bad_payload_is_a_miss() -> None:
    import hashlib

    from checker.cache import FORMAT

    payload = b'[[["Claim", 1]], [], []]'
    header = b"checker-cache %d %s %s\n" % (
        FORMAT,
        KEY.encode(),
        hashlib.sha256(payload).hexdigest().encode(),
    )
    assert unseal(KEY, header + payload) == payload  # sound: the payload is what is wrong
    with pytest.raises(ValueError):
        EXTRACTION_CODEC.loads(payload)
    memo = Memo(_OneEntry(header + payload), EXTRACTION_CODEC)
    assert memo.get(KEY) is None and memo.misses == 1
    good = EXTRACTION_CODEC.dumps(VALUE)
    assert EXTRACTION_CODEC.loads(unseal(KEY, seal(KEY, good)) or b"") == VALUE


class _OneEntry:
    """A store holding one sealed entry."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def load(self, key: str) -> bytes | None:
        return unseal(key, self.data)

    def save(self, key: str, encode: Any) -> None:
        raise AssertionError("not written")


def test_unwritable_cache_is_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = ClaimCache(blocker / "cache")  # a path under a regular file
    memo = Memo(cache, EXTRACTION_CODEC)
    memo.put(KEY, VALUE)
    assert cache.errors == 1
    assert memo.get(KEY) is None


def _writer(root: str, rounds: int) -> int:
    memo = _memo(root)
    bad = 0
    for _ in range(rounds):
        memo.put(KEY, VALUE)
        got = memo.get(KEY)
        if got is not None and got != VALUE:
            bad += 1
    return bad


def test_concurrent_writers(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        bad = pool.starmap(_writer, [(str(tmp_path), 150), (str(tmp_path), 150)])
    assert bad == [0, 0]
    assert _memo(tmp_path).get(KEY) == VALUE
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
    Memo(cache, STORY_CODEC).put(KEY, value)
    payload = cache.load(KEY)
    assert payload is not None
    decoded = STORY_CODEC.loads(payload)
    assert decoded == value
    assert decoded is not None
    assert [type(c.value.low) for c in decoded.claims[:1]] == [int]  # type: ignore[union-attr]
    assert payload.count(b"Rebels hold 74 hostages") == 1  # sentences written once


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw.replace(b'["CountValue",', b'["Counted",', 1),  # unknown value tag
        lambda raw: raw.replace(b'"count"', b'"counted"', 1),  # unknown kind
        lambda raw: raw.replace(b'[["Rebels', b'[[],["Rebels', 1),  # a sentence that is a list
        lambda raw: raw.replace(b'[["c-1"', b'[[1,"c-1"', 1),  # row too long
        lambda raw: raw.replace(b'"c-1","a","s"', b'"c-1",7,"s"', 1),  # a field of another type
        lambda raw: raw[:-5],  # truncated JSON
    ],
)
def test_story_payload_that_does_not_decode_is_a_miss(damage: Any) -> None:
    payload = STORY_CODEC.dumps(_story_value())
    assert STORY_CODEC.loads(payload) == _story_value()
    damaged = damage(payload)
    assert damaged != payload
    with pytest.raises(ValueError):
        STORY_CODEC.loads(damaged)
