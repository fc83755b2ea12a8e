"""The command line: parse options, call the library, hand the report to a renderer."""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from checker import __version__
from checker.cli_support import (
    COLOR_CHOICES,
    FORMATS_CHOICE,
    ExitCode,
    default_workers,
    exit_code,
    parse_writes,
    use_color,
    write_step_summary,
)
from checker.config import Config, ConfigError, load_config
from checker.records import Report

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["ExitCode", "main"]


def _fail(message: str) -> None:
    _note(message)
    sys.exit(ExitCode.USAGE)


def _note(message: str) -> None:
    """A line on stderr; what reports and paths put in it cannot drive the terminal."""
    from checker.render.sanitize import terminal

    click.echo(f"checker: {terminal(message)}", err=True)


def paths_argument(func: F) -> F:
    return click.argument(
        "paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=False)
    )(func)


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Keep an option for ``_run`` without adding it to every command's signature."""
    if param.name is not None:
        ctx.meta[f"checker.{param.name}"] = value
    return value


def common_options(func: F) -> F:
    """Options every command that reads a corpus takes."""
    options = [
        click.option(
            "--config",
            "config_path",
            type=click.Path(path_type=Path, dir_okay=False, exists=True),
            help="checker.toml or pyproject.toml to read [tool.checker] from (default: the "
            "first checker.toml, or pyproject.toml with [tool.checker], here or above).",
        ),
        click.option(
            "--workers",
            type=click.IntRange(min=1),
            default=None,
            help="Parser processes (default: available cores).",
        ),
        click.option("--quiet", "-q", is_flag=True, help="No progress or notes on stderr."),
        click.option(
            "--verbose",
            "-v",
            is_flag=True,
            expose_value=False,
            callback=_remember,
            help="Say on stderr which config, cache and inputs were used, and how long it took.",
        ),
        click.option(
            "--color",
            type=click.Choice(COLOR_CHOICES),
            default="auto",
            show_default=True,
            expose_value=False,
            callback=_remember,
            help="Colour the terminal output; auto: on a terminal unless NO_COLOR is set.",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(path_type=Path, file_okay=False),
            default=None,
            expose_value=False,
            callback=_remember,
            help="Where extraction results are cached (default: .checker-cache beside the data).",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            expose_value=False,
            callback=_remember,
            help="Neither read nor write the extraction cache.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _load_config(config_path: Path | None) -> Config:
    try:
        return load_config(config_path)
    except ConfigError as exc:
        _fail(str(exc))
        raise AssertionError from exc  # unreachable


# A run allocates hundreds of thousands of small, acyclic records (claims, mentions,
# JSON lines) that reference counting frees; with the default threshold (700) the
# cyclic collector rescans all of them again and again: a third of a warm run.
GC_THRESHOLD = (100_000, 20, 100)


def _option(name: str, default: Any = None) -> Any:
    return click.get_current_context().meta.get(f"checker.{name}", default)


def _verbose(message: str) -> None:
    """A ``-v`` line on stderr."""
    if _option("verbose", False):
        _note(message)


def _color(to_file: bool) -> bool:
    return use_color(_option("color", "auto"), sys.stdout, to_file=to_file)


def _run(paths: Sequence[Path], config: Config, workers: int | None, quiet: bool) -> Report:
    from checker.cache import default_cache_dir
    from checker.pipeline import check
    from checker.progress import ProgressLine, should_show

    gc.set_threshold(*GC_THRESHOLD)

    use_cache = not _option("no_cache", False)
    cache_dir = _option("cache_dir")
    workers = workers or default_workers()
    _verbose(f"version {__version__}; config: {config.source or 'none found, the defaults'}")
    if use_cache:
        _verbose(f"cache: {cache_dir or default_cache_dir(list(paths))}")
    else:
        _verbose("cache: off (--no-cache)")
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
            on_note=None if quiet else _note,
        )
    except Exception as exc:  # a bug, not the user's input: say so, exit as a usage error
        if os.environ.get("CHECKER_DEBUG"):
            raise
        _fail(
            f"internal error ({type(exc).__name__}: {exc}); "
            "run again with CHECKER_DEBUG=1 for the traceback, and please report it"
        )
        raise AssertionError from exc  # unreachable
    finally:
        progress.close()
    for error in report.errors:  # always: --quiet silences progress, not problems
        _note(error.describe())
    stories = len({a.story for a in report.articles})
    _verbose(
        f"read {len(report.articles)} reports in {stories} stories with {workers} workers, "
        f"{len(report.errors)} input errors; {len(report.claims)} claims, "
        f"{len(report.findings)} findings in {time.monotonic() - started:.1f} s"
    )
    if not report.articles:
        _fail("no report could be read from " + ", ".join(str(p) for p in paths))
    return report


def _write(output: Path | None, text: str, *, color: bool | None = None) -> None:
    if output is None or str(output) == "-":
        click.echo(text, nl=False, color=color)
        return
    _write_bytes(output, text.encode("utf-8"))


def _write_bytes(output: Path, data: bytes) -> None:
    """An output file: a device or FIFO as a stream, a regular file atomically."""
    from checker.atomic import OutputRefused, write_output

    try:
        write_output(output, data)
    except OutputRefused as exc:
        _fail(f"cannot write {output}: {exc}")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")


def _refuse_overwriting_inputs(
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
            _fail(f"cannot write {output}: {exc}")
            return
        except OSError:
            continue  # not there yet: not an input
        clash = inputs.get((info.st_dev, info.st_ino))
        if clash is not None:
            _fail(f"cannot write {output}: it is the input {clash}; choose another output")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="checker")
def main() -> None:
    """Check collections of news reports for figures that disagree.

    \b
    Examples:
      checker check reports/                      # terminal summary, exit 1 on errors
      checker check reports/ --format json -o out/report.json
      checker check reports/ --format sarif -o checker.sarif --baseline checker-baseline.json
      checker extract reports/ -o claims.parquet  # the claims table
      checker timeline reports/ --slot hostages   # how one figure moved
      checker report reports/ --html out/report.html
      cat report.md | checker check -             # one report from standard input
    """


@main.command()
@paths_argument
@common_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS_CHOICE),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="Write to FILE."
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default=None,
    help="Exit 1 when a finding reaches this severity (default: error, or fail_on in config).",
)
@click.option(
    "--fail-on-input-error/--no-fail-on-input-error",
    default=None,
    help="Exit 2 when an input cannot be read, even if the rest was checked "
    "(default: on, or fail_on_input_error in config).",
)
@click.option(
    "--excel",
    is_flag=True,
    help="With --format csv: start with a UTF-8 byte order mark, so that Excel reads "
    "the accents right.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Accepted findings (from `checker baseline`): only new findings are reported.",
)
@click.option(
    "--html", "html_path", type=click.Path(path_type=Path, dir_okay=False), help="Also write HTML."
)
@click.option(
    "--write",
    "extra_outputs",
    multiple=True,
    metavar="FORMAT=FILE",
    callback=lambda ctx, param, value: parse_writes(value),
    help="Also write FORMAT to FILE, from the same run (repeatable): "
    "--write sarif=checker.sarif --write junit=junit.xml.",
)
def check(
    paths: tuple[Path, ...],
    config_path: Path | None,
    workers: int | None,
    quiet: bool,
    fmt: str,
    output: Path | None,
    fail_on: str | None,
    fail_on_input_error: bool | None,
    excel: bool,
    baseline_path: Path | None,
    html_path: Path | None,
    extra_outputs: tuple[tuple[str, Path], ...],
) -> None:
    """Check reports for contradictions, stale and revised figures.

    \b
    Exit codes: 0 no finding at --fail-on severity, 1 such findings, 2 usage error,
    an input that could not be read (see --no-fail-on-input-error) or nothing read.
    Examples:
      checker check reports/ seeds/
      checker check reports/ --format github --fail-on warning
      checker check reports/ --format csv --excel -o findings.csv
    """
    from checker.baseline import apply_baseline, load_baseline
    from checker.render import Format, RenderOptions, render

    _refuse_overwriting_inputs(
        paths, [output, html_path, *(p for _, p in extra_outputs)], config_path, baseline_path
    )
    config = _load_config(config_path)
    report = _run(paths, config, workers, quiet)
    baseline_result = None
    if baseline_path is not None:
        try:
            baseline_result = apply_baseline(report, load_baseline(baseline_path))
        except ValueError as exc:
            _fail(f"{baseline_path}: {exc}")
        assert baseline_result is not None
        report = baseline_result.report
    if excel and fmt != "csv":
        _fail("--excel goes with --format csv")
    threshold = fail_on or config.fail_on
    gate_inputs = config.fail_on_input_error if fail_on_input_error is None else fail_on_input_error
    options = RenderOptions(
        color=fmt == "text" and _color(to_file=output is not None and str(output) != "-"),
        fail_on=threshold,
        baseline=baseline_result,
        tool_version=__version__,
        excel=excel,
        base_dir=Path.cwd(),
    )
    _write(output, render(report, Format(fmt), options), color=options.color)
    plain = replace(options, color=False)
    for extra_fmt, extra_path in extra_outputs:
        _write(extra_path, render(report, Format(extra_fmt), plain))
    if fmt == "github":
        write_step_summary(report, options)
    if html_path is not None:
        _write_html(report, html_path, None)
    if report.errors and not gate_inputs:
        _verbose(
            f"{len(report.errors)} input errors do not fail the run (--no-fail-on-input-error)"
        )
    sys.exit(exit_code(report, threshold, gate_inputs))


def _write_html(report: Report, path: Path, previous_path: Path | None) -> None:
    from checker.render.diff import previous_problem
    from checker.render.html import render_html

    previous = None
    if previous_path is not None:
        try:
            previous = json.loads(previous_path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError) as exc:
            _fail(f"{previous_path}: not a checker JSON report ({exc})")
        problem = previous_problem(previous)
        if problem is not None:
            _fail(f"{previous_path}: not a checker JSON report ({problem})")
    html = render_html(report, previous=previous, tool_version=__version__)
    if str(path) == "-":
        click.echo(html, nl=False)
        return
    _write_bytes(path, html.encode("utf-8"))


@main.command()
@paths_argument
@common_options
@click.option(
    "--html",
    "html_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("out/report.html"),
    show_default=True,
    help="Where to write the HTML report.",
)
@click.option(
    "--previous",
    "previous_path",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="A JSON report of an earlier run: mark findings new, changed, resolved or unchanged.",
)
def report(
    paths: tuple[Path, ...],
    config_path: Path | None,
    workers: int | None,
    quiet: bool,
    html_path: Path,
    previous_path: Path | None,
) -> None:
    """Write the HTML report an editor reads in a browser.

    \b
    Example:
      checker report reports/ --html out/report.html --previous out/last.json
    """
    _refuse_overwriting_inputs(paths, [html_path], config_path, previous_path)
    config = _load_config(config_path)
    result = _run(paths, config, workers, quiet)
    _write_html(result, html_path, previous_path)
    if not quiet:
        click.echo(f"wrote {html_path}", err=True)


@main.command()
@paths_argument
@common_options
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="claims.parquet, claims.csv or claims.jsonl (format from the extension).",
)
@click.option(
    "--excel",
    is_flag=True,
    help="With a .csv table: start with a UTF-8 byte order mark, for Excel.",
)
def extract(
    paths: tuple[Path, ...],
    config_path: Path | None,
    workers: int | None,
    quiet: bool,
    output: Path,
    excel: bool,
) -> None:
    """Write the table of every claim found.

    \b
    Example:
      checker extract reports/ -o claims.parquet
    """
    from checker.atomic import OutputRefused
    from checker.render.claims_io import write_claims

    _refuse_overwriting_inputs(paths, [output], config_path)
    config = _load_config(config_path)
    result = _run(paths, config, workers, quiet)
    try:
        write_claims(result.claims, output, excel=excel)
    except OutputRefused as exc:
        _fail(f"cannot write {output}: {exc}")
    except ValueError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    if not quiet:
        click.echo(f"wrote {len(result.claims)} claims to {output}", err=True)


@main.command()
@paths_argument
@common_options
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("checker-baseline.json"),
    show_default=True,
    help="Where to write the baseline.",
)
@click.option("--reason", default=None, help="Why these findings are accepted (stored with each).")
def baseline(
    paths: tuple[Path, ...],
    config_path: Path | None,
    workers: int | None,
    quiet: bool,
    output: Path,
    reason: str | None,
) -> None:
    """Record the current findings as accepted, for `check --baseline`.

    \b
    Example:
      checker baseline reports/ -o checker-baseline.json --reason "reviewed 2026-11"
    """
    from checker.baseline import baseline_from_report, dump_baseline

    _refuse_overwriting_inputs(paths, [output], config_path)
    config = _load_config(config_path)
    result = _run(paths, config, workers, quiet)
    _write(output, dump_baseline(baseline_from_report(result, reason=reason)))
    if not quiet:
        click.echo(f"wrote {len(result.findings)} accepted findings to {output}", err=True)


@main.command()
@paths_argument
@common_options
@click.option("--slot", "slots", multiple=True, help="Only these slots (repeatable).")
@click.option("--story", "stories", multiple=True, help="Only these stories (repeatable).")
def timeline(
    paths: tuple[Path, ...],
    config_path: Path | None,
    workers: int | None,
    quiet: bool,
    slots: tuple[str, ...],
    stories: tuple[str, ...],
) -> None:
    """Print how each figure moved over time, as a table.

    \b
    Example:
      checker timeline reports/ --slot hostages --slot hostages.released
    """
    from checker.render.text import render_timelines

    config = _load_config(config_path)
    result = _run(paths, config, workers, quiet)
    chosen = [
        t
        for t in result.timelines
        if (not slots or t.slot in slots) and (not stories or t.story in stories)
    ]
    if not chosen:
        _fail("no timeline matches " + ", ".join([*slots, *stories]))
    color = _color(to_file=False)
    click.echo(render_timelines(result, chosen, color=color), nl=False, color=color)
