"""An on-disk, content-addressed cache of per-report and per-story results.

Three kinds of entries:

- **extraction**, one per report: the count, quantity and date claims and the
  name mentions that :mod:`checker.extraction` found in it, and its
  date-consistency problems. Keyed by a sha256 over everything about the
  report that extraction reads: its text, id, path, story, publication date
  (and how it was found), line offset; and the years of the other dated
  reports of its story (they resolve year-less dates);
- **dating**, one per report without a metadata date: the inferred
  publication date (:func:`dating_key`);
- **story**, one per story: its claims as placed in time, its findings and
  timelines (:class:`StoryResult`), keyed by its reports' extraction keys in
  corpus order plus the title, source and url comparison also reads
  (:func:`story_key`). A warm run compares again only the stories where a
  report was added, changed or removed.

Every key also covers the context: a format version, ``checker.__version__``,
a hash of the checker package's own files (any code or lexicon change
invalidates every entry), the spaCy version and the model's name and
version, and ``Config.fingerprint()``.

Entries live in a sharded directory (``<root>/v4/ab/abcdef....json``). Each
file is a header line ``checker-cache 4 <key> <sha256 of payload>`` and a JSON
payload, written to a temporary file and renamed into place (``os.replace``),
so concurrent runs never see a partial entry and two runs that write the same
entry write the same bytes. A missing, truncated, corrupt or foreign entry is
a miss: it is recomputed and rewritten, never trusted. Nothing is pickled.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import hmac
import importlib.util
import json
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar, get_args

from checker.names import NameMention
from checker.published import PublishedResult
from checker.records import (
    Article,
    AsOfBasis,
    Behaviour,
    Change,
    Claim,
    CountValue,
    DateValue,
    Finding,
    FindingType,
    Kind,
    NameValue,
    PublishedBasis,
    Qualifier,
    Severity,
    Timeline,
    TimelinePoint,
    Value,
)

__all__ = [
    "CACHE_DIR_NAME",
    "CachedExtraction",
    "ClaimCache",
    "StoryResult",
    "article_key",
    "cache_context",
    "code_hash",
    "default_cache_dir",
    "model_signature",
    "story_key",
]

T = TypeVar("T")

FORMAT = 7
MAGIC = b"checker-cache"
CACHE_DIR_NAME = ".checker-cache"


@dataclass(frozen=True)
class CachedExtraction:
    """What extraction found in one report."""

    claims: tuple[Claim, ...]
    names: tuple[NameMention, ...]
    metadata: tuple[str, ...] = ()  # the report's date-consistency problems


@dataclass(frozen=True)
class StoryResult:
    """What comparison made of one story: its claims as placed in time (name
    claims included), its findings and its timelines."""

    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    timelines: tuple[Timeline, ...]


# ------------------------------------------------------------------ keys


@lru_cache(maxsize=1)
def code_hash() -> str:
    """sha256 over the checker package's .py and .toml files (path and bytes)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.suffix in (".py", ".toml") and p.is_file())
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def model_signature() -> str:
    """spaCy version and the model's lang_name-version, read without loading either."""
    from importlib.metadata import PackageNotFoundError, version

    from checker.nlp import MODEL_PACKAGES

    try:
        spacy_version = version("spacy")
    except PackageNotFoundError:  # pragma: no cover - spaCy is a dependency
        spacy_version = "?"
    for name in MODEL_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        meta_path = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        lang, model, ver = meta.get("lang", "en"), meta.get("name", name), meta.get("version", "?")
        return f"spacy-{spacy_version}:{lang}_{model}-{ver}"
    return f"spacy-{spacy_version}:none"


def cache_context(config_fingerprint: str, extra: str = "") -> str:
    """The part of every key that does not depend on the report."""
    from checker import __version__

    parts = [str(FORMAT), __version__, code_hash(), model_signature(), config_fingerprint, extra]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _jsonable(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "value"):  # enums
        return value.value
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    return value


def article_key(article: Article, story_years: Sequence[int], context: str) -> str:
    """The cache key of one report's extraction."""
    payload = [
        context,
        article.id,
        article.path,
        article.story,
        _jsonable(article.published),
        type(article.published).__name__,
        str(getattr(article.published, "tzinfo", None)),
        article.published_basis.value,
        article.published_evidence,
        _jsonable(article.published_upper_bound),
        _jsonable(article.published_candidates),
        article.row,
        article.line_offset,
        list(story_years),
        article.text,
    ]
    blob = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def story_key(
    story: str, articles: Sequence[Article], article_keys: Sequence[str], context: str
) -> str:
    """The cache key of one story's comparison: its reports' extraction keys, in
    corpus order, and the report fields comparison reads that those keys leave out."""
    reports = [
        [key, a.title, a.source, a.url] for a, key in zip(articles, article_keys, strict=True)
    ]
    blob = json.dumps([context, "story", story, reports], ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


# ------------------------------------------------------------------ (de)serialisation


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _value_to_json(value: Value) -> dict[str, Any]:
    if isinstance(value, CountValue):
        return {"t": "count", "low": value.low, "high": value.high}
    if isinstance(value, DateValue):
        return {"t": "date", "start": value.start.isoformat(), "end": value.end.isoformat()}
    return {"t": "name", "text": value.text, "canonical": value.canonical}


def _value_from_json(raw: Mapping[str, Any]) -> Value:
    kind = raw["t"]
    if kind == "count":
        return CountValue(_float(raw["low"]), _float(raw["high"]))
    if kind == "date":
        start, end = _date(raw["start"]), _date(raw["end"])
        if start is None or end is None:
            raise ValueError("date value without bounds")
        return DateValue(start, end)
    if kind == "name":
        return NameValue(_str(raw["text"]), _opt_str(raw["canonical"]))
    raise ValueError(f"unknown value type {kind!r}")


def _float(v: Any) -> float | None:
    if v is None:
        return None
    if not isinstance(v, int | float) or isinstance(v, bool):
        raise ValueError("not a number")
    return v  # ints stay ints, as extraction produced them


def _opt_str(v: Any) -> str | None:
    if v is None:
        return None
    if not isinstance(v, str):
        raise ValueError("not a string")
    return v


def _int(v: Any) -> int:
    if not isinstance(v, int) or isinstance(v, bool):
        raise ValueError("not an integer")
    return v


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError("not a string")
    return v


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueError("not true or false")
    return v


def _strs(v: Any) -> tuple[str, ...]:
    if not isinstance(v, list):
        raise ValueError("not a list")
    return tuple(_str(x) for x in v)


def _list(v: Any) -> list[Any]:
    if not isinstance(v, list):
        raise ValueError("not a list")
    return v


def _opt_int(v: Any) -> int | None:
    return None if v is None else _int(v)


def claim_to_json(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "article_id": c.article_id,
        "story": c.story,
        "slot": c.slot,
        "kind": c.kind.value,
        "value": _value_to_json(c.value),
        "qualifier": c.qualifier.value,
        "as_of": None if c.as_of is None else c.as_of.isoformat(),
        "quote": c.quote,
        "sentence": c.sentence,
        "start": c.start,
        "end": c.end,
        "unit": c.unit,
        "attribution": c.attribution,
        "hedge": c.hedge,
        "as_of_basis": c.as_of_basis.value,
        "as_of_time": c.as_of_time,
        "totality": c.totality,
        "corrects": c.corrects,
        "line": c.line,
        "event": c.event,
        "superseded": c.superseded,
        "scope": c.scope,
        "group": c.group,
        "doubt": c.doubt,
        "awaits": c.awaits,
    }


def claim_from_json(raw: Mapping[str, Any]) -> Claim:
    return Claim(
        id=_str(raw["id"]),
        article_id=_str(raw["article_id"]),
        story=_str(raw["story"]),
        slot=_str(raw["slot"]),
        kind=Kind(raw["kind"]),
        value=_value_from_json(raw["value"]),
        qualifier=Qualifier(raw["qualifier"]),
        as_of=_date(_opt_str(raw["as_of"])),
        quote=_str(raw["quote"]),
        sentence=_str(raw["sentence"]),
        start=_int(raw["start"]),
        end=_int(raw["end"]),
        unit=_opt_str(raw["unit"]),
        attribution=_opt_str(raw["attribution"]),
        hedge=_opt_str(raw["hedge"]),
        as_of_basis=AsOfBasis(raw["as_of_basis"]),
        as_of_time=_opt_str(raw["as_of_time"]),
        totality=_bool(raw["totality"]),
        corrects=_bool(raw["corrects"]),
        line=_opt_int(raw["line"]),
        event=_str(raw["event"]),
        superseded=_bool(raw["superseded"]),
        scope=_opt_str(raw["scope"]),
        group=_opt_str(raw["group"]),
        doubt=_opt_str(raw["doubt"]),
        awaits=_opt_str(raw["awaits"]),
    )


def mention_to_json(m: NameMention) -> dict[str, Any]:
    return {
        "article_id": m.article_id,
        "story": m.story,
        "label": m.label,
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "sentence": m.sentence,
        "title": m.title,
    }


def mention_from_json(raw: Mapping[str, Any]) -> NameMention:
    return NameMention(
        article_id=_str(raw["article_id"]),
        story=_str(raw["story"]),
        label=_str(raw["label"]),
        text=_str(raw["text"]),
        start=_int(raw["start"]),
        end=_int(raw["end"]),
        sentence=_str(raw["sentence"]),
        title=_opt_str(raw["title"]),
    )


CACHE_KEY_VARIABLE = "CHECKER_CACHE_KEY"


def _checksum(payload: bytes) -> str:
    """sha256 of the payload; an HMAC-SHA256 under ``$CHECKER_CACHE_KEY`` when it is
    set (a CI secret), so that whoever can write a shared cache but does not hold the
    key cannot reseal an entry with other values."""
    secret = os.environ.get(CACHE_KEY_VARIABLE)
    if secret:
        return hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
    return hashlib.sha256(payload).hexdigest()


def _seal(key: str, payload: bytes) -> bytes:
    """An entry: a header naming the key and the payload's checksum, then the payload."""
    checksum = _checksum(payload)
    header = b"%s %d %s %s\n" % (MAGIC, FORMAT, key.encode(), checksum.encode())
    return header + payload


def _unseal(key: str, data: bytes) -> bytes | None:
    """The payload of a sound entry for ``key``, else None."""
    header, sep, payload = data.partition(b"\n")
    if not sep:
        return None
    fields = header.split(b" ")
    if len(fields) != 4 or fields[0] != MAGIC or fields[1] != str(FORMAT).encode():
        return None
    if fields[2] != key.encode() or not hmac.compare_digest(fields[3], _checksum(payload).encode()):
        return None
    return payload


def encode_entry(key: str, value: CachedExtraction) -> bytes:
    payload = json.dumps(
        {
            "claims": [claim_to_json(c) for c in value.claims],
            "names": [mention_to_json(m) for m in value.names],
            "metadata": list(value.metadata),
        },
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    ).encode("utf-8")
    return _seal(key, payload)


def decode_entry(key: str, data: bytes) -> CachedExtraction | None:
    """The entry's content, or None when it is not a sound entry for ``key``."""
    payload = _unseal(key, data)
    return None if payload is None else decode_payload(payload)


def decode_payload(payload: bytes) -> CachedExtraction | None:
    """The content of an entry's checked payload, or None when it does not decode."""
    try:
        raw = json.loads(payload)
        claims = tuple(claim_from_json(c) for c in _list(raw["claims"]))
        names = tuple(mention_from_json(m) for m in _list(raw["names"]))
        metadata = _strs(raw["metadata"])
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    return CachedExtraction(claims, names, metadata)


def fits_article(value: CachedExtraction, article: Article) -> bool:
    """Whether an entry's records are of ``article``: its id and story, offsets inside
    its text, each claim quoting the words at its offsets."""
    text, n = article.text, len(article.text)
    for c in value.claims:
        if c.article_id != article.id or c.story != article.story:
            return False
        if not 0 <= c.start <= c.end <= n or text[c.start : c.end] != c.quote:
            return False
    for m in value.names:
        if m.article_id != article.id or m.story != article.story:
            return False
        if not 0 <= m.start <= m.end <= n or text[m.start : m.end] != m.text:
            return False
    return True


def fits_story(value: StoryResult, story: str, article_ids: Iterable[str]) -> bool:
    """Whether a story entry's records are of ``story`` and its reports."""
    ids = set(article_ids)
    return (
        all(c.story == story and c.article_id in ids for c in value.claims)
        and all(f.story == story and set(f.outlier_reports) <= ids for f in value.findings)
        and all(t.story == story for t in value.timelines)
    )


def finding_from_json(raw: Mapping[str, Any]) -> Finding:
    """The inverse of ``checker.render.serialize.finding_to_dict``."""
    return Finding(
        id=_str(raw["id"]),
        type=FindingType(raw["type"]),
        severity=Severity(raw["severity"]),
        story=_str(raw["story"]),
        slot=_str(raw["slot"]),
        claim_ids=_strs(raw["claim_ids"]),
        message=_str(raw["message"]),
        outliers=_strs(raw["outliers"]),
        outlier_reports=_strs(raw["outlier_reports"]),
    )


def _point_to_json(p: TimelinePoint) -> list[Any]:
    return [
        None if p.as_of is None else p.as_of.isoformat(),
        p.low,
        p.high,
        list(p.claim_ids),
        p.change,
        None if p.start_date is None else p.start_date.isoformat(),
        None if p.end_date is None else p.end_date.isoformat(),
    ]


def _point_from_json(raw: Sequence[Any]) -> TimelinePoint:
    as_of, low, high, ids, change, start, end = _list(raw)
    if change not in get_args(Change):
        raise ValueError(f"unknown change {change!r}")
    return TimelinePoint(
        as_of=_date(_opt_str(as_of)),
        low=_float(low),
        high=_float(high),
        claim_ids=_strs(ids),
        change=change,
        start_date=_date(_opt_str(start)),
        end_date=_date(_opt_str(end)),
    )


def timeline_to_json(t: Timeline) -> dict[str, Any]:
    return {
        "story": t.story,
        "slot": t.slot,
        "behaviour": t.behaviour.value,
        "kind": t.kind.value,
        "points": [_point_to_json(p) for p in t.points],
    }


def timeline_from_json(raw: Mapping[str, Any]) -> Timeline:
    return Timeline(
        story=_str(raw["story"]),
        slot=_str(raw["slot"]),
        behaviour=Behaviour(raw["behaviour"]),
        kind=Kind(raw["kind"]),
        points=tuple(_point_from_json(p) for p in _list(raw["points"])),
    )


# Story entries hold every claim of a story; they are what a warm run decodes, so
# claims are rows (no repeated keys) and each sentence is written once per entry.
_KINDS = {k.value: k for k in Kind}
_QUALIFIERS = {q.value: q for q in Qualifier}
_BASES = {b.value: b for b in AsOfBasis}
_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))


def _claim_row(c: Claim, sentence_index: int) -> list[Any]:
    v = c.value
    if isinstance(v, CountValue):
        value: list[Any] = ["c", v.low, v.high]
    elif isinstance(v, DateValue):
        value = ["d", v.start.isoformat(), v.end.isoformat()]
    else:
        value = ["n", v.text, v.canonical]
    return [
        c.id, c.article_id, c.story, c.slot, c.kind.value, value, c.qualifier.value,
        None if c.as_of is None else c.as_of.isoformat(), c.quote, sentence_index, c.start,
        c.end, c.unit, c.attribution, c.hedge, c.as_of_basis, c.as_of_time, c.totality,
        c.corrects, c.line, c.event, c.superseded, c.scope, c.group, c.doubt, c.awaits,
    ]  # fmt: skip


def _row_value(raw: Sequence[Any]) -> Value:
    tag, a, b = _list(raw)
    if tag == "c":
        return CountValue(_float(a), _float(b))
    if tag == "d":
        return DateValue(dt.date.fromisoformat(_str(a)), dt.date.fromisoformat(_str(b)))
    if tag == "n":
        return NameValue(_str(a), _opt_str(b))
    raise ValueError(f"unknown value tag {tag!r}")


def _is_str(v: Any) -> bool:
    return type(v) is str


def _is_opt_str(v: Any) -> bool:
    return v is None or type(v) is str


def _is_int(v: Any) -> bool:
    return type(v) is int


def _is_opt_int(v: Any) -> bool:
    return v is None or type(v) is int


def _is_bool(v: Any) -> bool:
    return type(v) is bool


def _is_any(v: Any) -> bool:
    return True  # converted below


# What each field of a claim row must be; anyone who can write the cache can
# reseal an entry, so a value of the wrong type makes the entry a miss, not a crash.
_ROW_CHECKS = (
    _is_str, _is_str, _is_str, _is_str, _is_any, _is_any, _is_any, _is_opt_str, _is_str,
    _is_int, _is_int, _is_int, _is_opt_str, _is_opt_str, _is_opt_str, _is_any, _is_opt_str,
    _is_bool, _is_bool, _is_opt_int, _is_str, _is_bool, _is_opt_str, _is_opt_str, _is_opt_str,
    _is_opt_str,
)  # fmt: skip


def _row_claim(row: Sequence[Any], sentences: Sequence[str]) -> Claim:
    """A claim from its row, every field type-checked: a row of the wrong shape,
    type, kind or sentence index makes the entry a miss."""
    values = _list(row)[:]
    if len(values) != len(_CLAIM_FIELDS):
        raise ValueError("claim row of the wrong length")
    for check, v in zip(_ROW_CHECKS, values, strict=True):
        if not check(v):
            raise ValueError("claim field of the wrong type")
    if not 0 <= values[9] < len(sentences) or not 0 <= values[10] <= values[11]:
        raise ValueError("claim offsets out of range")
    values[4] = _KINDS[values[4]]
    values[5] = _row_value(values[5])
    values[6] = _QUALIFIERS[values[6]]
    values[7] = _date(values[7])
    values[9] = sentences[values[9]]
    values[15] = _BASES[values[15]]
    claim = object.__new__(Claim)  # frozen: skip __init__'s per-field setattr
    claim.__dict__.update(zip(_CLAIM_FIELDS, values, strict=True))
    return claim


def encode_story(key: str, value: StoryResult) -> bytes:
    from checker.render.serialize import finding_to_dict  # the report's own finding shape

    sentences: dict[str, int] = {}
    rows = [_claim_row(c, sentences.setdefault(c.sentence, len(sentences))) for c in value.claims]
    payload = json.dumps(
        {
            "sentences": list(sentences),
            "claims": rows,
            "findings": [finding_to_dict(f) for f in value.findings],
            "timelines": [timeline_to_json(t) for t in value.timelines],
        },
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    ).encode("utf-8")
    return _seal(key, payload)


def decode_story_payload(payload: bytes) -> StoryResult | None:
    """The content of a story entry's checked payload, or None when it does not decode."""
    try:
        raw = json.loads(payload)
        sentences = _strs(raw["sentences"])
        return StoryResult(
            claims=tuple(_row_claim(row, sentences) for row in _list(raw["claims"])),
            findings=tuple(finding_from_json(f) for f in _list(raw["findings"])),
            timelines=tuple(timeline_from_json(t) for t in _list(raw["timelines"])),
        )
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        return None


def dating_key(
    text: str, published: dt.date | dt.datetime | None, story_years: Sequence[int], context: str
) -> str:
    """The cache key of one report's publication dating."""
    payload = [context, "dating", _jsonable(published), type(published).__name__,
               list(story_years), text]  # fmt: skip
    blob = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def _when(text: str | None) -> dt.date | dt.datetime | None:
    if text is None:
        return None
    return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)


def encode_dating(key: str, value: PublishedResult) -> bytes:
    payload = json.dumps(
        {
            "published": _jsonable(value.published),
            "basis": value.basis.value,
            "evidence": value.evidence,
            "upper_bound": _jsonable(value.upper_bound),
            "candidates": [d.isoformat() for d in value.candidates],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    return _seal(key, payload)


def decode_dating(key: str, data: bytes) -> PublishedResult | None:
    payload = _unseal(key, data)
    if payload is None:
        return None
    try:
        raw = json.loads(payload)
        upper = _when(_opt_str(raw["upper_bound"]))
        return PublishedResult(
            published=_when(_opt_str(raw["published"])),
            basis=PublishedBasis(raw["basis"]),
            evidence=_opt_str(raw["evidence"]),
            upper_bound=upper if not isinstance(upper, dt.datetime) else upper.date(),
            candidates=tuple(dt.date.fromisoformat(d) for d in _strs(raw["candidates"])),
        )
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


# ------------------------------------------------------------------ the store


# An entry is a few kilobytes per report; a story's, some megabytes. Anything far
# larger (a link to /dev/zero, a planted file) is not read.
MAX_ENTRY_BYTES = 256_000_000


class ClaimCache:
    """The directory of entries; safe to share between concurrent runs.

    Only regular files of at most :data:`MAX_ENTRY_BYTES` are read (never
    through a symbolic link, never blocking on a FIFO); a cache that cannot be
    written is skipped (``errors``, ``write_problem``). Temporary files left by
    a killed run are removed when the shard they are in is next written to.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.hits = 0
        self.misses = 0
        self.writes = 0
        self.errors = 0
        self.first_error: str | None = None
        self._swept: set[Path] = set()

    def write_problem(self) -> str:
        """A note for the user on entries that could not be stored."""
        n = self.errors
        what = f"{n} cache entr{'y' if n == 1 else 'ies'} could not be written"
        why = f" ({self.first_error})" if self.first_error else ""
        return f"note: {what} to {self.root}{why}; the next run will parse those reports again"

    def _path(self, key: str) -> Path:
        return self.root / f"v{FORMAT}" / key[:2] / f"{key}.json"

    def get(self, key: str) -> CachedExtraction | None:
        payload = self.load(key)
        entry = None if payload is None else decode_payload(payload)
        self.count(entry is not None)
        return entry

    def load(self, key: str) -> bytes | None:
        """The checked payload of the entry for ``key``, or None (``decode_payload`` or
        ``decode_story_payload`` turn it into records)."""
        return self._read(key, _unseal)

    def count(self, hit: bool) -> None:
        if hit:
            self.hits += 1
        else:
            self.misses += 1

    def put_story(self, key: str, value: StoryResult) -> None:
        self._write(key, lambda: encode_story(key, value))

    def get_dating(self, key: str) -> PublishedResult | None:
        return self._read(key, decode_dating)

    def put_dating(self, key: str, value: PublishedResult) -> None:
        self._write(key, lambda: encode_dating(key, value))

    def _read(self, key: str, decode: Callable[[str, bytes], T | None]) -> T | None:
        data = read_regular(self._path(key), MAX_ENTRY_BYTES)
        return None if data is None else decode(key, data)

    def put(self, key: str, value: CachedExtraction) -> None:
        """Store an entry; a cache that cannot be written is skipped, never fatal."""
        self._write(key, lambda: encode_entry(key, value))

    def _write(self, key: str, encode: Callable[[], bytes]) -> None:
        path = self._path(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            data = encode()
        except ValueError:  # a value JSON cannot hold (NaN): keep it out of the cache
            self.errors += 1
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.parent not in self._swept:
                self._swept.add(path.parent)
                remove_stale_temps(path.parent)
            with open(tmp, "xb") as handle:
                handle.write(data)
            os.replace(tmp, path)
            self.writes += 1
        except OSError as exc:
            self.errors += 1
            if self.first_error is None:
                self.first_error = exc.strerror or str(exc)
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` when it is a regular file of at most ``limit`` bytes
    (not followed through a symbolic link; a FIFO is not waited on), else None."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= limit else None


def remove_stale_temps(directory: Path) -> int:
    """Remove ``.*.tmp`` files in ``directory`` left by a killed run (see
    :func:`checker.atomic.is_stale_temp`). Returns how many were removed."""
    from checker.atomic import is_stale_temp

    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
            continue
        with contextlib.suppress(OSError):
            if is_stale_temp(entry.name, entry.stat(follow_symlinks=False).st_mtime, now):
                os.unlink(entry.path)
                removed += 1
    return removed


def default_cache_dir(paths: Iterable[str | Path]) -> Path:
    """``.checker-cache`` in the deepest directory that holds every input path; a
    directory argument that holds the current directory holds the cache itself
    (``checker check .`` caches in ``./``, not in the parent directory)."""
    parents = []
    cwd = Path.cwd().resolve()
    for p in paths:
        resolved = Path(p).resolve()
        holds_cwd = resolved.is_dir() and (resolved == cwd or resolved in cwd.parents)
        parents.append(str(resolved if holds_cwd else resolved.parent))
    if not parents:
        return Path.cwd() / CACHE_DIR_NAME
    common = Path(os.path.commonpath(parents))
    return common / CACHE_DIR_NAME
