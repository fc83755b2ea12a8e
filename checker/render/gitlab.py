"""``--format gitlab``: GitLab Code Quality (``artifacts:reports:codequality``).

A JSON array with one issue per finding, on its odd one out (as SARIF's
location and GitHub's annotation), and one ``blocker`` issue per input that
could not be read. ``fingerprint`` is the stable finding id, so GitLab's
merge-request widget tells new findings from old ones. Paths are relative to
the directory checker ran in (the repository root in a CI job); an absolute
input path under it is made relative. Described by
``schemas/gitlab-codequality.schema.json``.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from checker.records import InputError, Report, Severity
from checker.render.options import RenderOptions
from checker.render.serialize import Index, by_severity, primary_and_related, report_position

SEVERITIES: Mapping[Severity, str] = {
    Severity.ERROR: "critical",
    Severity.WARNING: "major",
    Severity.INFO: "info",
}
INPUT_ERROR = "input-error"


def relative_path(path: str, base_dir: Path | None) -> str:
    """``path`` as GitLab wants it: relative to the project root where it can be."""
    if base_dir is not None and os.path.isabs(path):
        try:
            relative = os.path.relpath(path, base_dir)
        except ValueError:  # another drive
            return path
        if not relative.startswith(".."):
            return Path(relative).as_posix()
    return PurePosixPath(path.replace("\\", "/")).as_posix()


def _error_issue(error: InputError, base_dir: Path | None) -> dict[str, Any]:
    path = relative_path(error.path, base_dir)
    digest = hashlib.sha256(f"{INPUT_ERROR}\0{path}\0{error.row}\0{error.message}".encode())
    return {
        "description": error.describe(),
        "check_name": INPUT_ERROR,
        "fingerprint": digest.hexdigest()[:32],
        "severity": "blocker",
        "categories": ["Bug Risk"],
        "location": {"path": path, "lines": {"begin": 1}},
    }


def render_gitlab(report: Report, options: RenderOptions) -> str:
    index = Index(report)
    base = options.base_dir
    issues: list[dict[str, Any]] = []
    for finding in by_severity(report.findings):
        primary, _ = primary_and_related(index, finding)
        position = primary[1] if primary is not None else report_position(index, finding)
        if position is not None:
            path, line = relative_path(position.path, base), position.line
        else:  # a finding with nothing located: its first outlying report's id
            path, line = (finding.outlier_reports or (finding.story,))[0], 1
        issues.append(
            {
                "description": finding.message,
                "check_name": f"{finding.type.value}/{finding.slot}",
                "fingerprint": finding.id,
                "severity": SEVERITIES[finding.severity],
                "categories": ["Bug Risk"],
                "location": {"path": path, "lines": {"begin": line}},
            }
        )
    issues += [_error_issue(e, base) for e in report.errors]
    if not issues:
        return "[]\n"
    lines = ",\n".join("  " + json.dumps(i, ensure_ascii=False, allow_nan=False) for i in issues)
    return "[\n" + lines + "\n]\n"
