"""``--format csv``: one row per finding."""

from __future__ import annotations

from checker.render import Format, RenderOptions, render
from tests.render.sample import empty_report, sample_report
from tests.render.validators import csv_rows


def test_header_only_for_no_findings() -> None:
    assert render(empty_report(), Format.CSV) == (
        "id,type,severity,story,slot,claim_ids,message,articles,outlier_reports\n"
    )


def test_rows_follow_findings() -> None:
    report = sample_report()
    rows = csv_rows(render(report, Format.CSV))
    assert [r["id"] for r in rows] == [f.id for f in report.findings]
    first = rows[0]
    assert first == {
        "id": "f-contra-rebels",
        "type": "contradiction",
        "severity": "error",
        "story": "lima-1996",
        "slot": "rebels",
        "claim_ids": "c-r-b;c-r-a",
        "message": 'wire/b says "14 rebels", wire/a says "about 20 rebels": 100% sure?',
        "articles": "wire/b;wire/a",
        "outlier_reports": "wire/b",
    }


def test_quoting_round_trips_commas_quotes_and_newlines() -> None:
    report = sample_report()
    rows = {r["id"]: r for r in csv_rows(render(report, Format.CSV))}
    for finding in report.findings:
        assert rows[finding.id]["message"] == finding.message
        assert rows[finding.id]["story"] == finding.story


def test_unknown_claims_and_no_claims() -> None:
    rows = {r["id"]: r for r in csv_rows(render(sample_report(), Format.CSV))}
    assert rows["f-spell"]["claim_ids"] == "c-n-b;missing-claim"
    assert rows["f-spell"]["articles"] == "wire/b"
    assert rows["f-meta"]["claim_ids"] == "" and rows["f-meta"]["articles"] == ""


def test_excel_csv_starts_with_a_utf8_byte_order_mark_and_is_otherwise_the_same() -> None:
    plain = render(sample_report(), Format.CSV)
    excel = render(sample_report(), Format.CSV, RenderOptions(excel=True))
    assert not plain.startswith("\ufeff")
    assert excel == "\ufeff" + plain
    # Excel's own reading: UTF-8 with a signature gives back the accents
    assert excel.encode("utf-8").decode("utf-8-sig") == plain
