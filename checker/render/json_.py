"""``--format json``: the JSON report (``schemas/report.schema.json``)."""

from __future__ import annotations

from checker.records import Report
from checker.render.options import RenderOptions
from checker.render.serialize import dumps, report_to_dict


def render_json(report: Report, options: RenderOptions) -> str:
    return dumps(report_to_dict(report, baseline=options.baseline_summary))
