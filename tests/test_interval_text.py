"""The one way an interval of figures is written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.interval_text import interval_text


def test_the_shapes_of_an_interval() -> None:
    def fmt(v: float) -> str:
        return f"{v:,.0f}"

    assert interval_text(14, 14, fmt) == "14"
    assert interval_text(15, 25, fmt) == "15–25"
    assert interval_text(400, None, fmt) == "≥ 400"
    assert interval_text(None, 10, fmt) == "≤ 10"
    assert interval_text(None, None, fmt) == "?"
    assert interval_text(None, None, fmt, unbounded="any") == "any"
    assert interval_text(1500, None, fmt, spaced=False) == "≥1,500"


@given(st.one_of(st.none(), st.integers(0, 10**6)), st.one_of(st.none(), st.integers(0, 10**6)))
def test_each_bound_is_written_once_with_its_side(low: int | None, high: int | None) -> None:
    text = interval_text(low, high, str)
    for bound in (low, high):
        if bound is not None:
            assert str(bound) in text
    assert text.startswith("≥") == (low is not None and high is None)
    assert text.startswith("≤") == (low is None and high is not None)
