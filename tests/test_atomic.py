"""Atomic writes: the target is either the old file or the complete new one."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

from checker.atomic import (
    OutputRefused,
    atomic_path,
    streams,
    write_bytes_atomic,
    write_output,
    write_text_atomic,
)


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_write_text_creates_parents(tmp_path: Path) -> None:
    target = tmp_path / "out" / "deep" / "report.txt"
    write_text_atomic(target, "héllo\nworld\n")
    assert target.read_bytes() == "héllo\nworld\n".encode()
    assert _leftovers(target.parent) == []


def test_write_bytes_replaces_existing(tmp_path: Path) -> None:
    target = tmp_path / "r.bin"
    target.write_bytes(b"old")
    write_bytes_atomic(target, b"\x00new")
    assert target.read_bytes() == b"\x00new"


def test_text_no_newline_translation(tmp_path: Path) -> None:
    target = tmp_path / "r.txt"
    write_text_atomic(str(target), "a\r\nb\n")
    assert target.read_bytes() == b"a\r\nb\n"


def test_failure_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("partial")
        raise RuntimeError("renderer crashed")
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_failure_without_old_file_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    with pytest.raises(KeyboardInterrupt), atomic_path(target) as tmp:
        tmp.write_text("partial")
        raise KeyboardInterrupt
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_atomic_path_with_polars(tmp_path: Path) -> None:
    target = tmp_path / "claims.parquet"
    frame = pl.DataFrame({"a": [1, 2]})
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path
        assert tmp != target
        frame.write_parquet(tmp)
        assert not target.exists()
    assert pl.read_parquet(target).equals(frame)
    assert _leftovers(tmp_path) == []


def test_existing_mode_kept_and_new_mode_follows_umask(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("x")
    kept.chmod(0o640)
    write_text_atomic(kept, "y")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640

    old = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.txt"
        write_text_atomic(fresh, "z")
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


def test_output_in_pieces_is_their_concatenation(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    write_output(target, (piece for piece in (b"{", b'"a": 1', b"}\n")))
    assert target.read_bytes() == b'{"a": 1}\n'


def test_a_failing_piece_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"old\n")

    def pieces() -> Iterator[bytes]:
        yield b"new, half"
        raise RuntimeError("the renderer failed")

    with pytest.raises(RuntimeError):
        write_output(target, pieces())
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_streams_tells_files_from_streams(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "file").write_bytes(b"")
    assert streams("-") and streams("/dev/null") and streams(fifo)
    assert not streams(tmp_path / "file") and not streams(tmp_path / "new")
    with pytest.raises(OutputRefused, match="is a directory"):
        streams(tmp_path)
