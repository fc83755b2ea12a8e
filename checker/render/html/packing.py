"""Large corpora: page sections packed (deflate + base64) and inflated on demand.

A report of a thousand reports is mostly report texts, finding cards and
timeline tables an editor never scrolls to. Rendered as they are, they make
a file of many megabytes and a load with long tasks. Packed, each section is
a ``<div class="lazy" data-z="...">`` that the page's script inflates
(``DecompressionStream("deflate-raw")``) when it nears the viewport, when a
link points into it or when a filter needs it, one section per task.
Deterministic: same bytes in, same bytes out. Small reports are never packed,
so they read without JavaScript and print in full.
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from markupsafe import Markup

T = TypeVar("T")
PACK_FROM_REPORTS = 200  # corpora this large are packed
CHUNK_CHARS = 60_000  # rendered HTML per packed section: well under a 50 ms parse
INLINE_TRIAGE_ROWS = 60


@dataclass(frozen=True)
class Chunk:
    data: str  # deflate-raw, base64
    items: int


def pack(html: str) -> str:
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    data = squeeze.compress(html.encode("utf-8")) + squeeze.flush()
    return base64.b64encode(data).decode("ascii")


def unpack(blob: str) -> str:
    return zlib.decompress(base64.b64decode(blob), -15).decode("utf-8")


def pack_chunks(items: Iterable[T], render: Callable[[T], Markup | str]) -> tuple[Chunk, ...]:
    """Render each item, group them into chunks of about CHUNK_CHARS, pack each chunk."""
    chunks: list[Chunk] = []
    current: list[str] = []
    size = 0
    for item in items:
        html = str(render(item))
        current.append(html)
        size += len(html)
        if size >= CHUNK_CHARS:
            chunks.append(Chunk(pack("".join(current)), len(current)))
            current, size = [], 0
    if current:
        chunks.append(Chunk(pack("".join(current)), len(current)))
    return tuple(chunks)


def split_rows(rows: Sequence[T], inline: int = INLINE_TRIAGE_ROWS) -> tuple[list[T], list[T]]:
    return list(rows[:inline]), list(rows[inline:])
