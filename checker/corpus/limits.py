"""Size limits and the byte-level checks every text input goes through.

Files are read as bytes and decoded here, so that every reader sees the same
rules: UTF-8 only (a UTF-8 byte order mark is dropped), ``\\r\\n`` becomes
``\\n`` (character offsets refer to this normalised text), binary files and
empty files are refused with one clear message.
"""

from __future__ import annotations

import codecs
import re

DEFAULT_MAX_BYTES = 20_000_000

_BOM = codecs.BOM_UTF8
# Control bytes that never occur in text (tab, newlines, form feed are fine).
_CONTROL_BYTES = bytes(sorted(set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D} | {0x7F}))
_SNIFF = 8192
_CONTROL_RATIO = 0.10


class DecodeProblem(Exception):
    """Bytes that cannot be read as text; ``str(exc)`` is the user message."""


def format_size(n: int) -> str:
    """``25_300_000`` -> ``'25.3 MB'``; ``20_000_000`` -> ``'20 MB'``; small sizes in bytes."""
    for unit, scale in (("GB", 1_000_000_000), ("MB", 1_000_000), ("kB", 1_000)):
        if n >= scale:
            text = f"{n / scale:.1f}"
            return f"{text.removesuffix('.0')} {unit}"
    return f"{n} bytes" if n != 1 else "1 byte"


def size_message(size: int, limit: int) -> str:
    """The message for a file above the size limit; exact byte counts when rounding hides it."""
    shown, shown_limit = format_size(size), format_size(limit)
    if shown == shown_limit:
        return f"file is {size:,} bytes, above the {limit:,}-byte limit"
    return f"file is {shown}, above the {shown_limit} limit"


def is_binary(data: bytes) -> bool:
    """NUL bytes, or more than 10% control bytes in the first 8 kB."""
    head = data[:_SNIFF]
    if b"\x00" in data:
        return True
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control / len(head) > _CONTROL_RATIO


def decode_text(data: bytes, *, fallback_encoding: str | None = None) -> str:
    """Decode UTF-8 (with or without BOM), normalise ``\\r\\n`` to ``\\n``.

    ``fallback_encoding`` is an encoding the file itself declares (an HTML
    ``<meta charset>``); it is used only then, never guessed.
    Raises :class:`DecodeProblem` with the message to show.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DecodeProblem("UTF-16 text, not UTF-8; save the file as UTF-8")
    if is_binary(data):
        raise DecodeProblem("binary file, not text")
    offset = 0
    body = data
    if body.startswith(_BOM):
        body, offset = body[len(_BOM) :], len(_BOM)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        if fallback_encoding is None:
            raise DecodeProblem(
                f"not valid UTF-8 at byte {exc.start + offset} "
                f"(line {line}, 0x{body[exc.start]:02x}); save the file as UTF-8"
            ) from None
        try:
            text = body.decode(fallback_encoding)
        except (UnicodeDecodeError, LookupError):
            raise DecodeProblem(
                f"not valid UTF-8 at byte {exc.start + offset}, nor valid "
                f"{fallback_encoding} as the file declares"
            ) from None
    if not text.strip():
        raise DecodeProblem("empty file")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` -> ``\\n``, and a lone ``\\r`` (old Mac line ends) -> ``\\n``, so that
    front matter and paragraphs are found whatever the line ends; everything else
    is kept exactly."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML file declares in its first 4 kB, if it is not UTF-8."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return None if canonical in ("utf-8", "utf-8-sig") else canonical
