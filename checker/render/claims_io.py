"""Write the flat claims table (``checker extract``) as Parquet, CSV or JSON Lines.

The format follows the file extension; each row follows
``schemas/claims-table.schema.json``. Files are written atomically, so a
reader never sees half a table.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import polars as pl

from checker.atomic import STDOUT, write_output
from checker.records import Claim
from checker.render.sanitize import csv_cell
from checker.render.serialize import CLAIMS_TABLE_SCHEMA, claims_table, json_row


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


def claims_csv(table: pl.DataFrame) -> str:
    """CSV with a header; empty cells for nulls, ISO dates, whole floats as ints."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.iter_rows():
        writer.writerow([_csv_cell(v) for v in row])
    return buffer.getvalue()


def _parquet_bytes(table: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    table.write_parquet(buffer)
    return buffer.getvalue()


def _csv_bytes(table: pl.DataFrame) -> bytes:
    return claims_csv(table).encode("utf-8")


def _jsonl_bytes(table: pl.DataFrame) -> bytes:
    return claims_jsonl(table).encode("utf-8")


# Excel on Windows reads a CSV as UTF-8 only when it starts with a byte order mark.
EXCEL_BOM = "\ufeff"


def _excel_csv_bytes(table: pl.DataFrame) -> bytes:
    return (EXCEL_BOM + claims_csv(table)).encode("utf-8")


ENCODERS: Mapping[str, Callable[[pl.DataFrame], bytes]] = MappingProxyType(
    {
        ".parquet": _parquet_bytes,
        ".csv": _csv_bytes,
        ".jsonl": _jsonl_bytes,
    }
)


def write_claims(
    claims: Iterable[Claim],
    path: str | Path,
    *,
    suffix: str | None = None,
    excel: bool = False,
) -> pl.DataFrame:
    """Write the claims table to ``path`` (``-``: standard output, see
    :func:`checker.atomic.write_output`); the extension, or ``suffix``, picks the
    format (``-`` without one: JSON Lines).

    ``excel`` starts a CSV with a UTF-8 byte order mark (for Excel on Windows).
    Raises ``ValueError`` for an extension it does not know, or ``excel`` with
    another format than CSV. Returns the table.
    """
    chosen = (suffix or (".jsonl" if str(path) == STDOUT else Path(path).suffix)).lower()
    encoder = ENCODERS.get(chosen)
    if encoder is None:
        known = ", ".join(ENCODERS)
        raise ValueError(f"{path}: unknown claims table format {chosen!r} (use {known})")
    if excel:
        if chosen != ".csv":
            raise ValueError(f"{path}: --excel goes with a .csv table")
        encoder = _excel_csv_bytes
    table = claims_table(claims)
    write_output(path, encoder(table))
    return table


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
