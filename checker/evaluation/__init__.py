"""Scoring the checker against hand-written gold: one story at a time, then in total.

``load_gold`` reads a gold file (``schemas/gold.schema.json``, rules in
``tests/gold/RULES.md``); ``score_story`` scores a report against it;
``total`` adds the ratios of several stories; ``describe`` lists what went
wrong, for whoever tunes the extractor.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.evaluation.gold import GoldStory, load_gold, plain, problems
from checker.evaluation.score import Ratio, StoryScores, score_story
from checker.records import CountValue, DateValue

__all__ = [
    "GoldStory",
    "Ratio",
    "StoryScores",
    "describe",
    "load_gold",
    "plain",
    "problems",
    "score_story",
    "total",
]


def total(scores: Iterable[StoryScores]) -> dict[str, Ratio]:
    out: dict[str, Ratio] = {name: Ratio(0, 0) for name in StoryScores.METRICS}
    for s in scores:
        for name, ratio in s.ratios().items():
            out[name] = out[name] + ratio
    return out


def _value(value: object) -> str:
    if isinstance(value, CountValue):
        return f"[{value.low},{value.high}]"
    if isinstance(value, DateValue):
        return f"{value.start}..{value.end}"
    return str(getattr(value, "text", value))


def describe(scores: StoryScores, limit: int = 40) -> str:
    """What was missed or wrong, one line each."""
    out: list[str] = []
    for g in scores.missed[:limit]:
        value = f"[{g.low},{g.high}]" if g.kind != "date" else f"{g.start}..{g.end}"
        out.append(f"MISS  {g.article_id}  {g.kind}/{g.frame}  {g.quote!r}  {value}")
    for c in scores.spurious[:limit]:
        out.append(f"FP    {c.article_id}  {c.slot}  {c.quote!r}  {_value(c.value)}")
    for g, c in scores.wrong_slot[:limit]:
        gold = "/".join(x for x in (g.frame, g.group, g.scope, g.event) if x)
        background = " (background)" if g.background else ""
        out.append(f"SLOT  {g.article_id}  gold {gold}{background}  got {c.slot}  {g.quote!r}")
    for g, c in scores.wrong_as_of[:limit]:
        out.append(f"ASOF  {g.article_id}  {g.frame} {g.quote!r} gold {g.as_of} got {c.as_of}")
    for f in scores.missed_findings[:limit]:
        out.append(f"MISSF {f.level} {f.type} {f.kind}/{f.frame} focus {f.focus} ({f.label})")
    for p in scores.false_findings[:limit]:
        out.append(f"FALSE {p.severity.value} {p.type.value} {p.slot}: {p.message[:150]}")
    for t, p in scores.sprung[:limit]:
        out.append(f"TRAP  {t.frame} {list(t.articles)} ({t.why}) by {p.type.value} {p.slot}")
    return "\n".join(out)
