"""checker.extract.numbers on news-shaped sentences (cases/quantities_news.yaml).

Each expected quantity is the figure as written (``original_low``/``original_high``)
and its canonical unit; see the file's header for the notation.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.evaluation.quantities import Expected, parse_expected
from checker.extract.numbers import find_quantities
from checker.records import Quantity

CASES_FILE = Path(__file__).parent / "cases" / "quantities_news.yaml"


def _load() -> list[dict[str, Any]]:
    with CASES_FILE.open(encoding="utf-8") as fh:
        cases = yaml.safe_load(fh)
    assert isinstance(cases, list)
    return cases


CASES = _load()


def _case_id(index: int, text: str) -> str:
    return f"{index:03d}-" + re.sub(r"[^0-9A-Za-z$%.,+-]+", "_", text).strip("_")[:50]


def _describe(found: list[Quantity]) -> str:
    return "; ".join(
        f"{q.text!r} {q.original_low}..{q.original_high} {q.unit} rel={q.relation}" for q in found
    )


def _matches(q: Quantity, exp: Expected) -> bool:
    def close(a: float | None, b: float) -> bool:
        return a is not None and a == pytest.approx(b, rel=1e-6, abs=1e-9)

    return (
        close(q.original_low, exp.low) and close(q.original_high, exp.high) and (q.unit == exp.unit)
    )


def test_table_is_large_and_covers_every_shape() -> None:
    assert len(CASES) >= 300
    assert sum(1 for case in CASES if not case["q"]) >= 30
    assert sum(len(case["q"]) for case in CASES) >= 500


@pytest.mark.parametrize("case", CASES, ids=[_case_id(i, str(c["t"])) for i, c in enumerate(CASES)])
def test_case(case: dict[str, Any]) -> None:
    text = str(case["t"])
    expected = [parse_expected(str(e)) for e in case["q"]]
    found = find_quantities(text)
    assert len(found) == len(expected), _describe(found)
    for q, exp in zip(found, expected, strict=True):
        assert _matches(q, exp), f"expected {exp}, got {_describe([q])}"
        assert text[q.start : q.end] == q.text
