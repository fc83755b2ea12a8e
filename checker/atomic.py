"""Atomic file writes: readers never see a half-written output file.

The data goes to a temporary file in the target's directory, which is
flushed to disk (fsync) and renamed over the target (``os.replace``, atomic
on POSIX and Windows). On failure the temporary file is removed and the
target is left as it was. Parent directories are created. New files get the
usual permissions (``0o666`` minus the umask); an existing target keeps its
mode. A symbolic link is followed: its target is replaced, the link kept.
Temporary files of the same target left by a killed run are removed.

:func:`write_output` is what commands write with: ``-`` is standard output,
a device, FIFO or socket (``/dev/null``, ``/dev/stdout``, a pipe) is written
as a stream, never replaced; only regular files are written atomically.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = [
    "STDOUT",
    "OutputRefused",
    "atomic_path",
    "is_stale_temp",
    "streams",
    "write_bytes_atomic",
    "write_output",
    "write_text_atomic",
]

STDOUT = "-"
# A temporary file this old is left by a run that was killed.
STALE_TEMP_SECONDS = 3600.0


class OutputRefused(ValueError):
    """An output path that cannot be written to; ``str(exc)`` is the user message."""


def write_output(path: str | Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of them written one after the other, so that
    a large output is never whole in memory) to ``path``: ``-`` is standard output;
    a device, FIFO or socket is written as a stream; anything else atomically (see
    the module)."""
    pieces: Iterable[bytes] = (data,) if isinstance(data, bytes) else data
    text = os.fspath(path)
    if text == STDOUT:
        out = sys.stdout.buffer
        for piece in pieces:
            out.write(piece)
        out.flush()
        return
    stream = _stream_target(text)
    if stream is not None:
        target, mode = stream
        with open(target, "ab" if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) else "wb") as out:
            for piece in pieces:
                out.write(piece)
        return
    with atomic_path(text) as tmp, open(tmp, "wb") as handle:
        for piece in pieces:
            handle.write(piece)


def streams(path: str | Path) -> bool:
    """Whether :func:`write_output` writes ``path`` as a stream (standard output, a
    device, a FIFO, a socket) rather than replacing a file. Raises
    :class:`OutputRefused` for a directory."""
    text = os.fspath(path)
    return text == STDOUT or _stream_target(text) is not None


def _stream_target(text: str) -> tuple[Path, int] | None:
    """Where ``text`` resolves and its mode, when it is an existing file that is not a
    regular one (a device, a FIFO, a socket); None for a regular or a new file."""
    target = resolve_output(text)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(mode):
        raise OutputRefused(f"{text} is a directory")
    return None if stat.S_ISREG(mode) else (target, mode)


def resolve_output(path: str | Path) -> Path:
    """Where an output path writes: a symbolic link (a chain of them) followed to its
    target, which need not exist yet. Raises :class:`OutputRefused` for ``''``."""
    text = os.fspath(path)
    if not text.strip():
        raise OutputRefused("the output path is empty")
    target = Path(text)
    for _ in range(40):  # as the kernel does: a loop of links ends somewhere
        if not target.is_symlink():
            return target
        link = Path(os.readlink(target))
        target = link if link.is_absolute() else target.parent / link
    raise OutputRefused(f"{text}: too many levels of symbolic links")


def write_text_atomic(path: str | Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically (no newline translation)."""
    write_bytes_atomic(path, text.encode(encoding))


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_path(path) as tmp, open(tmp, "wb") as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``.

    For writers that want a file name (``polars.DataFrame.write_parquet``).
    The temporary file exists (empty) when yielded; the writer overwrites it.
    On an exception it is removed and the exception propagates.
    """
    target = resolve_output(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(target)
    tmp = _create_temp(target)
    try:
        yield tmp
        _keep_mode(target, tmp)
        _fsync_file(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)


def _create_temp(target: Path) -> Path:
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(f"cannot create a temporary file beside {target}")


def _keep_mode(target: Path, tmp: Path) -> None:
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    os.chmod(tmp, mode & 0o7777)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable; not possible on every platform."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def is_stale_temp(name: str, mtime: float, now: float | None = None) -> bool:
    """Whether a temporary file ``.<name>.<pid>.<hex>.tmp`` was left by a killed run:
    its process is gone from this machine, or it is older than an hour."""
    if (now if now is not None else time.time()) - mtime >= STALE_TEMP_SECONDS:
        return True
    parts = name.split(".")
    if len(parts) < 5 or not parts[-3].isdigit():
        return False  # no process id in the name: only its age tells
    try:
        os.kill(int(parts[-3]), 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError, ValueError):
        return False
    return False


def _remove_stale_temps(target: Path) -> None:
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        with contextlib.suppress(OSError):
            if is_stale_temp(entry.name, entry.stat(follow_symlinks=False).st_mtime, now):
                os.unlink(entry.path)
