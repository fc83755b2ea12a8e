"""Options every renderer takes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.baseline import BaselineResult, BaselineSummary
from checker.version import __version__

FAIL_ON = ("error", "warning", "never")


@dataclass(frozen=True)
class RenderOptions:
    """``color``: ANSI colour in the text format (the CLI sets it for terminals).

    ``fail_on``: the lowest severity that fails a build (error, warning or never);
    JUnit reports findings at or above it as failures.
    ``baseline``: set when findings were filtered against a baseline (the
    :class:`BaselineResult` or its summary), so that outputs can say how many
    were accepted and which entries no longer occur.
    ``tool_version``: written into SARIF's tool driver.
    ``excel``: the CSV starts with a UTF-8 byte order mark (Excel on Windows reads
    UTF-8 only with one).
    ``base_dir``: the folder relative input paths are relative to (the CLI's working
    directory); SARIF names it as the ``SRCROOT`` base of its URIs and makes
    absolute paths under it relative.
    """

    color: bool = False
    fail_on: str = "error"
    baseline: BaselineSummary | BaselineResult | None = None
    tool_version: str = __version__
    excel: bool = False
    base_dir: Path | None = None

    def __post_init__(self) -> None:
        if self.fail_on not in FAIL_ON:
            raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {self.fail_on!r}")

    @property
    def baseline_summary(self) -> BaselineSummary | None:
        if isinstance(self.baseline, BaselineResult):
            return self.baseline.summary
        return self.baseline
