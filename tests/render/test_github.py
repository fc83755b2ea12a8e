"""``--format github``: workflow commands."""

from __future__ import annotations

import re

from checker.baseline import Baseline, BaselineEntry, apply_baseline
from checker.records import FindingType, Report
from checker.render import Format, RenderOptions, render
from checker.render.github import (
    command,
    escape_data,
    escape_property,
    markdown_cell,
    render_step_summary,
)
from tests.render.sample import empty_report, sample_report
from tests.render.validators import github_lines, github_properties


def test_escaping_rules() -> None:
    assert escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert escape_data("a\x0bb\u2028c") == "a b c"


def test_command_shape() -> None:
    line = command("error", "msg: x, y", {"file": "reports/x.md", "line": 12, "title": "a, b"})
    assert line == "::error file=reports/x.md,line=12,title=a%2C b::msg: x, y"


def test_one_command_per_finding_on_its_odd_one_out() -> None:
    report = sample_report()
    text = render(report, Format.GITHUB)
    matches = github_lines(text)
    first = matches[0]
    assert first.group("cmd") == "error"
    assert github_properties(first) == {
        "file": "reports/wire/b with space.md",
        "line": "2",
        "col": "30",
        "title": "contradiction rebels",
    }
    assert first.group("message") == (
        'wire/b says "14 rebels", wire/a says "about 20 rebels": 100%25 sure?'
    )
    rebels = [m for m in matches if github_properties(m).get("title") == "contradiction rebels"]
    assert len(rebels) == 1
    findings_part = [m for m in matches if github_properties(m).get("title") != "input error"]
    assert len(findings_part) == len(report.findings)


def test_a_finding_without_an_outlier_points_at_its_first_claim_and_metadata_at_its_report() -> (
    None
):
    matches = github_lines(render(sample_report(), Format.GITHUB))
    by_title = {github_properties(m)["title"]: github_properties(m) for m in matches}
    assert by_title["contradiction attack.date"]["file"] == "reports/wire/a.md"
    assert by_title["metadata published"] == {
        "file": "reports/flood/c.txt",
        "line": "1",
        "title": "metadata published",
    }


def test_severity_commands_and_order() -> None:
    cmds = [m.group("cmd") for m in github_lines(render(sample_report(), Format.GITHUB))]
    findings_part = cmds[: len(cmds) - 2]  # the last two are input errors
    assert findings_part == sorted(findings_part, key=["error", "warning", "notice"].index)
    assert "notice" in cmds and "warning" in cmds


def test_multiline_message_escaped() -> None:
    text = render(sample_report(), Format.GITHUB)
    assert "Dec. 18%0Asecond line, with comma" in text
    assert "dead fell%0D%0Afrom 14 to 12" in text


def test_finding_without_location_has_no_file() -> None:
    from dataclasses import replace

    report = sample_report()
    unplaced = replace(report.findings[-1], outlier_reports=())
    report = replace(report, findings=(*report.findings[:-1], unplaced))
    matches = github_lines(render(report, Format.GITHUB))
    meta = [m for m in matches if "metadata" in github_properties(m).get("title", "")]
    assert len(meta) == 1 and "file" not in github_properties(meta[0])
    assert meta[0].group("cmd") == "notice"


def test_property_values_escaped() -> None:
    matches = github_lines(render(sample_report(), Format.GITHUB))
    errors = [m for m in matches if github_properties(m).get("title") == "input error"]
    assert [github_properties(m)["file"] for m in errors] == [
        "reports/broken.jsonl",
        "reports/empty.md",
    ]


def test_empty_report_prints_nothing() -> None:
    assert render(empty_report(), Format.GITHUB) == ""


def test_gone_baseline_entries_noticed() -> None:
    baseline = Baseline((BaselineEntry("old-1", FindingType.STALE, "s", "t", "m"),))
    result = apply_baseline(sample_report(), baseline)
    text = render(result.report, Format.GITHUB, RenderOptions(baseline=result))
    assert text.splitlines()[-1] == (
        "::notice title=baseline::1 baseline entry no longer occurs: old-1"
    )


def test_at_most_one_annotation_per_finding_and_input_error_on_the_bundled_dataset(
    bundled_report: Report,
) -> None:
    matches = github_lines(render(bundled_report, Format.GITHUB))
    assert len(bundled_report.findings) >= 15  # enough to have been 176 annotations once
    assert len(matches) == len(bundled_report.findings) + len(bundled_report.errors)
    located = [github_properties(m) for m in matches]
    assert all("file" in props for props in located)


def test_step_summary_is_a_table_of_every_finding_and_input_error() -> None:
    report = sample_report()
    summary = render_step_summary(report, RenderOptions())
    lines = summary.splitlines()
    assert lines[0] == "## checker: 2 error, 3 warning, 2 info; 2 input errors"
    rows = [line for line in lines if line.startswith("| ") and "---" not in line]
    header, *finding_rows = rows[: len(report.findings) + 1]
    assert header.startswith("| severity | type | story | slot | where |")
    assert len(finding_rows) == len(report.findings)
    assert finding_rows[0].startswith("| error | contradiction | lima-1996 | rebels |")
    assert "reports/wire/b with space.md:2" in finding_rows[0]
    error_rows = rows[len(report.findings) + 2 :]
    assert len(error_rows) == len(report.errors)
    for row in rows:  # one line per row, every cell's pipes escaped
        cells = re.split(r"(?<!\\)\|", row)[1:-1]
        assert len(cells) == len(re.split(r"(?<!\\)\|", rows[0])[1:-1]) or len(cells) == 2


def test_markdown_cells_cannot_break_the_table() -> None:
    assert markdown_cell("a | b\nc <script>") == "a \\| b c \\<script\\>"
    assert markdown_cell("*bold* [link](x)") == "\\*bold\\* \\[link\\](x)"


def test_an_empty_report_summary_says_so() -> None:
    assert render_step_summary(empty_report(), RenderOptions()).startswith(
        "## checker: no findings\n"
    )
