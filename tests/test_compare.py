"""The comparison stage: data-driven scenarios (tests/cases/compare/*.yaml) plus properties."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.compare import Comparison, compare
from checker.config import Config, config_from_mapping
from checker.records import (
    Article,
    Claim,
    CountValue,
    Finding,
    FindingType,
    Kind,
    Qualifier,
    Severity,
)
from checker.slots import load_lexicon
from tests.compare_factories import article_from, claim_from

CASES = Path(__file__).parent / "cases" / "compare"
SCENARIOS = sorted(CASES.glob("*.yaml"))
LEXICON_BEHAVIOUR = dict(load_lexicon().behaviour)


@dataclasses.dataclass
class Scenario:
    name: str
    articles: list[Article]
    claims: list[Claim]
    config: Config
    expect: Mapping[str, Any]


def load(path: Path) -> Scenario:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    articles = [article_from(a) for a in raw["articles"]]
    by_id = {a.id: a for a in articles}
    claims = [claim_from(c, by_id) for c in raw["claims"]]
    config = config_from_mapping(raw.get("config", {}))
    return Scenario(path.stem, articles, claims, config, raw.get("expect", {}))


def run(
    s: Scenario, claims: Sequence[Claim] | None = None, articles: Sequence[Article] | None = None
) -> Comparison:
    return compare(
        s.claims if claims is None else claims,
        s.articles if articles is None else articles,
        s.config,
        LEXICON_BEHAVIOUR,
    )


def _matches(want: Mapping[str, Any], got: Finding) -> bool:
    if got.type is not FindingType(want["type"]):
        return False
    if "slot" in want and got.slot != want["slot"]:
        return False
    if "severity" in want and got.severity is not Severity(want["severity"]):
        return False
    refs = {str(c) for c in want.get("claims", ())}
    if want.get("exact_claims") and refs != set(got.claim_ids):
        return False
    if not refs <= set(got.claim_ids):
        return False
    if "outliers" in want and [str(c) for c in want["outliers"]] != list(got.outliers):
        return False
    return all(part in got.message for part in want.get("message", ()))


def _show(findings: Sequence[Finding]) -> str:
    return "\n".join(
        f"  {f.type.value}/{f.severity.value} {f.slot} {list(f.claim_ids)}: {f.message}"
        for f in findings
    )


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(path: Path) -> None:
    s = load(path)
    result = run(s)
    expected = list(s.expect.get("findings", []))
    remaining = list(result.findings)
    for want in expected:
        hit = next((f for f in remaining if _matches(want, f)), None)
        assert hit is not None, f"{s.name}: no finding like {want}; got:\n{_show(result.findings)}"
        remaining.remove(hit)
    if s.expect.get("exhaustive", True):
        assert not remaining, f"{s.name}: unexpected findings:\n{_show(remaining)}"
    flagged = {c for f in result.findings for c in f.claim_ids}
    for ref in s.expect.get("not_flagged", []):
        assert str(ref) not in flagged, f"{s.name}: {ref} flagged:\n{_show(result.findings)}"
    for slot, changes in s.expect.get("timelines", {}).items():
        lines = [t for t in result.timelines if t.slot == slot]
        assert len(lines) == 1, f"{s.name}: timelines for {slot}: {lines}"
        assert [p.change for p in lines[0].points] == changes, lines[0]
    for slot in s.expect.get("no_timeline", []):
        assert not [t for t in result.timelines if t.slot == slot]


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario_is_order_independent(path: Path) -> None:
    s = load(path)
    baseline = run(s)
    for seed in range(3):
        rng = random.Random(seed)
        claims, articles = list(s.claims), list(s.articles)
        rng.shuffle(claims)
        rng.shuffle(articles)
        assert run(s, claims, articles) == baseline


def _unrelated(s: Scenario) -> tuple[list[Claim], list[Article]]:
    """The scenario plus a copy in another story and a conflicting unrelated slot."""
    day = dt.date(1997, 1, 5)
    extra_articles = [
        dataclasses.replace(a, id=f"zz-{a.id}", story="zz-other") for a in s.articles
    ] + [article_from({"id": "zz-x", "published": day, "story": s.articles[0].story})]
    extra_claims = [
        dataclasses.replace(c, id=f"zz-{c.id}", article_id=f"zz-{c.article_id}", story="zz-other")
        for c in s.claims
    ]
    home = s.articles[0].story
    for k, n in enumerate((3, 9)):
        extra_claims.append(
            dataclasses.replace(
                s.claims[0],
                id=f"zz-u{k}",
                article_id="zz-x" if k else s.articles[0].id,
                story=home,
                slot="unrelated.slot",
                kind=Kind.COUNT,
                value=CountValue(n, n),
                qualifier=Qualifier.EXACT,
                as_of=day,
                as_of_time=None,
            )
        )
    return [*s.claims, *extra_claims], [*s.articles, *extra_articles]


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_finding_ids_survive_unrelated_reports(path: Path) -> None:
    s = load(path)
    before = run(s)
    claims, articles = _unrelated(s)
    after = run(s, claims, articles)
    kept = [
        f
        for f in after.findings
        if f.story == s.articles[0].story
        and f.slot != "unrelated.slot"
        and not any(c.startswith("zz-") for c in f.claim_ids)
    ]
    assert [(f.id, f.message) for f in kept] == [(f.id, f.message) for f in before.findings]


def test_enough_scenarios() -> None:
    assert len(SCENARIOS) >= 25


def test_findings_sorted_and_ids_unique() -> None:
    for path in SCENARIOS:
        result = run(load(path))
        keys = [(f.story, f.slot, f.type.value, f.id) for f in result.findings]
        assert keys == sorted(keys)
        assert len({f.id for f in result.findings}) == len(result.findings)
        lines = [(t.story, t.slot, t.kind.value) for t in result.timelines]
        assert lines == sorted(lines)
        for f in result.findings:
            assert len(set(f.claim_ids)) == len(f.claim_ids)
            odd = len(f.outliers)
            assert list(f.claim_ids[:odd]) == list(f.outliers)  # the odd ones out come first


def test_empty_input() -> None:
    assert compare([], [], Config(), LEXICON_BEHAVIOUR) == Comparison((), ())


def test_timeline_points_order_and_dates() -> None:
    s = load(CASES / "date_span_agrees.yaml")
    (line,) = [t for t in run(s).timelines if t.slot == "attack.date"]
    assert all(p.low is None and p.start_date is not None for p in line.points)
    assert line.kind is Kind.DATE
