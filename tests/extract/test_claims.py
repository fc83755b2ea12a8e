"""Linking figures and dates to what they count and date: one case per rule.

Cases live in cases/claims.yaml (sentence -> expected claims). Each expected
claim must be found (same slot, same interval, same as_of when given); slots
under ``absent`` must not appear. Extra claims of other slots are allowed:
the gold evaluation (tests/test_gold_eval.py) measures precision. A case with
``story`` is read with that bundled story's own configuration
(``reports/<story>/checker.toml``) on top of the default lexicon.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

import checker
from checker.config import Config, load_story_config, with_story
from checker.records import Claim, CountValue, DateValue

REPORTS = Path(__file__).resolve().parents[2] / "reports"

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "claims.yaml").read_text("utf-8"))
DEFAULT_PUBLISHED: dt.date = CASES["defaults"]["published"]

pytestmark = pytest.mark.slow


def _matches(claim: Claim, want: dict[str, Any]) -> bool:
    if claim.slot != want["slot"]:
        return False
    if "low" in want:
        if not isinstance(claim.value, CountValue):
            return False
        if (claim.value.low, claim.value.high) != (want["low"], want["high"]):
            return False
    if "start" in want:
        if not isinstance(claim.value, DateValue):
            return False
        if (claim.value.start, claim.value.end) != (want["start"], want["end"]):
            return False
    if "event" in want and claim.event != want["event"]:
        return False
    if "scope" in want and claim.scope != want["scope"]:
        return False
    if "group" in want and claim.group != want["group"]:
        return False
    if "corrects" in want and claim.corrects is not want["corrects"]:
        return False
    if "confidence" in want and claim.confidence != want["confidence"]:
        return False
    if "attribution" in want and claim.attribution != want["attribution"]:
        return False
    if "frame" in want and claim.frame != want["frame"]:
        return False
    if "superseded" in want and claim.superseded is not want["superseded"]:
        return False
    return "as_of" not in want or claim.as_of == want["as_of"]


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["id"] for c in CASES["cases"]])
def test_claims_case(case: dict[str, Any], nlp: object) -> None:
    config = None
    if "story" in case:
        config = with_story(Config(), load_story_config(REPORTS / case["story"] / "checker.toml"))
    found = checker.claims(
        case["text"], published=case.get("published", DEFAULT_PUBLISHED), config=config
    )
    shown = [(c.slot, c.value, c.as_of, c.quote) for c in found]
    for want in case.get("expect", []):
        assert any(_matches(c, want) for c in found), f"missing {want}; found {shown}"
    for slot in case.get("absent", []):
        assert all(c.slot != slot for c in found), f"unexpected {slot}; found {shown}"


def test_case_table_is_large_and_unique() -> None:
    ids = [c["id"] for c in CASES["cases"]]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 40
