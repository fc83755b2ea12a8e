"""What the command line decides beside the report: the exit code, colour, workers,
``--write`` outputs and GitHub's step summary."""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from checker.records import Report, Severity

if TYPE_CHECKING:
    from checker.render.options import RenderOptions

COLOR_CHOICES = ("auto", "always", "never")
# Every --format (a test checks this against checker.render.Format).
FORMATS_CHOICE = ("text", "json", "sarif", "github", "gitlab", "junit", "csv")


class ExitCode(IntEnum):
    """Exit codes, part of the CI contract (the README's table)."""

    OK = 0
    FINDINGS = 1  # findings at or above --fail-on
    USAGE = 2  # bad options or config, input that could not be read, nothing read at all


def default_workers() -> int:
    """The available cores (those this process may run on)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def use_color(
    choice: str, stream: TextIO, *, to_file: bool, environ: Mapping[str, str] | None = None
) -> bool:
    """``--color`` for ``stream`` (never for a file written with ``-o``): ``always`` and
    ``never`` say it; ``auto`` colours a terminal unless
    ``NO_COLOR`` is set (to anything but empty, https://no-color.org) or ``TERM=dumb``,
    and forces colour where ``FORCE_COLOR`` is set."""
    if choice == "never" or to_file:
        return False  # a file written with -o is data, never coloured
    if choice == "always":
        return True
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):
        return False


def exit_code(report: Report, fail_on: str, fail_on_input_error: bool) -> ExitCode:
    """2 when an input could not be read (unless relaxed), else 1 when a finding
    reaches ``fail_on``, else 0."""
    if fail_on_input_error and report.errors:
        return ExitCode.USAGE
    if fail_on == "never":
        return ExitCode.OK
    threshold = Severity(fail_on).rank
    if any(f.severity.rank >= threshold for f in report.findings):
        return ExitCode.FINDINGS
    return ExitCode.OK


def step_summary_path(environ: Mapping[str, str] | None = None) -> Path | None:
    """The file GitHub Actions shows as the step's summary, when running there."""
    env = os.environ if environ is None else environ
    value = env.get("GITHUB_STEP_SUMMARY")
    return Path(value) if value else None


def append_text(path: Path, text: str) -> None:
    """Append to a file another program owns (the runner's step summary)."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def parse_writes(values: tuple[str, ...]) -> tuple[tuple[str, Path], ...]:
    """``--write FORMAT=FILE`` values, checked."""
    out = []
    for value in values:
        fmt, sep, path = value.partition("=")
        if not sep or not path:
            raise click.BadParameter(f"{value!r} is not FORMAT=FILE", param_hint="--write")
        if fmt not in FORMATS_CHOICE:
            raise click.BadParameter(
                f"{fmt!r} is not one of {', '.join(FORMATS_CHOICE)}", param_hint="--write"
            )
        out.append((fmt, Path(path)))
    return tuple(out)


def write_step_summary(report: Report, options: RenderOptions) -> None:
    """On GitHub Actions, the step summary gets a table of every finding."""
    from checker.render.github import render_step_summary

    path = step_summary_path()
    if path is None:
        return
    try:
        append_text(path, render_step_summary(report, options))
    except OSError as exc:
        click.echo(f"checker: cannot write the step summary {path}: {exc}", err=True)
