"""``--format github``: GitHub Actions workflow commands (annotations).

One command per finding, on its odd one out (the first outlying claim, else
the first claim; a metadata finding's report), e.g.::

    ::error file=reports/x.md,line=12,col=5,title=contradiction hostages::message

Property values escape ``%``, CR, LF, ``:`` and ``,``; the message escapes
``%``, CR and LF, as the Actions runner expects.
"""

from __future__ import annotations

from collections.abc import Mapping

from checker.records import Report, Severity
from checker.render.options import RenderOptions
from checker.render.sanitize import github_data
from checker.render.serialize import (
    Index,
    Position,
    by_severity,
    primary_and_related,
    report_position,
)

COMMANDS: Mapping[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def escape_data(text: str) -> str:
    """``%``, CR, LF encoded; other controls and bidi characters made spaces."""
    return github_data(text)


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, properties: Mapping[str, str | int]) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    head = f"::{name} {props}" if props else f"::{name}"
    return f"{head}::{escape_data(message)}"


def _properties(position: Position | None, title: str) -> dict[str, str | int]:
    props: dict[str, str | int] = {}
    if position is not None:
        props["file"] = position.path
        props["line"] = position.line
        if position.column is not None:
            props["col"] = position.column
        if position.end_line is not None and position.end_line != position.line:
            props["endLine"] = position.end_line
    props["title"] = title
    return props


def render_github(report: Report, options: RenderOptions) -> str:
    index = Index(report)
    lines: list[str] = []
    for finding in by_severity(report.findings):
        name = COMMANDS[finding.severity]
        title = f"{finding.type.value} {finding.slot}"
        primary, _ = primary_and_related(index, finding)
        position = primary[1] if primary is not None else report_position(index, finding)
        lines.append(command(name, finding.message, _properties(position, title)))
    for error in report.errors:
        props: dict[str, str | int] = {"file": error.path, "title": "input error"}
        lines.append(command("error", error.describe(), props))
    summary = options.baseline_summary
    if summary is not None and summary.gone:
        ids = ", ".join(e.finding_id for e in summary.gone)
        n = len(summary.gone)
        noun = "entry no longer occurs" if n == 1 else "entries no longer occur"
        lines.append(command("notice", f"{n} baseline {noun}: {ids}", {"title": "baseline"}))
    return "".join(line + "\n" for line in lines)
