"""The HTML report an editor reads: one self-contained, offline, inert file.

Layout: a triage table of every finding (the odd one out against the
majority, new first in a diff), then per story its finding cards (the odd
one out's evidence first), a timeline chart and table per figure, and every
report with its claims highlighted. Filters are progressive enhancement (a
small inline script, allowed by a sha256 hash in the page's
Content-Security-Policy) and live in the URL's hash.

Safety: Jinja2 autoescapes everything; the only ``Markup`` values reach the
template from this package and ``svg.py``, which build them by escaping each
piece of data. All report text is first passed through :func:`clean_text`
(lone surrogates -> U+FFFD, control characters -> visible control pictures),
so the page always encodes as UTF-8 and shows what the input held.
"""

from checker.render.html.findings import highlight_sentence
from checker.render.html.page import TEMPLATES, csp_hash, render_html
from checker.render.html.text import (
    anchor_part,
    claim_anchor,
    clean_text,
    finding_anchor,
    report_anchor,
    safe_url,
    slot_anchor,
    story_anchor,
)

__all__ = [
    "TEMPLATES",
    "anchor_part",
    "claim_anchor",
    "clean_text",
    "csp_hash",
    "finding_anchor",
    "highlight_sentence",
    "render_html",
    "report_anchor",
    "safe_url",
    "slot_anchor",
    "story_anchor",
]
