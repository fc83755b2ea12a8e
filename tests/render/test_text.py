"""``--format text``."""

from __future__ import annotations

from dataclasses import replace

from checker.baseline import Baseline, BaselineEntry, apply_baseline
from checker.records import FindingType
from checker.render import Format, RenderOptions, render
from checker.render.text import format_bounds, render_timelines
from tests.render.sample import empty_report, sample_report


def _text(**options: object) -> str:
    return render(sample_report(), Format.TEXT, RenderOptions(**options))  # type: ignore[arg-type]


def test_header() -> None:
    assert _text().splitlines()[0] == (
        "checker: 3 reports, 10 claims, 7 findings (2 errors, 3 warnings, 2 info), 2 input errors"
    )
    assert render(empty_report(), Format.TEXT) == (
        "checker: 0 reports, 0 claims, 0 findings (0 errors, 0 warnings, 0 info)\n\nNo findings.\n"
    )


def test_sections_in_order() -> None:
    lines = _text().splitlines()
    heads = [lines.index(h) for h in ("FINDINGS", "ERROR (2)", "WARNING (3)", "INFO (2)")]
    assert heads == sorted(heads)
    assert lines.index("INFO (2)") < lines.index("TIMELINES") < lines.index("ERRORS (2)")


def test_findings_show_message_and_quotes() -> None:
    text = _text()
    assert "  ERROR contradiction  lima-1996 / rebels  f-contra-rebels\n" in text
    assert '    wire/b says "14 rebels", wire/a says "about 20 rebels": 100% sure?\n' in text
    assert "      reports/wire/a.md:8  “about 20 rebels”\n" in text
    assert "      reports/wire/b with space.md:2  “14 rebels”\n" in text


def test_timelines_mark_changes() -> None:
    text = _text()
    assert "  lima-1996 / hostages  (level count)\n" in text
    assert "    1997-01-10    74  wire/a\n" in text
    assert "    1997-01-11  ↓ 72  wire/b\n" in text
    assert "    1996-12-17  ✗ 14–25  wire/a, wire/b\n" in text
    assert "    1996-12-18  ✗ 1996-12-18  wire/b\n" in text
    assert "    undated    Néstor Cerpa  wire/b\n" in text
    assert "    undated    ≥41  flood/c\n" in text
    assert "    undated  ↑ 9.5 m  flood/c\n" in text


def test_format_bounds() -> None:
    assert format_bounds(74.0, 74.0) == "74"
    assert format_bounds(None, 20.0) == "≤20"
    assert format_bounds(400.0, None) == "≥400"
    assert format_bounds(None, None) == "?"
    assert format_bounds(2.5, 3.0) == "2.5–3"


def test_errors_listed() -> None:
    text = _text()
    assert "  error reports/broken.jsonl:3: not JSON: line 3\n" in text
    assert "  error reports/empty.md: empty file\n" in text


def test_colour_only_on_request() -> None:
    plain, coloured = _text(), _text(color=True)
    assert "\x1b" not in plain
    assert "\x1b[1;31mERROR (2)\x1b[0m" in coloured
    assert "\x1b[0m" in coloured


def test_control_characters_cannot_reach_the_terminal() -> None:
    report = sample_report()
    evil = replace(report.findings[0], message="hi \x1b[2Jthere")
    text = render(replace(report, findings=(evil,)), Format.TEXT)
    assert "\x1b" not in text and "hi \\x1b[2Jthere" in text  # shown, never sent


def test_baseline_block() -> None:
    baseline = Baseline(
        (
            BaselineEntry("f-stale", FindingType.STALE, "lima-1996", "rebels", "m"),
            BaselineEntry("gone-1", FindingType.SPELLING, "s", "t", "old\nmessage"),
        )
    )
    result = apply_baseline(sample_report(), baseline)
    text = render(result.report, Format.TEXT, RenderOptions(baseline=result))
    assert text.endswith(
        "BASELINE\n  1 accepted finding not shown\n  1 entry no longer occurs:\n"
        "    gone-1  spelling  s / t  old message\n"
    )
    assert "f-stale" not in text


def test_render_timelines_alone() -> None:
    report = sample_report()
    text = render_timelines(report, report.timelines[:1])
    assert text == (
        "  lima-1996 / hostages  (level count)\n"
        "    1997-01-10    74  wire/a\n"
        "    1997-01-11  ↓ 72  wire/b\n"
    )
    assert render_timelines(report, []) == ""


def test_long_findings_show_the_odd_figure_first_and_cap_locations() -> None:
    import datetime as dt

    from checker.records import Finding, FindingType, Report, Severity
    from checker.render.text import MAX_LOCATIONS
    from tests.factories import article, date_claim

    day = dt.date(1996, 12, 17)
    articles = tuple(article(f"a{i:02d}", dt.date(1997, 1, 1) + dt.timedelta(i)) for i in range(12))
    claims = tuple(
        date_claim(a.id, "attack.date", day + dt.timedelta(days=1 if i == 7 else 0), id=f"c{i:02d}")
        for i, a in enumerate(articles)
    )
    finding = Finding(
        "f-1", FindingType.CONTRADICTION, Severity.ERROR, "test", "attack.date",
        tuple(c.id for c in claims), "attack.date: a07 says Dec. 18",
    )  # fmt: skip
    report = Report(articles, claims, (finding,), ())
    text = render(report, Format.TEXT)
    located = [line for line in text.splitlines() if line.startswith("      ")]
    assert len(located) == MAX_LOCATIONS + 1
    assert "Dec. 18" in located[0]
    assert located[-1].strip() == f"… and {12 - MAX_LOCATIONS} more locations"
