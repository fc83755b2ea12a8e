"""``--format json``: the JSON report (``schemas/report.schema.json``)."""

from __future__ import annotations

from checker.records import Report
from checker.render.options import RenderOptions
from checker.render.serialize import report_json


def render_json(report: Report, options: RenderOptions) -> str:
    return report_json(report, baseline=options.baseline_summary)
