"""Property tests for checker.extract.numbers (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract.numbers import find_quantities, parse_number

_ONES_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_ONES = _ONES_WORDS.split(" ")
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
_TENS = _TENS_WORDS.split(" ")
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"))


def _below_thousand(n: int, british: bool) -> str:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [_ONES[hundreds], "hundred"]
        if rest and british:
            words.append("and")
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(_TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else ""))
    elif rest:
        words.append(_ONES[rest])
    return " ".join(words)


def to_words(n: int, british: bool = False) -> str:
    """English words for 0 <= n <= 10**9 ("one hundred and two" when british)."""
    if n == 0:
        return "zero"
    parts: list[str] = []
    for value, name in _SCALES:
        count, n = divmod(n, value)
        if count:
            parts.append(f"{_below_thousand(count, british)} {name}")
    if n:
        if parts and british and n < 100:
            parts.append("and")
        parts.append(_below_thousand(n, british))
    return " ".join(parts)


def test_to_words_helper() -> None:
    assert to_words(24) == "twenty-four"
    assert to_words(102, british=True) == "one hundred and two"
    assert to_words(1_000_000_000) == "one billion"
    assert to_words(1_200_305) == "one million two hundred thousand three hundred five"


_INTS = st.integers(min_value=0, max_value=10**9)
_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(_INTS)
def test_digits_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", " ")) == n


@_FAST
@given(_INTS, st.booleans())
def test_words_round_trip(n: int, british: bool) -> None:
    assert parse_number(to_words(n, british)) == n
    assert parse_number(to_words(n, british).capitalize()) == n


@_FAST
@given(st.integers(min_value=2100, max_value=10**9))
def test_digits_in_a_sentence_are_found(n: int) -> None:
    (q,) = find_quantities(f"Officials said {n:,} people were affected.")
    assert q.low == q.high == n


@_FAST
@given(st.text())
def test_never_raises(text: str) -> None:
    parse_number(text)
    _check_invariants(text)


_VOCABULARY = (
    "about some more than at least nearly between and to or - – 20 74 1,500 400 "
    "twenty-four a dozen hundreds several hundred half of the all but two another "
    "remaining $ US$ 5 million percent % km feet miles hours days ago Dec. 17 1996 "
    "3:20 p.m. one no none rebels hostages , . ( ) 3-1 Flight 370 AKM-47 or so plus "
    "up fewer less under over 22nd k bn m"
)
_NEWSY = st.lists(st.sampled_from(_VOCABULARY.split(" ")), max_size=25).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_NEWSY)
def test_invariants_on_newsy_text(text: str) -> None:
    _check_invariants(text)


def _check_invariants(text: str) -> None:
    found = find_quantities(text)
    previous_end = 0
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert q.start >= previous_end
        previous_end = q.end
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        if q.number_start is not None and q.number_end is not None:
            assert q.start <= q.number_start < q.number_end <= q.end
