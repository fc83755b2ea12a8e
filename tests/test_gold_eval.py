"""Accuracy on the bundled dataset against the hand-written gold (tests/gold/).

The scores are printed (run with -s, or read the summary in the -ra report)
and held to the thresholds the project has reached; raising a threshold is a
deliberate change, lowering one needs a reason in the commit message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.evaluation import Scores, describe_errors, score
from checker.records import Report

GOLD = Path(__file__).parent / "gold" / "lima-1996.yaml"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scores(bundled_report: Report) -> Scores:
    gold: dict[str, Any] = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    result = score(bundled_report, gold)
    print("\n" + result.summary())
    print(describe_errors(result, limit=15))
    return result


def test_claim_recall(scores: Scores) -> None:
    assert scores.claim_recall.value >= 0.85, scores.summary()


def test_count_claims(scores: Scores) -> None:
    assert scores.count_recall.value >= 0.92, scores.summary()
    assert scores.count_precision.value >= 0.92, scores.summary()


def test_slot_accuracy(scores: Scores) -> None:
    assert scores.slot_accuracy.value >= 0.9, scores.summary()


def test_dates(scores: Scores) -> None:
    assert scores.date_recall.value >= 0.9, scores.summary()
    assert scores.date_as_of_accuracy.value >= 0.9, scores.summary()
    assert scores.as_of_accuracy.value >= 0.9, scores.summary()


def test_findings(scores: Scores) -> None:
    assert scores.finding_recall.value >= 0.95, scores.summary()
    assert scores.finding_precision.value >= 0.9, scores.summary()


def test_no_legitimate_evolution_flagged(scores: Scores) -> None:
    assert scores.must_not_flag_violations == (), scores.must_not_flag_violations
