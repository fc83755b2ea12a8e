"""The command line: parse options, call the library, hand the report to a renderer."""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path
from typing import Any, TypeVar

import click

from checker import __version__
from checker.config import Config, ConfigError, load_config
from checker.records import Report, Severity

F = TypeVar("F", bound=Callable[..., Any])


class ExitCode(IntEnum):
    """Exit codes, part of the CI contract."""

    OK = 0
    FINDINGS = 1  # findings at or above --fail-on
    USAGE = 2  # bad options, unreadable config, or no input could be read


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
            help="checker.toml or pyproject.toml to read [tool.checker] from "
            "(default: ./checker.toml, else ./pyproject.toml).",
        ),
        click.option(
            "--workers",
            type=click.IntRange(min=1),
            default=None,
            help="Parser processes (default: available cores).",
        ),
        click.option("--quiet", "-q", is_flag=True, help="No progress or notes on stderr."),
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


def _default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# A run allocates hundreds of thousands of small, acyclic records (claims, mentions,
# JSON lines) that reference counting frees; with the default threshold (700) the
# cyclic collector rescans all of them again and again: a third of a warm run.
GC_THRESHOLD = (100_000, 20, 100)


def _run(paths: Sequence[Path], config: Config, workers: int | None, quiet: bool) -> Report:
    from checker.pipeline import check
    from checker.progress import ProgressLine, should_show

    gc.set_threshold(*GC_THRESHOLD)

    meta = click.get_current_context().meta
    progress = ProgressLine("reading reports", enabled=should_show(sys.stderr, quiet=quiet))
    try:
        report = check(
            list(paths),
            config=config,
            workers=workers or _default_workers(),
            progress=progress,
            use_cache=not meta.get("checker.no_cache", False),
            cache_dir=meta.get("checker.cache_dir"),
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
    if not report.articles:
        _fail("no report could be read from " + ", ".join(str(p) for p in paths))
    return report


def _write(output: Path | None, text: str) -> None:
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
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


def _exit_code(report: Report, fail_on: str) -> ExitCode:
    if fail_on == "never":
        return ExitCode.OK
    threshold = Severity(fail_on).rank
    if any(f.severity.rank >= threshold for f in report.findings):
        return ExitCode.FINDINGS
    return ExitCode.OK


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
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
    """


@main.command()
@paths_argument
@common_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "github", "junit", "csv"]),
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
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Accepted findings (from `checker baseline`): only new findings are reported.",
)
@click.option(
    "--html", "html_path", type=click.Path(path_type=Path, dir_okay=False), help="Also write HTML."
)
def check(
    paths: tuple[Path, ...],
    config_path: Path | None,
    workers: int | None,
    quiet: bool,
    fmt: str,
    output: Path | None,
    fail_on: str | None,
    baseline_path: Path | None,
    html_path: Path | None,
) -> None:
    """Check reports for contradictions, stale and revised figures.

    \b
    Exit codes: 0 no finding at --fail-on severity, 1 such findings, 2 usage or input error.
    Examples:
      checker check reports/ seeds/
      checker check reports/ --format github --fail-on warning
    """
    from checker.baseline import apply_baseline, load_baseline
    from checker.render import Format, RenderOptions, render

    _refuse_overwriting_inputs(paths, [output, html_path], config_path, baseline_path)
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
    threshold = fail_on or config.fail_on
    options = RenderOptions(
        color=(output is None or str(output) == "-") and fmt == "text" and sys.stdout.isatty(),
        fail_on=threshold,
        baseline=baseline_result,
        tool_version=__version__,
    )
    _write(output, render(report, Format(fmt), options))
    if html_path is not None:
        _write_html(report, html_path, None)
    sys.exit(_exit_code(report, threshold))


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
def extract(
    paths: tuple[Path, ...],
    config_path: Path | None,
    workers: int | None,
    quiet: bool,
    output: Path,
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
        write_claims(result.claims, output)
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
    click.echo(render_timelines(result, chosen), nl=False)
