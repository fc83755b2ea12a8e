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

from checker.atomic import atomic_path, write_text_atomic
from checker.records import Claim
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
    return str(row)


def claims_csv(table: pl.DataFrame) -> str:
    """CSV with a header; empty cells for nulls, ISO dates, whole floats as ints."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.iter_rows():
        writer.writerow([_csv_cell(v) for v in row])
    return buffer.getvalue()


def _write_parquet(table: pl.DataFrame, path: Path) -> None:
    with atomic_path(path) as tmp:
        table.write_parquet(tmp)


def _write_csv(table: pl.DataFrame, path: Path) -> None:
    write_text_atomic(path, claims_csv(table))


def _write_excel_csv(table: pl.DataFrame, path: Path) -> None:
    write_text_atomic(path, EXCEL_BOM + claims_csv(table))


def _write_jsonl(table: pl.DataFrame, path: Path) -> None:
    write_text_atomic(path, claims_jsonl(table))


# Excel on Windows reads a CSV as UTF-8 only when it starts with a byte order mark.
EXCEL_BOM = "\ufeff"

WRITERS: Mapping[str, Callable[[pl.DataFrame, Path], None]] = MappingProxyType(
    {
        ".parquet": _write_parquet,
        ".csv": _write_csv,
        ".jsonl": _write_jsonl,
    }
)


def write_claims(claims: Iterable[Claim], path: str | Path, *, excel: bool = False) -> pl.DataFrame:
    """Write the claims table to ``path``; the extension picks the format.

    ``excel`` starts a CSV with a UTF-8 byte order mark (for Excel on Windows).
    Raises ``ValueError`` for an extension it does not know, or ``excel`` with
    another format than CSV. Returns the table.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    writer = WRITERS.get(suffix)
    if writer is None:
        known = ", ".join(WRITERS)
        raise ValueError(f"{path}: unknown claims table format {path.suffix!r} (use {known})")
    if excel:
        if suffix != ".csv":
            raise ValueError(f"{path}: --excel goes with a .csv table")
        writer = _write_excel_csv
    table = claims_table(claims)
    writer(table, path)
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
