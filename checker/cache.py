"""An on-disk, content-addressed cache of per-report and per-story results: the keys,
the store (:class:`ClaimCache`, a :class:`checker.memo.Store`) and the codec of each
kind of entry (rows from :mod:`checker.codec`). No stage imports this module: the
pipeline wraps the stages in a :class:`checker.memo.Memo` over this store.

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
  timelines (:class:`checker.story.StoryResult`), keyed by its reports' extraction keys in
  corpus order plus the title, source and url comparison also reads
  (:func:`story_key`). A warm run compares again only the stories where a
  report was added, changed or removed.

Every key also covers the context: a format version, ``checker.__version__``,
a hash of the checker package's own files (any code or lexicon change
invalidates every entry), the spaCy version and the model's name and
version, and ``Config.fingerprint()``.

Entries live in a sharded directory (``<root>/v8/ab/abcdef....json``). Each
file is a header line ``checker-cache 8 <key> <sha256 of payload>`` and a JSON
payload (a row of the record's codec), written to a temporary file and renamed
into place (``os.replace``), so concurrent runs never see a partial entry and
two runs that write the same entry write the same bytes. A missing, truncated,
corrupt or foreign entry is a miss: it is recomputed and rewritten, never
trusted. Nothing is pickled.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from checker.cache_keys import (
    FORMAT,
    article_key,
    cache_context,
    code_hash,
    dating_key,
    extraction_keys,
    model_signature,
    story_key,
)
from checker.codec import Codec, record_codec
from checker.extraction import ReportExtraction
from checker.published import PublishedResult
from checker.records import Article, Claim, Finding, Timeline
from checker.story import StoryResult

__all__ = [
    "CACHE_DIR_NAME",
    "DATING_CODEC",
    "EXTRACTION_CODEC",
    "STORY_CODEC",
    "ClaimCache",
    "article_key",
    "cache_context",
    "code_hash",
    "dating_key",
    "default_cache_dir",
    "extraction_keys",
    "model_signature",
    "story_key",
]

MAGIC = b"checker-cache"
CACHE_DIR_NAME = ".checker-cache"


_SENTENCE = record_codec(Claim).fields.index("sentence")


class StoryCodec(Codec[StoryResult]):
    """A story entry: what a warm run decodes, so each sentence is written once and
    claims point at it by its index."""

    def __init__(self) -> None:
        super().__init__(StoryResult)
        self._claims = record_codec(Claim)
        self._findings = record_codec(Finding)
        self._timelines = record_codec(Timeline)

    def encode(self, record: StoryResult) -> list[Any]:
        sentences: dict[str, int] = {}
        rows = []
        for c in record.claims:
            row = self._claims.encode(c)
            row[_SENTENCE] = sentences.setdefault(c.sentence, len(sentences))
            rows.append(row)
        findings = [self._findings.encode(f) for f in record.findings]
        return [
            list(sentences),
            rows,
            findings,
            [self._timelines.encode(t) for t in record.timelines],
        ]

    def decode(self, row: Any) -> StoryResult:
        if type(row) is not list or len(row) != 4:
            raise ValueError("a story entry of the wrong shape")
        sentences, rows, findings, timelines = row
        if type(sentences) is not list or not all(type(s) is str for s in sentences):
            raise ValueError("story sentences are not strings")
        claims = []
        for raw in _rows(rows):
            if type(raw) is not list or len(raw) <= _SENTENCE:
                raise ValueError("a claim row of the wrong shape")
            index = raw[_SENTENCE]
            if type(index) is not int or not 0 <= index < len(sentences):
                raise ValueError("a claim's sentence is out of range")
            claims.append(
                self._claims.decode([*raw[:_SENTENCE], sentences[index], *raw[_SENTENCE + 1 :]])
            )
        return StoryResult(
            claims=tuple(claims),
            findings=tuple(self._findings.decode(f) for f in _rows(findings)),
            timelines=tuple(self._timelines.decode(t) for t in _rows(timelines)),
        )


def _rows(v: Any) -> list[Any]:
    if type(v) is not list:
        raise ValueError("not a list of rows")
    return v


EXTRACTION_CODEC = record_codec(ReportExtraction)
DATING_CODEC = record_codec(PublishedResult)
STORY_CODEC = StoryCodec()


def fits_article(value: ReportExtraction, article: Article) -> bool:
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


CACHE_KEY_VARIABLE = "CHECKER_CACHE_KEY"


def _checksum(payload: bytes) -> str:
    """sha256 of the payload; an HMAC-SHA256 under ``$CHECKER_CACHE_KEY`` when it is
    set (a CI secret), so that whoever can write a shared cache but does not hold the
    key cannot reseal an entry with other values."""
    secret = os.environ.get(CACHE_KEY_VARIABLE)
    if secret:
        return hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
    return hashlib.sha256(payload).hexdigest()


def seal(key: str, payload: bytes) -> bytes:
    """An entry: a header naming the key and the payload's checksum, then the payload."""
    checksum = _checksum(payload)
    header = b"%s %d %s %s\n" % (MAGIC, FORMAT, key.encode(), checksum.encode())
    return header + payload


def unseal(key: str, data: bytes) -> bytes | None:
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

    def load(self, key: str) -> bytes | None:
        """The checked payload of the entry for ``key``, or None."""
        data = read_regular(self._path(key), MAX_ENTRY_BYTES)
        return None if data is None else unseal(key, data)

    def save(self, key: str, encode: Callable[[], bytes]) -> None:
        """Store an entry; a cache that cannot be written is skipped, never fatal."""
        self._write(key, lambda: seal(key, encode()))

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
