"""Read one file: check its type and size, read its bytes, pick the reader.

Files are opened read-only, read as bytes and decoded by
:func:`checker.corpus.limits.decode_text`; nothing is ever written.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from checker.corpus.html import read_html
from checker.corpus.limits import DecodeProblem, declared_html_charset, decode_text, size_message
from checker.corpus.meta import Entry
from checker.corpus.table import read_csv, read_jsonl, read_parquet
from checker.corpus.text import read_text
from checker.corpus.walk import os_message
from checker.records import InputError

TextReader = Callable[[str, str], Iterator[Entry | InputError]]

TEXT_READERS: dict[str, TextReader] = {
    ".md": read_text,
    ".markdown": read_text,
    ".txt": read_text,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".html": read_html,
    ".htm": read_html,
}
BYTES_READERS = {".parquet": read_parquet}
SUFFIXES = frozenset(TEXT_READERS) | frozenset(BYTES_READERS)
EXPECTED = "expected .md, .txt, .jsonl, .csv, .parquet or .html"


def read_file(path: Path, where: str, *, max_bytes: int) -> Iterator[Entry | InputError]:
    """Every report in one file, and every problem found, in file order."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
        yield InputError(where, f"unsupported file type {kind}; {EXPECTED}")
        return
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            yield InputError(where, "not a regular file")
            return
        if info.st_size > max_bytes:
            yield InputError(where, size_message(info.st_size, max_bytes))
            return
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        yield InputError(where, os_message(exc))
        return
    if len(data) > max_bytes:  # grew since stat
        yield InputError(where, size_message(len(data), max_bytes))
        return
    yield from read_data(data, suffix, where, max_bytes=max_bytes)


def read_data(
    data: bytes, suffix: str, where: str, *, max_bytes: int
) -> Iterator[Entry | InputError]:
    """Every report in the bytes of one file (or of standard input) of type ``suffix``;
    ``max_bytes`` bounds what a compressed table may decode to."""
    if not data.strip():
        yield InputError(where, "empty file")
        return
    try:
        if suffix in BYTES_READERS:
            yield from BYTES_READERS[suffix](data, where, max_bytes=max_bytes)
            return
        declared = declared_html_charset(data) if suffix in (".html", ".htm") else None
        try:
            text = decode_text(data, fallback_encoding=declared)
        except DecodeProblem as exc:
            yield InputError(where, str(exc))
            return
        yield from TEXT_READERS[suffix](text, where)
    except Exception as exc:  # a reader's bug or a case it missed: this file's problem
        reason = " ".join(str(exc).split())[:300] or "no detail"
        yield InputError(where, f"cannot be read ({type(exc).__name__}: {reason})")
