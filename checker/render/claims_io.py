"""Write the flat claims table (``checker extract``) as Parquet, CSV or JSON Lines.

The format follows the file extension; each row follows
``schemas/claims-table.schema.json``. Files are written atomically, so a
reader never sees half a table.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import polars as pl
from polars.io.plugins import register_io_source

from checker.atomic import STDOUT, atomic_path, streams, write_output
from checker.records import Claim
from checker.render.sanitize import csv_cell
from checker.render.serialize import CLAIMS_TABLE_SCHEMA, claims_batches, claims_table, json_row


def claims_jsonl(table: pl.DataFrame) -> str:
    """One JSON object per line, keys in table order, whole floats as ints."""
    return "".join(
        json.dumps(json_row(row), ensure_ascii=False, allow_nan=False) + "\n"
        for row in table.iter_rows(named=True)
    )


def _csv_cell(value: Any) -> str:
    row = json_row({"v": value})["v"]
    if row is None:
        return ""
    if isinstance(row, bool):
        return "true" if row else "false"
    if isinstance(row, str):
        return csv_cell(row)  # a report's words never start a spreadsheet formula
    return str(row)


def _csv_lines(rows: Iterable[Sequence[Any]]) -> str:
    """CSV rows: empty cells for nulls, ISO dates, whole floats as ints."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return buffer.getvalue()


_COLUMNS = tuple(CLAIMS_TABLE_SCHEMA)
# Excel on Windows reads a CSV as UTF-8 only when it starts with a byte order mark.
EXCEL_BOM = "\ufeff"


def _csv_pieces(batches: Iterable[pl.DataFrame], excel: bool) -> Iterator[bytes]:
    yield ((EXCEL_BOM if excel else "") + _csv_lines([_COLUMNS])).encode("utf-8")
    for batch in batches:
        yield _csv_lines(batch.iter_rows()).encode("utf-8")


def _jsonl_pieces(batches: Iterable[pl.DataFrame]) -> Iterator[bytes]:
    for batch in batches:
        yield claims_jsonl(batch).encode("utf-8")


def _parquet_bytes(batches: Iterable[pl.DataFrame]) -> bytes:
    """The whole file in memory: for a stream (standard output, a pipe)."""
    buffer = io.BytesIO()
    _parquet_source(batches).sink_parquet(buffer)
    return buffer.getvalue()


def _parquet_source(batches: Iterable[pl.DataFrame]) -> pl.LazyFrame:
    """The table as a lazy source that yields ``batches`` one at a time, in order:
    ``sink_parquet`` writes each as it comes, so the file is never whole in memory."""
    pending = iter(batches)

    def source(
        with_columns: list[str] | None, predicate: Any, n_rows: int | None, batch_size: int | None
    ) -> Iterator[pl.DataFrame]:
        seen = False
        for batch in pending:
            seen = True
            yield batch if with_columns is None else batch.select(with_columns)
        if not seen:
            yield claims_table(())  # no rows, every column

    return register_io_source(source, schema=dict(CLAIMS_TABLE_SCHEMA))


FORMATS = (".parquet", ".csv", ".jsonl")


def write_claims(
    claims: Iterable[Claim],
    path: str | Path,
    *,
    suffix: str | None = None,
    excel: bool = False,
) -> int:
    """Write the claims table to ``path`` (``-``: standard output, see
    :func:`checker.atomic.write_output`); the extension, or ``suffix``, picks the
    format (``-`` without one: JSON Lines). The table is built and written
    :data:`checker.render.serialize.TABLE_BATCH` rows at a time, so a million
    claims take the memory of one batch on top of the claims themselves.

    ``excel`` starts a CSV with a UTF-8 byte order mark (for Excel on Windows).
    Raises ``ValueError`` for an extension it does not know, or ``excel`` with
    another format than CSV. Returns the number of rows written.
    """
    chosen = (suffix or (".jsonl" if str(path) == STDOUT else Path(path).suffix)).lower()
    if chosen not in FORMATS:
        known = ", ".join(FORMATS)
        raise ValueError(f"{path}: unknown claims table format {chosen!r} (use {known})")
    if excel and chosen != ".csv":
        raise ValueError(f"{path}: --excel goes with a .csv table")
    rows = 0

    def counted() -> Iterator[pl.DataFrame]:
        nonlocal rows
        for batch in claims_batches(claims):
            rows += batch.height
            yield batch

    if chosen == ".csv":
        write_output(path, _csv_pieces(counted(), excel))
    elif chosen == ".jsonl":
        write_output(path, _jsonl_pieces(counted()))
    elif streams(path):
        write_output(path, _parquet_bytes(counted()))
    else:
        with atomic_path(path) as tmp:
            _parquet_source(counted()).sink_parquet(tmp)
    return rows


def read_claims(path: str | Path) -> pl.DataFrame:
    """Read a table written by :func:`write_claims` back, with the same column types."""
    path = Path(path)
    suffix = path.suffix.lower()
    schema = dict(CLAIMS_TABLE_SCHEMA)
    if suffix == ".parquet":
        return pl.read_parquet(path)
    if suffix == ".csv":
        return pl.read_csv(path, schema=schema)
    if suffix == ".jsonl":
        return pl.read_ndjson(path, schema=schema)
    raise ValueError(f"{path}: unknown claims table format {path.suffix!r}")
