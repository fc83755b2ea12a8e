"""The recogniser table of checker.extract.dates.scan: each entry is one kind of expression the
date cases (cases/dates.yaml) exercise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.extract.dates import find_dates
from checker.extract.dates.anchoring import _Ctx
from checker.extract.dates.scan import RECOGNISERS, Recogniser

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "dates.yaml").read_text(encoding="utf-8")
)


def _anchor(case: dict[str, Any]) -> dt.date | None:
    value = case.get("anchor")
    return value if isinstance(value, dt.date) or value is None else dt.date.fromisoformat(value)


def _kept_spans(recogniser: Recogniser, case: dict[str, Any]) -> list[tuple[int, int]]:
    """Spans this recogniser reads in a case's text that find_dates returns as they are."""
    text = case["text"]
    anchor = _anchor(case)
    ctx = _Ctx(text, anchor, tuple(case.get("story_years", ())))
    returned = {(m.start, m.end) for m in find_dates(text, anchor, story_years=ctx.story_years)}
    spans = []
    for m in recogniser.pattern.finditer(text):
        reading = recogniser.build(ctx, m)
        if reading is None:
            continue
        mention = reading[0] if isinstance(reading, tuple) else reading
        if (mention.start, mention.end) in returned:
            spans.append((mention.start, mention.end))
    return spans


def test_names_are_unique() -> None:
    names = [r.name for r in RECOGNISERS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("recogniser", RECOGNISERS, ids=[r.name for r in RECOGNISERS])
def test_every_recogniser_is_exercised_by_a_case(recogniser: Recogniser) -> None:
    assert any(_kept_spans(recogniser, case) for case in CASES), (
        f"no case in cases/dates.yaml has a mention read by the {recogniser.name!r} recogniser"
    )
