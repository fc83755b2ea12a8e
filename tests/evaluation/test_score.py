"""The scoreboard's scorer on hand-built reports: what each figure means."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from checker.evaluation import load_gold, problems, score_story, total
from checker.evaluation.frames import groups_agree
from checker.evaluation.score import Ratio
from checker.records import (
    Claim,
    CountValue,
    Finding,
    FindingType,
    Kind,
    Qualifier,
    Report,
    Severity,
)
from tests.factories import article

DAY = dt.date(2017, 6, 14)
TEXT_A = "Police said six people have died. In 2004, 230,000 people died in the tsunami."
TEXT_B = "Twelve people have died, officials said. Twelve people have died, a nurse said."
ARTICLES = (
    article("fire/a", DAY, text=TEXT_A, story="fire"),
    article("fire/b", DAY, text=TEXT_B, story="fire"),
)


def claim(article_id: str, words: str, slot: str, low: float, *, nth: int = 0, **kw: Any) -> Claim:
    text = TEXT_A if article_id == "fire/a" else TEXT_B
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Claim(
        id=f"{article_id}:{start}",
        article_id=article_id,
        story="fire",
        slot=slot,
        kind=Kind.COUNT,
        value=CountValue(low, low),
        qualifier=Qualifier.EXACT,
        as_of=kw.pop("as_of", DAY),
        quote=words,
        sentence=words,
        start=start,
        end=start + len(words),
        **kw,
    )


def gold_data(**extra: Any) -> dict[str, Any]:
    killed = {"kind": "count", "frame": "killed", "qualifier": "exact", "as_of": DAY}
    data: dict[str, Any] = {
        "version": 2,
        "story": "fire",
        "corpus": "reports",
        "scope": {"frames": ["killed"]},
        "articles": [
            {
                "id": "fire/a",
                "path": "reports/fire/a.md",
                "published": DAY,
                "published_basis": "metadata",
                "claims": [
                    {**killed, "low": 6, "high": 6, "quote": "six people have died"},
                    {
                        **killed,
                        "low": 230000,
                        "high": 230000,
                        "quote": "230,000 people",
                        "event": "2004-tsunami",
                        "background": True,
                        "as_of": None,
                    },
                ],
            },
            {
                "id": "fire/b",
                "path": "reports/fire/b.md",
                "published": DAY,
                "published_basis": "metadata",
                "claims": [
                    {**killed, "low": 12, "high": 12, "quote": "Twelve people have died"},
                    {**killed, "low": 12, "high": 12, "quote": "Twelve people have died"},
                ],
            },
        ],
        "findings": [
            {
                "type": "contradiction",
                "severity": "error",
                "level": "required",
                "kind": "count",
                "frame": "killed",
                "focus": "fire/a",
                "articles": ["fire/a", "fire/b"],
                "planted": "same-day disagreement",
            }
        ],
        "must_not_flag": [
            {
                "kind": "count",
                "frame": "killed",
                "articles": ["fire/a"],
                "quotes": ["230,000 people"],
                "why": "another event",
            }
        ],
    }
    data.update(extra)
    return data


def finding(*claims: Claim, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(
        id=f"f-{'-'.join(c.id for c in claims)}",
        type=FindingType.CONTRADICTION,
        severity=severity,
        story="fire",
        slot=claims[0].slot,
        claim_ids=tuple(c.id for c in claims),
        message="",
    )


def report(claims: list[Claim], findings: list[Finding]) -> Report:
    return Report(ARTICLES, tuple(claims), tuple(findings), ())


def test_a_perfect_report_scores_full_marks_but_for_the_background_figure() -> None:
    six = claim("fire/a", "six people", "people.killed", 6)
    twelve = claim("fire/b", "Twelve people", "dead", 12)
    twelve_again = claim("fire/b", "Twelve people", "dead", 12, nth=1)
    scores = score_story(
        report([six, twelve, twelve_again], [finding(six, twelve)]), load_gold(gold_data())
    )
    assert scores.claim_recall == Ratio(3, 4)
    assert scores.claim_precision == Ratio(3, 3)
    assert scores.slot_accuracy == Ratio(3, 3)
    assert scores.required_found == Ratio(1, 1)
    assert scores.error_precision == Ratio(1, 1)
    assert scores.traps == Ratio(0, 1)
    assert [g.quote for g in scores.missed] == ["230,000 people"]


def test_a_background_figure_filed_under_the_main_event_costs_slot_accuracy() -> None:
    tsunami = claim("fire/a", "230,000 people", "people.killed", 230000)
    scores = score_story(report([tsunami], []), load_gold(gold_data()))
    assert scores.claim_recall == Ratio(1, 4)
    assert scores.slot_accuracy == Ratio(0, 1)
    background = replace(tsunami, event="background")
    assert score_story(report([background], []), load_gold(gold_data())).slot_accuracy == Ratio(
        1, 1
    )


def test_comparing_the_background_toll_springs_the_trap_and_is_a_false_error() -> None:
    tsunami = claim("fire/a", "230,000 people", "dead", 230000)
    twelve = claim("fire/b", "Twelve people", "dead", 12)
    scores = score_story(
        report([tsunami, twelve], [finding(tsunami, twelve)]), load_gold(gold_data())
    )
    assert scores.traps == Ratio(1, 1)
    # it names fire/a (the focus) and fire/b, but not fire/a's own toll
    assert scores.required_found == Ratio(0, 1)
    assert scores.error_precision == Ratio(0, 1)


def test_a_finding_between_other_reports_is_not_true() -> None:
    twelve = claim("fire/b", "Twelve people", "dead", 12)
    again = claim("fire/b", "Twelve people", "dead", 12, nth=1)
    scores = score_story(
        report([twelve, again], [finding(twelve, again, severity=Severity.WARNING)]),
        load_gold(gold_data()),
    )
    assert scores.warning_precision == Ratio(0, 1)
    assert scores.required_found == Ratio(0, 1)
    assert len(scores.false_findings) == 1


def test_wrong_frame_wrong_time_and_out_of_scope_claims() -> None:
    six = claim("fire/a", "six people", "people.injured", 6, as_of=DAY - dt.timedelta(days=1))
    scores = score_story(report([six], []), load_gold(gold_data()))
    assert scores.claim_recall == Ratio(1, 4)
    assert scores.slot_accuracy == Ratio(0, 1)
    assert scores.as_of_accuracy == Ratio(0, 1)
    # an injured claim is outside a scope of killed figures: not held against precision
    assert scores.claim_precision == Ratio(0, 0)


def test_a_value_that_does_not_overlap_is_not_a_match() -> None:
    seven = claim("fire/a", "six people", "dead", 7)
    scores = score_story(report([seven], []), load_gold(gold_data()))
    assert scores.claim_recall == Ratio(0, 4)
    assert scores.claim_precision == Ratio(0, 1)


def test_totals_add_hits_and_totals() -> None:
    gold = load_gold(gold_data())
    one = score_story(report([claim("fire/a", "six people", "dead", 6)], []), gold)
    two = score_story(report([], []), gold)
    assert total([one, two])["claim_recall"] == Ratio(1, 8)


def test_problems_name_missing_reports_and_quotes() -> None:
    data = gold_data()
    data["articles"][1]["claims"][0]["quote"] = "Thirteen people"
    data["articles"] = data["articles"][1:]
    found = problems(load_gold(data), ARTICLES, max_quote_words=3)
    assert "report fire/a has no entry" in found
    assert "fire/b: quote not in text: 'Thirteen people'" in found
    assert any("longer than 3 words" in p for p in found)
    assert any("unknown article fire/a" in p for p in found)


def test_bodies_recovered_may_be_filed_as_the_toll_or_as_a_count_of_their_own() -> None:
    from checker.evaluation.frames import frames_agree

    assert frames_agree("killed", "recovered")  # after a collapse: the toll so far
    assert frames_agree("other", "recovered")  # after a crash: the dead are known already
    assert not frames_agree("injured", "recovered")


@pytest.mark.parametrize(
    ("gold", "found", "agree"),
    [
        ("women", "woman", True),
        ("men", "man", True),
        ("children", "child", True),
        ("firemen", "fireman", True),
        ("families", "family", True),
        ("dutch", "dutch", True),
        ("passengers", "passenger", True),
        ("women", "man", False),
        ("children", None, False),
        (None, "woman", True),
    ],
)
def test_a_group_agrees_singular_or_plural(
    gold: str | None, found: str | None, agree: bool
) -> None:
    assert groups_agree(gold, found) is agree


def test_a_trap_pair_in_the_majority_of_a_finding_is_not_sprung() -> None:
    pair_trap = {
        "kind": "count",
        "frame": "killed",
        "articles": ["fire/a", "fire/b"],
        "quotes": ["six people", "Twelve people"],
        "why": "agreeing approximations",
    }
    six = claim("fire/a", "six people", "dead", 6)
    twelve = claim("fire/b", "Twelve people", "dead", 12)
    gold = load_gold(gold_data(must_not_flag=[pair_trap]))
    both_sides = replace(finding(six, twelve), outliers=(six.id,))
    assert score_story(report([six, twelve], [both_sides]), gold).traps == Ratio(1, 1)
    odd = claim("fire/a", "230,000 people", "dead", 230000)
    majority = replace(finding(odd, six, twelve), outliers=(odd.id,))
    assert score_story(report([six, twelve, odd], [majority]), gold).traps == Ratio(0, 1)
