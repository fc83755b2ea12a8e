"""``--format csv``: one row per finding (``schemas/findings-csv.schema.json``); a
cell a spreadsheet would read as a formula starts with an apostrophe (OWASP)."""

from __future__ import annotations

import csv
import io

from checker.records import Report
from checker.render.options import RenderOptions
from checker.render.sanitize import csv_cell
from checker.render.serialize import Index

COLUMNS = (
    "id",
    "type",
    "severity",
    "story",
    "slot",
    "claim_ids",
    "message",
    "articles",
    "outlier_reports",
)


def render_csv(report: Report, options: RenderOptions) -> str:
    index = Index(report)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for finding in report.findings:
        row = (
            finding.id,
            finding.type.value,
            finding.severity.value,
            finding.story,
            finding.slot,
            ";".join(finding.claim_ids),
            finding.message,
            ";".join(index.article_ids(finding.claim_ids)),
            ";".join(finding.outlier_reports),
        )
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()
