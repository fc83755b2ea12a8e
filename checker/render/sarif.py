"""``--format sarif``: SARIF 2.1.0 for code-scanning tools.

One run; the driver has one rule per finding type, and each finding becomes
one result whose location is the odd one out (its first outlying claim, else
its first claim; a metadata finding's report) and whose other evidence is in
``relatedLocations``. ``partialFingerprints`` carries the stable finding id. Validated in the
tests against the OASIS schema vendored in ``schemas/vendor/``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from checker.records import Finding, FindingType, Report, Severity
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


def _rule(kind: FindingType) -> dict[str, Any]:
    short, full = DESCRIPTIONS[kind]
    return {
        "id": kind.value,
        "name": kind.value.capitalize(),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": LEVELS[DEFAULT_SEVERITY[kind]]},
    }


def _location(position: Position, snippet: str) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": position.line}
    if position.column is not None:
        region["startColumn"] = position.column
    if position.end_line is not None and position.end_column is not None:
        region["endLine"] = position.end_line
        region["endColumn"] = position.end_column  # exclusive, as SARIF counts it
    region["snippet"] = {"text": snippet}
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(position.path)},
            "region": region,
        }
    }


def _article_location(index: Index, finding: Finding) -> list[dict[str, Any]]:
    """A finding without located claims (metadata) points at its report's first line."""
    position = report_position(index, finding)
    return [] if position is None else [_location(position, "")]


def render_sarif(report: Report, options: RenderOptions) -> str:
    index = Index(report)
    rule_index = {kind: i for i, kind in enumerate(FindingType)}
    results: list[dict[str, Any]] = []
    for finding in by_severity(report.findings):
        primary, related = primary_and_related(index, finding)
        if primary is not None:
            locations = [_location(primary[1], primary[0].quote)]
        else:
            locations = _article_location(index, finding)
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
                {"id": k, **_location(position, claim.quote)}
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
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    doc = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return dumps(doc)
