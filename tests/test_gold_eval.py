"""The scoreboard's bundled part, held to the figures the project has reached.

Every bundled story (tests/gold/<story>.yaml) is scored as bench/stories.py
scores it (rules: tests/gold/RULES.md, "Scoring"). The floors below are the
figures measured when they were set: raising one is a deliberate change,
lowering one needs a reason in the commit message. Traps sprung are a
ceiling. The scores are printed with -s.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.evaluation import StoryScores, describe, load_gold, score_story
from checker.records import Report

GOLD_DIR = Path(__file__).parent / "gold"

pytestmark = pytest.mark.slow

# story -> metric -> floor (traps: the most that may be sprung)
FLOORS: dict[str, dict[str, float]] = {
    "beslan-2004": {
        "claim_recall": 0.9,
        "claim_precision": 0.96,
        "slot_accuracy": 0.91,
        "as_of_accuracy": 0.9,
        "required_found": 1.0,
        "error_precision": 1.0,
        "warning_precision": 1.0,
        "traps": 0,
    },
    "grenfell-2017": {
        "claim_recall": 0.95,
        "claim_precision": 0.85,
        "slot_accuracy": 0.9,
        "as_of_accuracy": 0.92,
        "required_found": 0.84,
        "error_precision": 1.0,
        "warning_precision": 1.0,
        "traps": 0,
    },
    "lima-1996": {
        "claim_recall": 0.96,
        "claim_precision": 0.9,
        "slot_accuracy": 0.98,
        "as_of_accuracy": 0.96,
        "required_found": 1.0,
        "error_precision": 1.0,
        "warning_precision": 1.0,
        "traps": 0,
    },
    "mh17-2014": {
        "claim_recall": 0.9,
        "claim_precision": 0.92,
        "slot_accuracy": 0.91,
        "as_of_accuracy": 0.95,
        "required_found": 0.76,
        "error_precision": 1.0,
        "warning_precision": 1.0,
        "traps": 0,
    },
    "rana-plaza-2013": {
        "claim_recall": 0.94,
        "claim_precision": 0.95,
        "slot_accuracy": 0.9,
        "as_of_accuracy": 0.91,
        "required_found": 0.9,
        "error_precision": 1.0,
        "warning_precision": 1.0,
        "traps": 0,
    },
}
STORIES = sorted(p.stem for p in GOLD_DIR.glob("*.yaml"))


@pytest.fixture(scope="module")
def scores(bundled_report: Report) -> dict[str, StoryScores]:
    out = {}
    for story in STORIES:
        gold = load_gold(yaml.safe_load((GOLD_DIR / f"{story}.yaml").read_text(encoding="utf-8")))
        out[story] = score_story(bundled_report, gold)
        print(f"\n{story}: " + ", ".join(f"{k} {v}" for k, v in out[story].ratios().items()))
    return out


def test_every_bundled_story_has_floors() -> None:
    assert sorted(FLOORS) == STORIES


@pytest.mark.parametrize("story", STORIES)
def test_story_keeps_its_scores(scores: dict[str, StoryScores], story: str) -> None:
    result = scores[story]
    ratios = result.ratios()
    below = {
        name: str(ratios[name])
        for name, floor in FLOORS.get(story, {}).items()
        if name != "traps" and ratios[name].value < floor
    }
    assert not below, f"{story} fell below its floors: {below}\n{describe(result, limit=20)}"
    sprung = ratios["traps"].hits
    assert sprung <= FLOORS.get(story, {}).get("traps", 0), describe(result, limit=20)
