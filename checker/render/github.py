"""``--format github``: GitHub Actions workflow commands (annotations).

One command per finding, on its odd one out (the first outlying claim, else
the first claim; a metadata finding's report), e.g.::

    ::error file=reports/x.md,line=12,col=5,title=contradiction hostages::message

Property values escape ``%``, CR, LF, ``:`` and ``,``; the message escapes
``%``, CR and LF, as the Actions runner expects. Input errors are one
``::error`` each, on their file.

GitHub shows only the first ten errors and ten warnings of a step as
annotations, so :func:`render_step_summary` gives the whole list too: a
Markdown table of every finding and input error, which the CLI appends to
``$GITHUB_STEP_SUMMARY`` (the run's summary page).
"""

from __future__ import annotations

from collections.abc import Mapping

from checker.records import Finding, Report, Severity
from checker.render.options import RenderOptions
from checker.render.sanitize import github_data, markdown_cell
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


def _where(index: Index, finding: Finding) -> str:
    primary, _ = primary_and_related(index, finding)
    position = primary[1] if primary is not None else report_position(index, finding)
    if position is None:
        return ""
    return f"{position.path}:{position.line}"


def render_step_summary(report: Report, options: RenderOptions) -> str:
    """A Markdown section listing every finding (worst first) and every input error."""
    index = Index(report)
    findings = by_severity(report.findings)
    counts = {s: sum(f.severity is s for f in findings) for s in Severity}
    head = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n) or "no findings"
    lines = [f"## checker: {head}", ""]
    if report.errors:
        lines[0] += f"; {len(report.errors)} input error{'s' if len(report.errors) != 1 else ''}"
    if findings:
        lines += [
            "| severity | type | story | slot | where | finding | id |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for f in findings:
            cells = (
                f.severity.value,
                f.type.value,
                f.story,
                f.slot,
                _where(index, f),
                f.message,
                f.id,
            )
            lines.append("| " + " | ".join(markdown_cell(c) for c in cells) + " |")
        lines.append("")
    if report.errors:
        lines += ["| input | problem |", "| --- | --- |"]
        for error in report.errors:
            where = error.path if error.row is None else f"{error.path} row {error.row}"
            lines.append(f"| {markdown_cell(where)} | {markdown_cell(error.message)} |")
        lines.append("")
    summary = options.baseline_summary
    if summary is not None:
        lines.append(
            f"{summary.accepted} findings accepted in the baseline; "
            f"{len(summary.gone)} baseline entries no longer occur."
        )
        lines.append("")
    return "\n".join(lines) + "\n"
