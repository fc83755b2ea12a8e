"""One report per row: ``.jsonl``, ``.csv`` and ``.parquet``.

Every format uses the metadata field names (``id``, ``title``, ``source``,
``published``, ``url``, ``story``) plus ``text``; other columns are ignored.
A bad row is reported on its own (``InputError.row``) and the other rows
are still read. Row numbers are 1-based:

- JSONL: the line number in the file (blank lines are skipped but counted),
- CSV: the data row, the header not counted (the message also gives the line),
- Parquet: the row index + 1.

Articles from rows have ``line_offset = 0``; their ``row`` is set.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

from checker.corpus.limits import DEFAULT_MAX_BYTES, normalise_newlines, size_message
from checker.corpus.meta import FIELDS, Entry, meta_from_mapping, replace_surrogates
from checker.records import InputError


def _row_entry(
    data: Mapping[str, Any], where: str, row: int, label: str, evidence: str
) -> Iterator[Entry | InputError]:
    """Shared row handling: ``text`` must be a non-blank string."""
    text = data.get("text")
    if text is None:
        yield InputError(where, f"{label}: no 'text' field", row=row)
        return
    if not isinstance(text, str):
        yield InputError(
            where, f"{label}: 'text' must be a string, got {type(text).__name__}", row=row
        )
        return
    if not text.strip():
        yield InputError(where, f"{label}: empty text", row=row)
        return
    text, bad = replace_surrogates(text)
    if bad is not None:
        yield InputError(
            where,
            f"{label}: 'text' holds an unpaired surrogate ({bad}), not Unicode text; "
            "read with U+FFFD in its place",
            row=row,
        )
    meta, problems = meta_from_mapping(data, evidence=evidence)
    for problem in problems:
        yield InputError(where, f"{label}: {problem}", row=row)
    yield Entry(text=normalise_newlines(text), meta=meta, row=row)


def read_jsonl(text: str, where: str) -> Iterator[Entry | InputError]:
    """One JSON object per line; blank lines skipped."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        label = f"line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(
                where, f"{label}: not valid JSON ({exc.msg} at column {exc.colno})", row=number
            )
            continue
        except RecursionError:
            yield InputError(where, f"{label}: JSON nested too deeply to read", row=number)
            continue
        except ValueError as exc:  # an integer of thousands of digits
            reason = " ".join(str(exc).split())[:200]
            yield InputError(where, f"{label}: not readable JSON ({reason})", row=number)
            continue
        if not isinstance(data, dict):
            kind = "a list" if isinstance(data, list) else type(data).__name__
            yield InputError(where, f"{label}: expected a JSON object, got {kind}", row=number)
            continue
        yield from _row_entry(data, where, number, label, "jsonl field 'published'")


def read_csv(text: str, where: str) -> Iterator[Entry | InputError]:
    """A header row naming the fields, then one report per row (RFC 4180 quoting)."""
    # Article texts can be longer than the csv module's default 128 kB field limit.
    if csv.field_size_limit() < len(text) + 1:
        csv.field_size_limit(len(text) + 1)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield InputError(where, f"cannot read the CSV header ({exc})")
        return
    names = [name.strip().lstrip("\ufeff").lower() for name in header]
    if "text" not in names:
        found = ", ".join(n for n in names if n) or "nothing"
        yield InputError(where, f"no 'text' column in the CSV header (found: {found})")
        return
    for field in (*FIELDS, "text"):
        same = [h.strip() for h, n in zip(header, names, strict=True) if n == field]
        if len(same) > 1:
            shown = ", ".join(f"'{h}'" for h in same)
            yield InputError(where, f"columns {shown} name the same field; rename all but one")
            return
    number = 0
    any_rows = False
    while True:
        line = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            number += 1
            yield InputError(where, f"row {number} (line {line}): bad CSV ({exc})", row=number)
            continue
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue  # blank line
        number += 1
        any_rows = True
        label = f"row {number} (line {line})"
        if len(fields) != len(names):
            yield InputError(
                where,
                f"{label}: {len(fields)} fields, but the header has {len(names)}",
                row=number,
            )
            continue
        yield from _row_entry(
            dict(zip(names, fields, strict=True)), where, number, label, "csv field 'published'"
        )
    if not any_rows and number == 0:
        yield InputError(where, "no data rows after the CSV header")


# A report per row: a file that says it holds more rows than this is refused
# before it is decoded (run-length encoding makes such a file a few bytes long).
MAX_ROWS = 1_000_000


def read_parquet(
    data: bytes, where: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Entry | InputError]:
    """A Parquet table read with polars; dates and timestamps keep their types.

    Compression and dictionary encoding let a file of a few kilobytes stand for
    gigabytes: the decoded size of the columns read (``text`` and the metadata
    fields) is measured on the still dictionary-encoded columns and must stay
    within ``max_bytes``, as a text file's size must.
    """
    import polars as pl

    try:
        columns, problem = _parquet_columns(data, max_bytes)
        if problem is not None:
            yield InputError(where, problem)
            return
        frame = pl.read_parquet(io.BytesIO(data), columns=list(columns.values()))
    except Exception as exc:  # polars raises several error types for bad files
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield InputError(where, f"not a readable Parquet file ({first})")
        return
    if frame.height == 0:
        yield InputError(where, "the Parquet file has no rows")
        return
    for index, record in enumerate(frame.iter_rows(named=True), start=1):
        row = {low: record[name] for low, name in columns.items()}
        yield from _row_entry(row, where, index, f"row {index}", "parquet field 'published'")


def _parquet_columns(data: bytes, max_bytes: int) -> tuple[dict[str, str], str | None]:
    """The columns to read (field -> column name), or the problem that stops the file."""
    import polars as pl

    schema = pl.read_parquet_schema(io.BytesIO(data))
    names = list(schema)
    by_field: dict[str, list[str]] = {}
    for name in names:
        by_field.setdefault(name.strip().lower(), []).append(name)
    if "text" not in by_field:
        return {}, f"no 'text' column in the Parquet file (found: {', '.join(names) or 'nothing'})"
    wanted = {f: ns for f, ns in by_field.items() if f in (*FIELDS, "text")}
    clashes = [", ".join(f"'{n}'" for n in ns) for ns in wanted.values() if len(ns) > 1]
    if clashes:
        return {}, f"columns {clashes[0]} name the same field; rename all but one"
    columns = {f: ns[0] for f, ns in wanted.items()}
    rows = pl.scan_parquet(io.BytesIO(data)).select(pl.len()).collect().item()
    if rows > MAX_ROWS:
        said = f"{rows:,} rows, above the {MAX_ROWS:,}-row limit"
        return {}, f"the Parquet file says it holds {said}"
    size = _decoded_size(data, {c: schema[c] for c in columns.values()})
    if size > max_bytes:
        shown = size_message(size, max_bytes).removeprefix("file is ")
        return {}, f"the Parquet file decodes to {shown} for text files"
    return columns, None


def _decoded_size(data: bytes, columns: Mapping[str, object]) -> int:
    """Bytes the columns hold once decoded, summed by the streaming engine batch by batch,
    so a compression or dictionary bomb is measured without being held in memory: text
    by its values' lengths, any other column at eight bytes a value."""
    import polars as pl

    sizes = [
        pl.col(name).str.len_bytes().sum()
        if kind == pl.String
        else pl.col(name).bin.size().sum()
        if kind == pl.Binary
        else pl.col(name).len() * 8
        for name, kind in columns.items()
    ]
    totals = pl.scan_parquet(io.BytesIO(data)).select(sizes).collect(engine="streaming")
    return int(sum(v or 0 for v in totals.row(0)))
