"""The command line: parse options, call the library, hand the report to a renderer.

The shared options are in :mod:`checker.cli_options`; what every command does
around the library (config, running, writing outputs) in :mod:`checker.cli_run`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import click

from checker.cli_options import common_options, paths_argument
from checker.cli_run import (
    color,
    fail,
    read_config,
    refuse_overwriting_inputs,
    run,
    verbose,
    write,
    write_bytes,
)
from checker.cli_support import (
    FORMATS_CHOICE,
    ExitCode,
    exit_code,
    parse_writes,
    write_step_summary,
)
from checker.records import Report
from checker.version import __version__

__all__ = ["ExitCode", "main"]


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
    from checker.render import Format, RenderOptions, render_pieces

    refuse_overwriting_inputs(
        paths, [output, html_path, *(p for _, p in extra_outputs)], config_path, baseline_path
    )
    config = read_config(config_path)
    report = run(paths, config, workers, quiet)
    baseline_result = None
    if baseline_path is not None:
        try:
            baseline_result = apply_baseline(report, load_baseline(baseline_path))
        except ValueError as exc:
            fail(f"{baseline_path}: {exc}")
        assert baseline_result is not None
        report = baseline_result.report
    if excel and fmt != "csv":
        fail("--excel goes with --format csv")
    threshold = fail_on or config.fail_on
    gate_inputs = config.fail_on_input_error if fail_on_input_error is None else fail_on_input_error
    options = RenderOptions(
        color=fmt == "text" and color(to_file=output is not None and str(output) != "-"),
        fail_on=threshold,
        baseline=baseline_result,
        tool_version=__version__,
        excel=excel,
        base_dir=Path.cwd(),
    )
    write(output, render_pieces(report, Format(fmt), options), color=options.color)
    plain = replace(options, color=False)
    for extra_fmt, extra_path in extra_outputs:
        write(extra_path, render_pieces(report, Format(extra_fmt), plain))
    if fmt == "github":
        write_step_summary(report, options)
    if html_path is not None:
        _write_html(report, html_path, None)
    if report.errors and not gate_inputs:
        verbose(f"{len(report.errors)} input errors do not fail the run (--no-fail-on-input-error)")
    sys.exit(exit_code(report, threshold, gate_inputs))


def _write_html(report: Report, path: Path, previous_path: Path | None) -> None:
    from checker.render.diff import previous_problem
    from checker.render.html import render_html

    previous = None
    if previous_path is not None:
        try:
            previous = json.loads(previous_path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError) as exc:
            fail(f"{previous_path}: not a checker JSON report ({exc})")
        problem = previous_problem(previous)
        if problem is not None:
            fail(f"{previous_path}: not a checker JSON report ({problem})")
    html = render_html(report, previous=previous, tool_version=__version__)
    if str(path) == "-":
        click.echo(html, nl=False)
        return
    write_bytes(path, html.encode("utf-8"))


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
    refuse_overwriting_inputs(paths, [html_path], config_path, previous_path)
    config = read_config(config_path)
    result = run(paths, config, workers, quiet)
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

    refuse_overwriting_inputs(paths, [output], config_path)
    config = read_config(config_path)
    result = run(paths, config, workers, quiet)
    try:
        write_claims(result.claims, output, excel=excel)
    except OutputRefused as exc:
        fail(f"cannot write {output}: {exc}")
    except ValueError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
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

    refuse_overwriting_inputs(paths, [output], config_path)
    config = read_config(config_path)
    result = run(paths, config, workers, quiet)
    write(output, dump_baseline(baseline_from_report(result, reason=reason)))
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

    config = read_config(config_path)
    result = run(paths, config, workers, quiet)
    chosen = [
        t
        for t in result.timelines
        if (not slots or t.slot in slots) and (not stories or t.story in stories)
    ]
    if not chosen:
        fail("no timeline matches " + ", ".join([*slots, *stories]))
    colored = color(to_file=False)
    click.echo(render_timelines(result, chosen, color=colored), nl=False, color=colored)
