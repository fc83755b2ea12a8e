"""What the command line decides beside the report: colour, verbosity, the exit code,
GitHub's step summary. Pure functions of their arguments (and the environment given)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import IntEnum
from pathlib import Path
from typing import TextIO

from checker.records import Report, Severity

COLOR_CHOICES = ("auto", "always", "never")


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
