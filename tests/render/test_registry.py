"""The format registry: every Format has a renderer and a validator; all are deterministic."""

from __future__ import annotations

import pytest

from checker.baseline import Baseline, BaselineEntry, apply_baseline
from checker.records import FindingType
from checker.render import RENDERERS, Format, RenderOptions, render
from tests.render.sample import empty_report, sample_report
from tests.render.validators import VALIDATORS


def test_every_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(Format)


def test_every_format_has_a_validator() -> None:
    assert set(VALIDATORS) == set(Format)


def test_registry_is_read_only() -> None:
    with pytest.raises(TypeError):
        RENDERERS[Format.TEXT] = RENDERERS[Format.JSON]  # type: ignore[index]


def test_format_values_are_the_cli_names() -> None:
    assert [f.value for f in Format] == [
        "text",
        "json",
        "csv",
        "sarif",
        "github",
        "gitlab",
        "junit",
    ]
    assert Format("sarif") is Format.SARIF
    assert str(Format.JUNIT) == "junit"


def test_render_accepts_a_name() -> None:
    report = sample_report()
    assert render(report, "json") == render(report, Format.JSON, RenderOptions())


def test_render_rejects_an_unknown_format() -> None:
    with pytest.raises(ValueError):
        render(sample_report(), "yaml")


def test_bad_fail_on_is_refused() -> None:
    with pytest.raises(ValueError, match="fail_on"):
        RenderOptions(fail_on="sometimes")


@pytest.mark.parametrize("fmt", list(Format))
def test_output_validates(fmt: Format) -> None:
    VALIDATORS[fmt](render(sample_report(), fmt))


@pytest.mark.parametrize("fmt", list(Format))
def test_empty_report_validates(fmt: Format) -> None:
    VALIDATORS[fmt](render(empty_report(), fmt))


@pytest.mark.parametrize("fmt", list(Format))
def test_baseline_output_validates(fmt: Format) -> None:
    baseline = Baseline(
        (
            BaselineEntry("f-stale", FindingType.STALE, "lima-1996", "rebels", "m"),
            BaselineEntry("gone", FindingType.SPELLING, "s", "t", "old, with: chars", "why"),
        )
    )
    result = apply_baseline(sample_report(), baseline)
    VALIDATORS[fmt](render(result.report, fmt, RenderOptions(baseline=result)))


@pytest.mark.parametrize("fmt", list(Format))
def test_deterministic(fmt: Format) -> None:
    first = render(sample_report(), fmt)
    second = render(sample_report(), fmt)
    assert first == second
    assert first.endswith("\n")


@pytest.mark.parametrize("fmt", list(Format))
def test_no_colour_by_default_and_only_text_colours(fmt: Format) -> None:
    plain = render(sample_report(), fmt)
    coloured = render(sample_report(), fmt, RenderOptions(color=True))
    assert "\x1b[" not in plain
    if fmt is Format.TEXT:
        assert "\x1b[" in coloured
    else:
        assert coloured == plain
