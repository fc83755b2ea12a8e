"""Properties of find_quantities on any text and on figures written the ways news writes
them (hypothesis): it never raises, every interval is ordered, spans are ordered and
disjoint, and the figure as written comes back as ``original_low``/``original_high``;
skipping the tokens no figure opens with changes nothing."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract.numbers import find_quantities
from checker.extract.numbers import scan as number_scan
from checker.extract.numbers.scan import _expression_at, _may_open
from checker.extract.numbers.tokens import _tokenize
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


# ------------------------------------------------- the scan skips tokens no figure opens

_ROOT = Path(__file__).resolve().parents[2]
_CASE_TEXTS = [
    *(c["text"] for c in yaml.safe_load((_ROOT / "tests/extract/cases/numbers.yaml").read_text())),
    *(
        c["t"]
        for c in yaml.safe_load((_ROOT / "tests/extract/cases/quantities_news.yaml").read_text())
    ),
]
_REPORT_TEXTS = [
    p.read_text(encoding="utf-8")
    for p in sorted((_ROOT / "reports").rglob("*"))
    if p.suffix in (".md", ".txt")
]
_FIGURE_WORDS = st.sampled_from(
    [
        *("no", "none", "nobody", "not", "a single", "one", "all", "but", "except", "half"),
        *("a", "an", "third", "thirds", "quarter", "of", "the", "dozen", "dozens", "hundreds"),
        *("thousands", "of", "score", "pair", "couple", "few", "several", "handful", "twice"),
        *("double", "as many as", "twenty", "-", "five", "million", "and a half", "injuries"),
        *("hostages", "were", "killed", "12", "1,500", "3/4", "½", "$", "%", "Dec.", "17"),
    ]
)


def _skipped_tokens_open_nothing(text: str) -> int:
    toks = _tokenize(text)
    skipped = 0
    for i, tok in enumerate(toks):
        if _may_open(tok):
            continue
        skipped += 1
        for floor in {0, max(0, i - 1), i}:
            for join in (False, True):
                assert _expression_at(toks, i, floor, join) is None, (text, i, tok)
    return skipped


def test_no_expression_opens_where_the_scan_skips() -> None:
    """What lets ``find_quantities`` skip a token: ``_expression_at`` is None there."""
    skipped = sum(_skipped_tokens_open_nothing(t) for t in _CASE_TEXTS + _REPORT_TEXTS)
    assert skipped > 10_000  # most tokens are skipped: the check is exercised


@_SETTINGS
@given(st.lists(_FIGURE_WORDS | _NEWS_ALPHABET, max_size=30).map(" ".join))
def test_no_expression_opens_where_the_scan_skips_generated(text: str) -> None:
    _skipped_tokens_open_nothing(text)


def test_skipping_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan with the skip and the scan trying every token find the same figures."""
    texts = _CASE_TEXTS + _REPORT_TEXTS
    fast = [find_quantities(t, join_alternatives=j) for t in texts for j in (False, True)]
    monkeypatch.setattr(number_scan, "_may_open", lambda tok: True)
    slow = [find_quantities(t, join_alternatives=j) for t in texts for j in (False, True)]
    assert fast == slow
    assert sum(map(len, fast)) > 1_000
