"""Baselines: round trip, filtering, clear errors on bad files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from checker.baseline import (
    Baseline,
    BaselineEntry,
    BaselineError,
    apply_baseline,
    baseline_from_report,
    dump_baseline,
    load_baseline,
    parse_baseline,
)
from checker.records import FindingType
from tests.render.sample import sample_report
from tests.render.validators import validator


def test_from_report_sorted_by_id_and_round_trips(tmp_path: Path) -> None:
    report = sample_report()
    baseline = baseline_from_report(report, reason="reviewed")
    ids = [e.finding_id for e in baseline.entries]
    assert ids == sorted(f.id for f in report.findings)
    assert all(e.reason == "reviewed" for e in baseline.entries)
    text = dump_baseline(baseline)
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    assert load_baseline(path) == baseline
    assert dump_baseline(load_baseline(path)) == text


def test_dump_is_deterministic_and_valid() -> None:
    text = dump_baseline(baseline_from_report(sample_report()))
    assert text == dump_baseline(baseline_from_report(sample_report()))
    assert text.endswith("}\n")
    doc = json.loads(text)
    assert list(doc) == ["version", "findings"] and doc["version"] == 1
    assert list(doc["findings"][0]) == ["id", "type", "story", "slot", "message"]
    validator("baseline.schema.json").validate(doc)


def test_entry_order_does_not_matter() -> None:
    a = BaselineEntry("b", FindingType.STALE, "s", "x", "m")
    b = BaselineEntry("a", FindingType.STALE, "s", "x", "m")
    assert Baseline((a, b)) == Baseline((b, a))


def test_everything_accepted() -> None:
    report = sample_report()
    result = apply_baseline(report, baseline_from_report(report))
    assert result.report.findings == ()
    assert result.accepted == report.findings
    assert result.gone == ()
    assert result.report.claims == report.claims and result.report.errors == report.errors


def test_new_accepted_and_gone() -> None:
    report = sample_report()
    entries = (
        BaselineEntry("f-stale", FindingType.STALE, "lima-1996", "rebels", "whatever"),
        BaselineEntry("f-old", FindingType.CONTRADICTION, "lima-1996", "dead", "gone now"),
    )
    result = apply_baseline(report, Baseline(entries))
    assert [f.id for f in result.accepted] == ["f-stale"]
    assert [e.finding_id for e in result.gone] == ["f-old"]
    assert [f.id for f in result.report.findings] == [
        f.id for f in report.findings if f.id != "f-stale"
    ]
    assert result.summary.accepted == 1 and result.summary.gone == result.gone


def test_content_match_when_the_id_moved() -> None:
    report = sample_report()
    finding = report.findings[0]
    moved = replace(
        BaselineEntry.from_finding(finding), finding_id="an-older-id-for-the-same-finding"
    )
    result = apply_baseline(report, Baseline((moved,)))
    assert result.accepted == (finding,)
    assert result.gone == ()


def test_one_entry_accepts_one_finding() -> None:
    report = sample_report()
    twin = replace(report.findings[0], id="f-twin")
    report = replace(report, findings=(*report.findings, twin))
    entry = replace(BaselineEntry.from_finding(twin), finding_id="neither")
    result = apply_baseline(report, Baseline((entry,)))
    assert len(result.accepted) == 1


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ('{"version": 2, "findings": []}', "unsupported baseline version 2"),
        ('{"findings": []}', "unsupported baseline version None"),
        ('{"version": 1}', "'findings' must be a list"),
        ('{"version": 1, "findings": [], "extra": 1}', "unknown keys extra"),
        ('{"version": 1, "findings": [3]}', r"findings\[0\]: expected an object"),
        ('{"version": 1, "findings": [{"id": "x"}]}', "missing type, story, slot, message"),
        (
            '{"version": 1, "findings": [{"id": "x", "type": "nope", "story": "s",'
            ' "slot": "t", "message": "m"}]}',
            "unknown type 'nope'",
        ),
        (
            '{"version": 1, "findings": [{"id": 1, "type": "stale", "story": "s",'
            ' "slot": "t", "message": "m"}]}',
            "'id' must be a string",
        ),
        (
            '{"version": 1, "findings": [{"id": "x", "type": "stale", "story": "s",'
            ' "slot": "t", "message": "m", "color": "red"}]}',
            "unknown keys color",
        ),
        (
            '{"version": 1, "findings": [{"id": "x", "type": "stale", "story": "s",'
            ' "slot": "t", "message": "m", "reason": 5}]}',
            "'reason' must be a string or null",
        ),
    ],
)
def test_malformed(text: str, problem: str) -> None:
    with pytest.raises(BaselineError, match=problem):
        parse_baseline(text, source="b.json")


def test_duplicate_ids_refused() -> None:
    entry = {"id": "x", "type": "stale", "story": "s", "slot": "t", "message": "m"}
    text = json.dumps({"version": 1, "findings": [entry, entry]})
    with pytest.raises(BaselineError, match="duplicate id 'x'"):
        parse_baseline(text)


def test_load_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match=r"missing\.json: baseline file not found"):
        load_baseline(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe")
    with pytest.raises(BaselineError, match=r"bad\.json: cannot read baseline"):
        load_baseline(bad)
    bad.write_text('{"version": 1, "findings": {}}', encoding="utf-8")
    with pytest.raises(BaselineError, match=r"bad\.json: 'findings' must be a list"):
        load_baseline(bad)


def test_error_is_a_value_error() -> None:
    assert issubclass(BaselineError, ValueError)
