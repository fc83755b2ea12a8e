"""Scoring quantity extraction on a case table: the figure as written, value match.

A case table (``tests/extract/cases/quantities_news.yaml``) lists sentences and the
quantities expected in them as "VALUE", "LOW..HIGH" or either followed by the
canonical unit ("0.4 %", "2.3e9 USD", "35..50"). ``score`` matches predicted
figures (``original_low``/``original_high``, or any extractor's values mapped to
the same shape) to the expected ones one to one, by value only, and counts
precision, recall and F1 over the whole table.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

__all__ = ["Case", "Expected", "Score", "load_cases", "parse_expected", "score"]


@dataclass(frozen=True)
class Expected:
    low: float
    high: float
    unit: str | None = None


@dataclass(frozen=True)
class Case:
    text: str
    expected: tuple[Expected, ...]


@dataclass(frozen=True)
class Score:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def parse_expected(spec: str) -> Expected:
    """ "0.4 %" -> 0.4..0.4 %, "35..50" -> 35..50 (a count), "-2.3e9 USD"."""
    value, _, unit = spec.strip().partition(" ")
    low_text, sep, high_text = value.partition("..")
    low = float(low_text)
    high = float(high_text) if sep else low
    if not low <= high:
        raise ValueError(f"low above high in {spec!r}")
    return Expected(low, high, unit.strip() or None)


def load_cases(path: Path) -> list[Case]:
    with path.open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected a list of cases")
    return [Case(str(item["t"]), tuple(parse_expected(str(e)) for e in item["q"])) for item in raw]


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def match_count(
    predicted: Sequence[tuple[float | None, float | None]], expected: Iterable[Expected]
) -> int:
    """How many expected figures a prediction meets, one to one, by value."""
    left = list(predicted)
    hits = 0
    for exp in expected:
        for k, (low, high) in enumerate(left):
            if low is None and high is None:
                continue
            lo = low if low is not None else high
            hi = high if high is not None else low
            assert lo is not None and hi is not None
            if _same(lo, exp.low) and _same(hi, exp.high):
                hits += 1
                del left[k]
                break
    return hits


def score(
    cases: Sequence[Case], predictions: Sequence[Sequence[tuple[float | None, float | None]]]
) -> Score:
    """P/R/F1 of one extractor's figures (one list per case) against the table."""
    tp = predicted = gold = 0
    for case, found in zip(cases, predictions, strict=True):
        kept = [v for v in found if v != (None, None)]
        tp += match_count(kept, case.expected)
        predicted += len(kept)
        gold += len(case.expected)
    return Score(tp, predicted, gold)
