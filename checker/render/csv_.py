"""``--format csv``: one row per finding (``schemas/findings-csv.schema.json``).

A cell a spreadsheet would read as a formula starts with an apostrophe (OWASP).
``--excel`` puts a UTF-8 byte order mark first: Excel on Windows takes a CSV
without one for the local code page and garbles every accented name.
"""

from __future__ import annotations

import csv
import io

from checker.records import Report
from checker.render.options import RenderOptions
from checker.render.sanitize import csv_cell
from checker.render.serialize import Index

BOM = "\ufeff"

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
    return (BOM if options.excel else "") + buffer.getvalue()
