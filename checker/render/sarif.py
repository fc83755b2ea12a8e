"""``--format sarif``: SARIF 2.1.0 for code-scanning tools.

One run; the driver has one rule per finding type, and each finding becomes
one result whose location is the odd one out (its first outlying claim, else
its first claim; a metadata finding's report) and whose other evidence is in
``relatedLocations``. ``partialFingerprints`` carries the stable finding id.

Paths are relative URIs against the ``%SRCROOT%`` base (``originalUriBaseIds``:
the directory checker ran in, left without an absolute URI so that the file is
the same bytes on every machine; GitHub code scanning takes it for the
repository root). An absolute input path under ``RenderOptions.base_dir`` is
made relative; one outside it stays a ``file://`` URI. Inputs that could not
be read are ``toolExecutionNotifications`` of the run's invocation, which is
then not ``executionSuccessful``. Validated in the tests against the OASIS
schema vendored in ``schemas/vendor/``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from checker.records import Finding, FindingType, InputError, Report, Severity
from checker.render.options import RenderOptions
from checker.render.serialize import (
    Index,
    Position,
    by_severity,
    dumps,
    primary_and_related,
    report_position,
)

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
FINGERPRINT = "checkerFindingId/v1"
SRCROOT = "%SRCROOT%"
INPUT_ERROR = "input-error"

LEVELS: Mapping[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}

# The usual severity of each type, for a rule's default level; a finding's own
# severity (which the config may change) is what its result carries.
DEFAULT_SEVERITY: Mapping[FindingType, Severity] = {
    FindingType.CONTRADICTION: Severity.ERROR,
    FindingType.STALE: Severity.WARNING,
    FindingType.REVISION: Severity.INFO,
    FindingType.REGRESSION: Severity.WARNING,
    FindingType.SPELLING: Severity.WARNING,
    FindingType.METADATA: Severity.WARNING,
}

DESCRIPTIONS: Mapping[FindingType, tuple[str, str]] = {
    FindingType.CONTRADICTION: (
        "Reports disagree about the same figure",
        "Two or more reports give figures for the same story and slot that cannot both be "
        "true: a fixed fact stated differently, or a level or tally stated differently "
        "for the same time.",
    ),
    FindingType.STALE: (
        "A report repeats a figure that was already corrected",
        "The reports converged on a corrected figure, but a later report still prints the old one.",
    ),
    FindingType.REVISION: (
        "An early figure was later revised",
        "An earlier report's figure was superseded by the figure later reports agree on.",
    ),
    FindingType.REGRESSION: (
        "A running total went down",
        "A tally that can only rise (dead, injured, released so far) is lower in a later "
        "report that does not say it corrects the earlier figure.",
    ),
    FindingType.SPELLING: (
        "A name is spelled differently",
        "The same person, group or place is spelled in different ways across reports.",
    ),
    FindingType.METADATA: (
        "A problem with a report's metadata",
        "A report's publication date or other metadata is missing, unreliable or "
        "inconsistent with its text.",
    ),
}


def artifact_uri(path: str) -> str:
    """A relative POSIX path as a URI reference; an absolute path as a file URI."""
    if PureWindowsPath(path).drive:
        return PureWindowsPath(path).as_uri()
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return posix.as_uri()
    return quote(posix.as_posix(), safe="/")


def artifact_location(path: str, base_dir: Path | None = None) -> dict[str, Any]:
    """A relative path against ``%SRCROOT%``; an absolute one under ``base_dir``
    made relative to it; any other absolute path as a file URI."""
    if base_dir is not None and (PurePosixPath(path).is_absolute() or PureWindowsPath(path).drive):
        try:
            relative = os.path.relpath(path, base_dir)
        except ValueError:  # another drive
            relative = ""
        if relative and not relative.startswith(".."):
            path = Path(relative).as_posix()
    uri = artifact_uri(path)
    if uri.startswith("file:"):
        return {"uri": uri}
    return {"uri": uri, "uriBaseId": SRCROOT}


def _rule(kind: FindingType) -> dict[str, Any]:
    short, full = DESCRIPTIONS[kind]
    return {
        "id": kind.value,
        "name": kind.value.capitalize(),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": LEVELS[DEFAULT_SEVERITY[kind]]},
    }


def _location(position: Position, snippet: str, base_dir: Path | None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": position.line}
    if position.column is not None:
        region["startColumn"] = position.column
    if position.end_line is not None and position.end_column is not None:
        region["endLine"] = position.end_line
        region["endColumn"] = position.end_column  # exclusive, as SARIF counts it
    region["snippet"] = {"text": snippet}
    return {
        "physicalLocation": {
            "artifactLocation": artifact_location(position.path, base_dir),
            "region": region,
        }
    }


def _article_location(
    index: Index, finding: Finding, base_dir: Path | None
) -> list[dict[str, Any]]:
    """A finding without located claims (metadata) points at its report's first line."""
    position = report_position(index, finding)
    return [] if position is None else [_location(position, "", base_dir)]


def _notification(error: InputError, base_dir: Path | None) -> dict[str, Any]:
    """An input that could not be read (or one row of it), as SARIF tells a tool's trouble."""
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": error.describe()},
        "descriptor": {"id": INPUT_ERROR},
        "locations": [
            {"physicalLocation": {"artifactLocation": artifact_location(error.path, base_dir)}}
        ],
    }
    if error.row is not None:
        notification["properties"] = {"row": error.row}
    return notification


def render_sarif(report: Report, options: RenderOptions) -> str:
    index = Index(report)
    base = options.base_dir
    rule_index = {kind: i for i, kind in enumerate(FindingType)}
    results: list[dict[str, Any]] = []
    for finding in by_severity(report.findings):
        primary, related = primary_and_related(index, finding)
        if primary is not None:
            locations = [_location(primary[1], primary[0].quote, base)]
        else:
            locations = _article_location(index, finding, base)
        result: dict[str, Any] = {
            "ruleId": finding.type.value,
            "ruleIndex": rule_index[finding.type],
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": locations,
            "partialFingerprints": {FINGERPRINT: finding.id},
            "properties": {
                "story": finding.story,
                "slot": finding.slot,
                "claimIds": list(finding.claim_ids),
                "outliers": list(finding.outliers),
                "outlierReports": list(finding.outlier_reports),
            },
        }
        if related:
            result["relatedLocations"] = [
                {"id": k, **_location(position, claim.quote, base)}
                for k, (claim, position) in enumerate(related, start=1)
            ]
        if options.baseline_summary is not None:
            result["baselineState"] = "new"
        results.append(result)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "checker",
                "version": options.tool_version,
                "rules": [_rule(kind) for kind in FindingType],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": [_notification(e, base) for e in report.errors],
            }
        ],
        "originalUriBaseIds": {
            SRCROOT: {"description": {"text": "The directory checker was run in."}}
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    doc = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return dumps(doc)
