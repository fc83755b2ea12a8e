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

from checker.corpus.limits import normalise_newlines
from checker.corpus.meta import Entry, meta_from_mapping
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


def read_parquet(data: bytes, where: str) -> Iterator[Entry | InputError]:
    """A Parquet table read with polars; dates and timestamps keep their types."""
    import polars as pl

    try:
        frame = pl.read_parquet(io.BytesIO(data))
    except Exception as exc:  # polars raises several error types for bad files
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield InputError(where, f"not a readable Parquet file ({first})")
        return
    columns = {name.strip().lower(): name for name in frame.columns}
    if "text" not in columns:
        found = ", ".join(frame.columns) or "nothing"
        yield InputError(where, f"no 'text' column in the Parquet file (found: {found})")
        return
    if frame.height == 0:
        yield InputError(where, "the Parquet file has no rows")
        return
    for index, record in enumerate(frame.iter_rows(named=True), start=1):
        row = {low: record[name] for low, name in columns.items()}
        yield from _row_entry(row, where, index, f"row {index}", "parquet field 'published'")
