"""The HTML report's pure parts: units, names, the time axis, packing, triage rows."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

from checker.records import Finding, FindingType, Report, Severity
from checker.render.diff import diff_against_previous
from checker.render.html.context import Context, agency_names
from checker.render.html.findings import triage_row
from checker.render.html.packing import pack, pack_chunks, unpack
from checker.render.html.text import format_quantity, human_scale
from checker.render.svg import ChartMark, TimeAxis, conflict_window
from tests.factories import article, count_claim

D = dt.date


def test_human_units() -> None:
    assert format_quantity(10_519_200, 10_519_200, "s") == "122 days"
    assert format_quantity(7_200, 7_200, "s") == "2 hours"
    assert format_quantity(2_300, None, "m") == "≥ 2.3 km"
    assert format_quantity(700, 700, "m") == "700 m"
    assert format_quantity(70, 78) == "70–78"
    assert human_scale("USD", [5e6]) == (1.0, "USD")


def test_agency_tags_are_spelt_out_only_when_one_outlet_matches() -> None:
    sources = ["Andean Wire Service", "AWS", "Continental Radio News", "CRN", "CRN", None, "AP"]
    assert agency_names(sources) == {"AWS": "Andean Wire Service", "CRN": "Continental Radio News"}
    assert agency_names(["AWS", "Andean Wire Service", "Atlantic Weather Service"]) == {}


def test_time_axis_compresses_quiet_gaps() -> None:
    days = [D(1996, 12, d) for d in range(17, 24)] + [D(1997, 4, 22)]
    axis = TimeAxis(days)
    xs = [axis(d) for d in days]
    assert xs == sorted(xs) and xs[0] == 3.0 and xs[-1] == 97.0
    day = xs[1] - xs[0]
    assert xs[-1] - xs[-2] < 10 * day  # four months get less room than ten days
    assert len(axis.breaks) == 1
    assert axis(D(1997, 2, 1)) < axis(D(1997, 3, 1))  # inside a gap, still in order
    labels = axis.labels(13.0)
    assert all(b[0] - a[0] >= 13.0 for a, b in itertools.pairwise(labels))
    assert labels[0][1] == "17 Dec 1996"


def test_a_close_up_when_the_disagreement_is_a_sliver_of_the_axis() -> None:
    marks = [ChartMark(D(1997, 1, d), 74, 74, "ok", "") for d in range(1, 31, 3)]
    odd = [
        ChartMark(D(1996, 12, 18), 490, 490, "error", ""),
        ChartMark(D(1996, 12, 19), 1, 1, "ok", ""),
    ]
    assert conflict_window(marks + odd) == (D(1996, 12, 17), D(1996, 12, 19))
    assert conflict_window(marks) is None


def test_packing_is_deterministic_and_lossless() -> None:
    html = "<p>é — 74 hostages</p>" * 100
    assert pack(html) == pack(html)
    assert unpack(pack(html)) == html
    chunks = pack_chunks(range(5000), lambda i: f"<li>{i}</li>")
    assert sum(c.items for c in chunks) == 5000 and len(chunks) > 1
    assert "".join(unpack(c.data) for c in chunks) == "".join(f"<li>{i}</li>" for i in range(5000))


def _story() -> tuple[Report, Finding]:
    arts = [article(f"a{i}", D(1996, 12, 18 + i), story="s") for i in range(4)]
    arts = [replace(a, source=f"Outlet {i}") for i, a in enumerate(arts)]
    claims = [
        count_claim(f"a{i}", "rebels", v, as_of=None, story="s", id=f"k{i}")
        for i, v in enumerate((25, 14, 14, 14))
    ]
    finding = Finding(
        "F1", FindingType.CONTRADICTION, Severity.ERROR, "s", "rebels",
        ("k0", "k1", "k2", "k3"), "m", outliers=("k0",), outlier_reports=("a0",),
    )  # fmt: skip
    return Report(tuple(arts), tuple(claims), (finding,), ()), finding


def test_triage_row_names_the_odd_one_out_against_the_majority() -> None:
    report, finding = _story()
    ctx = Context(
        articles={a.id: a for a in report.articles}, claims={c.id: c for c in report.claims}
    )
    ctx.index_findings(report.findings)
    row = triage_row(finding, ctx)
    assert (row.odd, row.odd_value) == ("Outlet 0 (18 Dec 1996)", "25")
    assert (row.majority, row.majority_value) == ("3 reports", "14")
    assert not row.split and row.number == 1
    # Only the odd one out takes the finding's colour.
    assert ctx.claim_tone("k0") == "error" and ctx.claim_tone("k1") == ""


def test_a_finding_re_keyed_by_an_edited_figure_is_changed_not_new() -> None:
    report, _finding = _story()
    old = {
        "findings": [
            {"id": "F-old", "type": "contradiction", "severity": "error", "story": "s",
             "slot": "rebels", "message": "m", "claim_ids": ["k0", "k1", "k2", "k3"]},
        ],
        "claims": [
            {"id": "k0", "article_id": "a0", "slot": "rebels", "value": {"low": 20, "high": 20}},
        ],
    }  # fmt: skip
    diff = diff_against_previous(report, old)
    assert diff.new == () and diff.resolved == ()
    assert diff.changed == ("F1",) and diff.rekeyed == (("F1", "F-old"),)
    assert diff.previous_id("F1") == "F-old"
    # Without an edited figure among its claims, a new id stays new.
    old["claims"] = []
    diff = diff_against_previous(report, old)
    assert diff.new == ("F1",) and [f.id for f in diff.resolved] == ["F-old"]
