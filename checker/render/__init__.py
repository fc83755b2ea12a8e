"""Output formats: one module per format behind one signature.

``RENDERERS`` maps every :class:`Format` to a function
``(Report, RenderOptions) -> str``; a test checks that it covers the enum.
HTML lives in ``checker.render.html`` (it writes a page, not a stream).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from enum import StrEnum
from types import MappingProxyType

from checker.records import Report
from checker.render.csv_ import render_csv
from checker.render.github import render_github
from checker.render.gitlab import render_gitlab
from checker.render.json_ import render_json
from checker.render.junit import render_junit
from checker.render.options import RenderOptions
from checker.render.sarif import render_sarif
from checker.render.serialize import report_json_pieces
from checker.render.text import render_text

__all__ = ["RENDERERS", "Format", "RenderOptions", "Renderer", "render", "render_pieces"]


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    CSV = "csv"
    SARIF = "sarif"
    GITHUB = "github"
    GITLAB = "gitlab"
    JUNIT = "junit"


Renderer = Callable[[Report, RenderOptions], str]

RENDERERS: Mapping[Format, Renderer] = MappingProxyType(
    {
        Format.TEXT: render_text,
        Format.JSON: render_json,
        Format.CSV: render_csv,
        Format.SARIF: render_sarif,
        Format.GITHUB: render_github,
        Format.GITLAB: render_gitlab,
        Format.JUNIT: render_junit,
    }
)


def render(report: Report, fmt: Format | str, options: RenderOptions | None = None) -> str:
    """Render ``report`` in ``fmt`` (a :class:`Format` or its name)."""
    return RENDERERS[Format(fmt)](report, options or RenderOptions())


def render_pieces(
    report: Report, fmt: Format | str, options: RenderOptions | None = None
) -> Iterator[str]:
    """:func:`render`'s text in pieces, for writing a large report without holding
    it whole: the JSON report is encoded as it is written; the others, which hold
    findings rather than every claim, come in one piece."""
    options = options or RenderOptions()
    if Format(fmt) is Format.JSON:
        return report_json_pieces(report, baseline=options.baseline_summary)
    return iter((render(report, fmt, options),))
