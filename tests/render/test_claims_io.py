"""The claims table of ``checker extract``, written as Parquet, CSV and JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import threading
from pathlib import Path

import polars as pl
import pytest

from checker.render import serialize
from checker.render.claims_io import read_claims, write_claims
from checker.render.serialize import CLAIMS_TABLE_SCHEMA, claims_table, json_row
from tests.render.sample import sample_report
from tests.render.validators import validator


def test_table_columns_and_types() -> None:
    table = claims_table(sample_report().claims)
    assert table.schema == pl.Schema(CLAIMS_TABLE_SCHEMA)
    assert table.height == 10
    row = table.row(0, named=True)
    assert (row["low"], row["high"], row["kind"]) == (74.0, 74.0, "count")
    dates = table.filter(pl.col("kind") == "date").row(0, named=True)
    assert dates["start_date"] == dt.date(1996, 12, 17) and dates["low"] is None
    names = table.filter(pl.col("kind") == "name").row(0, named=True)
    assert names["text"] == "Néstor Cerpa"


def test_empty_table_keeps_its_columns() -> None:
    assert claims_table([]).schema == pl.Schema(CLAIMS_TABLE_SCHEMA)


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_round_trip(tmp_path: Path, suffix: str) -> None:
    claims = sample_report().claims
    path = tmp_path / "out" / f"claims{suffix}"
    assert write_claims(claims, path) == len(claims)
    written = claims_table(claims)
    back = read_claims(path)
    assert back.schema == written.schema
    assert back.equals(written)
    check = validator("claims-table.schema.json")
    for row in back.iter_rows(named=True):
        check.validate(json_row(row))
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temp files


def test_jsonl_rows_validate_as_written(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    write_claims(sample_report().claims, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 10
    check = validator("claims-table.schema.json")
    for line in lines:
        check.validate(json.loads(line))
    assert '"low": 74,' in lines[0] and "Néstor" in path.read_text(encoding="utf-8")


def test_csv_is_readable(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    write_claims(sample_report().claims, path)
    text = path.read_text(encoding="utf-8")
    header, first = text.splitlines()[:2]
    assert header.startswith("id,article_id,story,slot,kind,low,high,start_date,end_date,")
    assert ",74,74,," in first and "74.0" not in first
    assert ",false,false" in first


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_deterministic_bytes(tmp_path: Path, suffix: str) -> None:
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    write_claims(sample_report().claims, a)
    write_claims(sample_report().claims, b)
    assert a.read_bytes() == b.read_bytes()


def test_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"unknown claims table format '\.xlsx'"):
        write_claims(sample_report().claims, tmp_path / "claims.xlsx")
    assert not (tmp_path / "claims.xlsx").exists()


def test_existing_file_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text("old\n" * 100, encoding="utf-8")
    write_claims(sample_report().claims[:1], path)
    assert len(path.read_text(encoding="utf-8").splitlines()) == 1


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_batches_write_the_same_table_as_one(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = sample_report().claims
    whole = tmp_path / f"whole{suffix}"
    write_claims(claims, whole)
    monkeypatch.setattr(serialize, "TABLE_BATCH", 3)  # 10 claims: four batches
    assert len(list(serialize.claims_batches(claims))) == 4
    pieces = tmp_path / f"pieces{suffix}"
    assert write_claims(claims, pieces) == len(claims)
    assert read_claims(pieces).equals(read_claims(whole))  # same rows, same order
    if suffix != ".parquet":  # a Parquet file's row groups follow the batches
        assert pieces.read_bytes() == whole.read_bytes()


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_no_claims_is_a_table_with_its_columns(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    assert write_claims([], path) == 0
    back = read_claims(path)
    assert back.height == 0 and back.columns == list(CLAIMS_TABLE_SCHEMA)


def test_parquet_to_a_stream_is_the_file_written_whole(tmp_path: Path) -> None:
    claims = sample_report().claims
    path = tmp_path / "claims.parquet"
    write_claims(claims, path)
    fifo = tmp_path / "fifo.parquet"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_claims(claims, fifo)
    reader.join(timeout=30)
    assert received == [path.read_bytes()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # a stream is written, never replaced
