"""Properties of find_quantities on any text and on figures written the ways news writes
them (hypothesis): it never raises, every interval is ordered, spans are ordered and
disjoint, and the figure as written comes back as ``original_low``/``original_high``."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract.numbers import find_quantities
from checker.records import Quantity

_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_NEWS_ALPHABET = st.sampled_from(
    [
        *"0123456789 ,.-–%$£€¥:/()'&+x",
        *("per cent", "million", "bn", "m", "k", "to", "from", "by", "or", "and", "rose"),
        *("fell", "minus", "about", "more than", "GB", "p", "pc", "C", "km/h", "S&P", "Game"),
        *("Street", "two-thirds", "a quarter of", "won", "lead", "Nikkei", "RM", "US$", "A$"),
        "\n",
    ]
)


def _ordered(found: list[Quantity], text: str) -> None:
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.low is not None and q.high is not None:
            assert q.low <= q.high, q
        if q.original_low is not None and q.original_high is not None:
            assert q.original_low <= q.original_high, q
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


@_SETTINGS
@given(st.text(max_size=120))
def test_any_text_never_raises(text: str) -> None:
    _ordered(find_quantities(text), text)
    _ordered(find_quantities(text, join_alternatives=True), text)


@_SETTINGS
@given(st.lists(_NEWS_ALPHABET, max_size=40).map(" ".join))
def test_news_shaped_noise_never_raises(text: str) -> None:
    _ordered(find_quantities(text), text)


def _digits(value: int, decimals: int, commas: bool) -> str:
    whole = f"{value:,}" if commas else str(value)
    return whole + (f".{decimals:02d}" if decimals else "")


_PREFIXES = {"$": "USD", "£": "GBP", "€": "EUR", "US$": "USD", "A$": "AUD", "RM": "MYR"}
_SUFFIXES = {"%": "%", " per cent": "%", "pc": "%", "GB": "B", " km": "m", "W": "W"}
_SCALES = {"": 1.0, " million": 1e6, "bn": 1e9, "m": 1e6, " billion": 1e9}


@_SETTINGS
@given(
    st.integers(min_value=1, max_value=999_999),
    st.integers(min_value=0, max_value=99),
    st.booleans(),
    st.sampled_from(sorted(_PREFIXES)),
    st.sampled_from(sorted(_SCALES)),
    st.booleans(),
)
def test_money_as_written_round_trips(
    value: int, decimals: int, commas: bool, symbol: str, scale: str, negative: bool
) -> None:
    written = _digits(value, decimals, commas)
    amount = (value + decimals / 100) * _SCALES[scale]
    negative = negative and not symbol.isalpha()  # "RM-1" reads as a name, like "F-16"
    sign = "-" if negative else ""
    text = f"The company reported {symbol}{sign}{written}{scale} in the quarter."
    (q,) = find_quantities(text)
    expected = -amount if negative else amount
    assert q.unit == _PREFIXES[symbol]
    assert q.original_low == q.original_high
    assert q.original_low is not None
    assert abs(q.original_low - expected) <= 1e-9 * max(1.0, abs(expected))


@_SETTINGS
@given(
    st.integers(min_value=1, max_value=99_999),
    st.integers(min_value=0, max_value=9),
    st.sampled_from(sorted(_SUFFIXES)),
    st.sampled_from(["rose", "fell", "about", "nearly", "more than", "at least", ""]),
)
def test_measures_as_written_round_trip(value: int, tenth: int, suffix: str, before: str) -> None:
    written = f"{value}.{tenth}" if tenth else str(value)
    text = f"Output {before} {written}{suffix} on Monday".replace("  ", " ")
    (q,) = find_quantities(text)
    assert q.unit == _SUFFIXES[suffix]
    assert q.original_low == q.original_high == float(written)


@_SETTINGS
@given(
    st.integers(min_value=1, max_value=500),
    st.integers(min_value=1, max_value=99_000),
    st.sampled_from(["%", " per cent", " percent"]),
    st.sampled_from(["fell", "rose", "climbed", "dropped", "jumped"]),
)
def test_change_then_level_is_never_a_range(
    change: int, level: int, percent: str, verb: str
) -> None:
    text = f"The index {verb} {change / 10}{percent} to {level:,} points."
    first, second = find_quantities(text)
    assert first.relation == "change" and first.unit == "%"
    assert first.original_low == first.original_high == change / 10
    assert second.original_low == second.original_high == level
    assert second.relation is None
