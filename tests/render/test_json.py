"""``--format json``."""

from __future__ import annotations

import json

from checker.baseline import Baseline, BaselineEntry, apply_baseline
from checker.records import FindingType
from checker.render import Format, RenderOptions, render
from checker.render.serialize import report_to_dict
from tests.render.sample import sample_report


def test_json_text_layout() -> None:
    text = render(sample_report(), Format.JSON)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    # the top level indented, one record per line
    assert text.startswith('{\n  "version": 1,\n  "articles": [\n    {"id": ')
    records = [line for line in text.splitlines() if line.startswith("    {")]
    assert all(json.loads(line.rstrip(",")) for line in records)
    assert "Другое агентство" in text  # not \u-escaped
    assert "74.0" not in text and '"low": 74' in text
    assert json.loads(text) == report_to_dict(sample_report())


def test_json_no_baseline_key_without_baseline() -> None:
    assert "baseline" not in json.loads(render(sample_report(), Format.JSON))


def test_json_baseline_summary() -> None:
    baseline = Baseline(
        (
            BaselineEntry("f-stale", FindingType.STALE, "lima-1996", "rebels", "old"),
            BaselineEntry("zz-gone", FindingType.SPELLING, "s", "t", "gone", reason="ok"),
        )
    )
    result = apply_baseline(sample_report(), baseline)
    doc = json.loads(render(result.report, Format.JSON, RenderOptions(baseline=result)))
    assert list(doc)[-1] == "baseline"
    assert doc["baseline"] == {
        "accepted": 1,
        "gone": [
            {
                "id": "zz-gone",
                "type": "spelling",
                "story": "s",
                "slot": "t",
                "message": "gone",
                "reason": "ok",
            }
        ],
    }
    assert "f-stale" not in {f["id"] for f in doc["findings"]}
    # the summary counts what is reported, i.e. new findings only
    assert doc["summary"]["findings"]["stale"] == 0


def test_json_keeps_report_order() -> None:
    report = sample_report()
    doc = json.loads(render(report, Format.JSON))
    assert [f["id"] for f in doc["findings"]] == [f.id for f in report.findings]
    assert [c["id"] for c in doc["claims"]] == [c.id for c in report.claims]
