"""What every command does around the library: read the config, run the pipeline with
progress and notes on stderr, write outputs (never over an input)."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import click

from checker.cli_options import option as _option
from checker.cli_support import ExitCode, default_workers, use_color
from checker.config import Config, ConfigError, load_config
from checker.records import Report
from checker.version import __version__


def fail(message: str) -> None:
    note(message)
    sys.exit(ExitCode.USAGE)


def note(message: str) -> None:
    """A line on stderr; what reports and paths put in it cannot drive the terminal."""
    from checker.render.sanitize import terminal

    click.echo(f"checker: {terminal(message)}", err=True)


def read_config(config_path: Path | None) -> Config:
    try:
        return load_config(config_path)
    except ConfigError as exc:
        fail(str(exc))
        raise AssertionError from exc  # unreachable


def verbose(message: str) -> None:
    """A ``-v`` line on stderr."""
    if _option("verbose", False):
        note(message)


def color(to_file: bool) -> bool:
    return use_color(_option("color", "auto"), sys.stdout, to_file=to_file)


def run(paths: Sequence[Path], config: Config, workers: int | None, quiet: bool) -> Report:
    from checker.cache import default_cache_dir
    from checker.pipeline import check
    from checker.progress import ProgressLine, should_show
    from checker.runner import GC_THRESHOLD, SCHEDULER_VARIABLE, RunnerError

    gc.set_threshold(*GC_THRESHOLD)  # the pool's forked workers inherit it

    use_cache = not _option("no_cache", False)
    cache_dir = _option("cache_dir")
    scheduler = _option("scheduler") or config.scheduler or os.environ.get(SCHEDULER_VARIABLE)
    workers = workers or default_workers()
    verbose(f"version {__version__}; config: {config.source or 'none found, the defaults'}")
    if use_cache:
        verbose(f"cache: {cache_dir or default_cache_dir(list(paths))}")
    else:
        verbose("cache: off (--no-cache)")
    if scheduler:
        verbose(f"scheduler: {scheduler}")
    started = time.monotonic()
    progress = ProgressLine("reading reports", enabled=should_show(sys.stderr, quiet=quiet))
    try:
        report = check(
            list(paths),
            config=config,
            workers=workers,
            progress=progress,
            use_cache=use_cache,
            cache_dir=cache_dir,
            on_note=None if quiet else note,
            scheduler=scheduler or None,
        )
    except RunnerError as exc:
        fail(str(exc))
        raise AssertionError from exc  # unreachable
    except Exception as exc:  # a bug, not the user's input: say so, exit as a usage error
        if os.environ.get("CHECKER_DEBUG"):
            raise
        fail(
            f"internal error ({type(exc).__name__}: {exc}); "
            "run again with CHECKER_DEBUG=1 for the traceback, and please report it"
        )
        raise AssertionError from exc  # unreachable
    finally:
        progress.close()
    for error in report.errors:  # always: --quiet silences progress, not problems
        note(error.describe())
    stories = len({a.story for a in report.articles})
    verbose(
        f"read {len(report.articles)} reports in {stories} stories with {workers} workers, "
        f"{len(report.errors)} input errors; {len(report.claims)} claims, "
        f"{len(report.findings)} findings in {time.monotonic() - started:.1f} s"
    )
    if not report.articles:
        fail("no report could be read from " + ", ".join(str(p) for p in paths))
    return report


def write(output: Path | None, text: str | Iterable[str], *, color: bool | None = None) -> None:
    """Text (or its pieces, written one after the other) to a file or standard output."""
    pieces: Iterable[str] = (text,) if isinstance(text, str) else text
    if output is None or str(output) == "-":
        for piece in pieces:
            click.echo(piece, nl=False, color=color)
        return
    write_bytes(output, (piece.encode("utf-8") for piece in pieces))


def write_bytes(output: Path, data: bytes | Iterable[bytes]) -> None:
    """An output file: a device or FIFO as a stream, a regular file atomically."""
    from checker.atomic import OutputRefused, write_output

    try:
        write_output(output, data)
    except OutputRefused as exc:
        fail(f"cannot write {output}: {exc}")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")


def refuse_overwriting_inputs(
    paths: Sequence[Path], outputs: Sequence[Path | None], *others: Path | None
) -> None:
    """Stop before reading when an output is one of the inputs (a report, a story's
    checker.toml, the config, the baseline): the tool never modifies its inputs."""
    from checker.atomic import OutputRefused, resolve_output
    from checker.corpus.walk import file_identities

    chosen = [o for o in outputs if o is not None and str(o) != "-"]
    if not chosen:
        return
    inputs = file_identities([*paths, *(p for p in others if p is not None)])
    for output in chosen:
        try:
            info = os.stat(resolve_output(output))
        except OutputRefused as exc:
            fail(f"cannot write {output}: {exc}")
            return
        except OSError:
            continue  # not there yet: not an input
        clash = inputs.get((info.st_dev, info.st_ino))
        if clash is not None:
            fail(f"cannot write {output}: it is the input {clash}; choose another output")
