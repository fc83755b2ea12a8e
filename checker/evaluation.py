"""Scoring a report against gold annotations (schemas/gold.schema.json).

Claims match one-to-one, greedily: same article and kind, the gold quote's
span overlaps the claim's span, and the values overlap. The slot and the
``as_of`` of matched claims are scored separately, so a figure found but
filed under the wrong slot costs slot accuracy, not recall.

Precision is measured inside the gold's declared scope: count claims whose
noun class is listed, date claims of listed events. Findings match on type,
slot and shared articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from checker.records import Claim, CountValue, DateValue, Finding, Kind, Report

FLAGGING_TYPES = frozenset({"contradiction", "stale", "regression"})


@dataclass(frozen=True)
class GoldClaim:
    article_id: str
    slot: str
    kind: str
    low: float | None
    high: float | None
    start: dt.date | None
    end: dt.date | None
    as_of: dt.date | None
    quote: str


@dataclass(frozen=True)
class GoldFinding:
    type: str
    slot: str
    articles: frozenset[str]
    planted: str = ""


@dataclass(frozen=True)
class Ratio:
    hits: int
    total: int

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.hits}/{self.total})"


@dataclass(frozen=True)
class Scores:
    claim_recall: Ratio
    claim_precision: Ratio
    count_recall: Ratio
    count_precision: Ratio
    date_recall: Ratio
    date_precision: Ratio
    slot_accuracy: Ratio
    as_of_accuracy: Ratio
    date_as_of_accuracy: Ratio
    finding_recall: Ratio
    finding_precision: Ratio
    must_not_flag_violations: tuple[str, ...]
    missed_claims: tuple[GoldClaim, ...] = field(default=(), repr=False)
    spurious_claims: tuple[Claim, ...] = field(default=(), repr=False)
    wrong_slot: tuple[tuple[GoldClaim, Claim], ...] = field(default=(), repr=False)
    wrong_as_of: tuple[tuple[GoldClaim, Claim], ...] = field(default=(), repr=False)
    missed_findings: tuple[GoldFinding, ...] = field(default=(), repr=False)
    spurious_findings: tuple[Finding, ...] = field(default=(), repr=False)

    def summary(self) -> str:
        rows = [
            ("claim recall", self.claim_recall),
            ("claim precision", self.claim_precision),
            ("count recall", self.count_recall),
            ("count precision", self.count_precision),
            ("date recall", self.date_recall),
            ("date precision", self.date_precision),
            ("slot correct (matched)", self.slot_accuracy),
            ("as_of correct (matched)", self.as_of_accuracy),
            ("date as_of correct", self.date_as_of_accuracy),
            ("finding recall", self.finding_recall),
            ("finding precision", self.finding_precision),
        ]
        lines = [f"{name:<26}{ratio}" for name, ratio in rows]
        lines.append(f"{'must-not-flag violations':<26}{len(self.must_not_flag_violations)}")
        return "\n".join(lines)


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _num(value: Any) -> float | None:
    return None if value is None else float(value)


def load_gold(
    data: Mapping[str, Any],
) -> tuple[list[GoldClaim], list[GoldFinding], list[GoldFinding], dict[str, Any]]:
    claims = [
        GoldClaim(
            article_id=str(article["id"]),
            slot=str(c["slot"]),
            kind=str(c["kind"]),
            low=_num(c.get("low")),
            high=_num(c.get("high")),
            start=_date(c.get("start")),
            end=_date(c.get("end")),
            as_of=_date(c.get("as_of")),
            quote=str(c.get("quote", "")),
        )
        for article in data.get("articles", [])
        for c in article.get("claims", []) or []
    ]
    findings = [
        GoldFinding(str(f["type"]), str(f["slot"]), frozenset(f["articles"]), f.get("planted", ""))
        for f in data.get("findings", []) or []
    ]
    must_not = [
        GoldFinding("", str(f["slot"]), frozenset(f["articles"]), f.get("why", ""))
        for f in data.get("must_not_flag", []) or []
    ]
    return claims, findings, must_not, dict(data.get("scope", {}))


def _overlap(
    a_low: float | None, a_high: float | None, b_low: float | None, b_high: float | None
) -> bool:
    lo = max(x for x in (a_low, b_low, float("-inf")) if x is not None)
    hi = min(x for x in (a_high, b_high, float("inf")) if x is not None)
    return lo <= hi


def _values_overlap(gold: GoldClaim, claim: Claim) -> bool:
    if isinstance(claim.value, CountValue):
        if gold.kind not in ("count", "quantity"):
            return False
        return _overlap(gold.low, gold.high, claim.value.low, claim.value.high)
    if isinstance(claim.value, DateValue):
        if gold.kind != "date" or gold.start is None:
            return False
        return gold.start <= claim.value.end and claim.value.start <= (gold.end or gold.start)
    return False


def _quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not quote:
        return spans
    at = text.find(quote)
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return spans


def in_scope(claim: Claim, scope: Mapping[str, Any]) -> bool:
    if claim.kind in (Kind.COUNT, Kind.QUANTITY):
        classes = scope.get("count_noun_classes", [])
        return claim.kind is Kind.COUNT and claim.slot.split(".", 1)[0] in classes
    if claim.kind is Kind.DATE:
        return claim.slot.removesuffix(".date") in scope.get("date_events", [])
    return False


def _match_claims(
    gold: Sequence[GoldClaim], predicted: Sequence[Claim], texts: Mapping[str, str]
) -> list[tuple[GoldClaim, Claim]]:
    by_article: dict[str, list[Claim]] = {}
    for c in predicted:
        if c.kind is not Kind.NAME:
            by_article.setdefault(c.article_id, []).append(c)
    used: set[str] = set()
    pairs: list[tuple[GoldClaim, Claim]] = []
    candidates: list[tuple[int, int, GoldClaim, Claim]] = []
    for gi, g in enumerate(gold):
        spans = _quote_spans(texts.get(g.article_id, ""), g.quote)
        for c in by_article.get(g.article_id, []):
            if not _values_overlap(g, c):
                continue
            if spans and not any(s < c.end and c.start < e for s, e in spans):
                continue
            preference = 0 if c.slot == g.slot else 1
            candidates.append((preference, gi, g, c))
    taken: set[int] = set()
    for _, gi, g, c in sorted(candidates, key=lambda t: (t[0], t[1], t[3].start)):
        if gi in taken or c.id in used:
            continue
        taken.add(gi)
        used.add(c.id)
        pairs.append((g, c))
    return pairs


def _finding_articles(finding: Finding, claim_article: Mapping[str, str]) -> frozenset[str]:
    return frozenset(claim_article[c] for c in finding.claim_ids if c in claim_article)


def _finding_slot_matches(gold_slot: str, slot: str) -> bool:
    if gold_slot == slot:
        return True
    if gold_slot.startswith("name:") and slot.startswith("name:"):
        gold_last = gold_slot.split()[-1].lower()
        return any(
            gold_last in part.lower() or part.lower() in gold_slot.lower()
            for part in slot[5:].split()
        )
    return False


def score(report: Report, gold_data: Mapping[str, Any]) -> Scores:
    gold_claims, gold_findings, must_not, scope = load_gold(gold_data)
    texts = {a.id: a.text for a in report.articles}
    gold_articles = {str(a["id"]) for a in gold_data.get("articles", [])}
    predicted = [c for c in report.claims if c.article_id in gold_articles]
    pairs = _match_claims(gold_claims, predicted, texts)
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {c.id for _, c in pairs}
    scoped = [c for c in predicted if in_scope(c, scope)]

    def ratio_for(kind_test: Any) -> tuple[Ratio, Ratio]:
        gold_k = [g for g in gold_claims if kind_test(g.kind)]
        pred_k = [c for c in scoped if kind_test(c.kind.value)]
        recall = Ratio(sum(1 for g in gold_k if id(g) in matched_gold), len(gold_k))
        precision = Ratio(sum(1 for c in pred_k if c.id in matched_pred), len(pred_k))
        return recall, precision

    claim_recall, claim_precision = ratio_for(lambda k: k in ("count", "quantity", "date"))
    count_recall, count_precision = ratio_for(lambda k: k in ("count", "quantity"))
    date_recall, date_precision = ratio_for(lambda k: k == "date")
    wrong_slot = tuple((g, c) for g, c in pairs if g.slot != c.slot)
    wrong_as_of = tuple((g, c) for g, c in pairs if g.as_of is not None and c.as_of != g.as_of)
    date_pairs = [(g, c) for g, c in pairs if g.kind == "date"]

    claim_article = {c.id: c.article_id for c in report.claims}
    relevant = [f for f in report.findings if f.story == gold_data.get("story", f.story)]
    found_gold: set[int] = set()
    found_pred: set[str] = set()
    for gi, g in enumerate(gold_findings):
        for f in relevant:
            if f.type.value != g.type or not _finding_slot_matches(g.slot, f.slot):
                continue
            shared = _finding_articles(f, claim_article) & g.articles
            if len(shared) >= min(2, len(g.articles)) or (
                f.type.value == "metadata" and g.articles & {f.message.split(" ", 1)[0]}
            ):
                found_gold.add(gi)
                found_pred.add(f.id)
    violations = []
    for m in must_not:
        for f in relevant:
            shared = _finding_articles(f, claim_article) & m.articles
            if (
                f.type.value in FLAGGING_TYPES
                and f.slot == m.slot
                and len(shared) >= min(2, len(m.articles))
            ):
                violations.append(f"{f.id} {f.type.value} {f.slot} flags {sorted(m.articles)}")
    return Scores(
        claim_recall=claim_recall,
        claim_precision=claim_precision,
        count_recall=count_recall,
        count_precision=count_precision,
        date_recall=date_recall,
        date_precision=date_precision,
        slot_accuracy=Ratio(len(pairs) - len(wrong_slot), len(pairs)),
        as_of_accuracy=Ratio(
            sum(1 for g, c in pairs if g.as_of is None or c.as_of == g.as_of), len(pairs)
        ),
        date_as_of_accuracy=Ratio(
            sum(1 for g, c in date_pairs if g.as_of is None or c.as_of == g.as_of),
            len(date_pairs),
        ),
        finding_recall=Ratio(len(found_gold), len(gold_findings)),
        finding_precision=Ratio(len(found_pred), len(relevant)),
        must_not_flag_violations=tuple(sorted(set(violations))),
        missed_claims=tuple(g for g in gold_claims if id(g) not in matched_gold),
        spurious_claims=tuple(c for c in scoped if c.id not in matched_pred),
        wrong_slot=wrong_slot,
        wrong_as_of=wrong_as_of,
        missed_findings=tuple(g for gi, g in enumerate(gold_findings) if gi not in found_gold),
        spurious_findings=tuple(f for f in relevant if f.id not in found_pred),
    )


def describe_errors(scores: Scores, limit: int = 40) -> str:
    """A readable list of what was missed or wrong, for tuning."""
    out: list[str] = []
    for g in scores.missed_claims[:limit]:
        out.append(
            f"MISS  {g.article_id}  {g.slot}  {g.quote!r}  [{g.low},{g.high}] {g.start or ''}"
        )
    for c in scores.spurious_claims[:limit]:
        value = c.value
        shown = (
            f"[{value.low},{value.high}]"
            if isinstance(value, CountValue)
            else f"{getattr(value, 'start', '')}"
        )
        out.append(f"FP    {c.article_id}  {c.slot}  {c.quote!r}  {shown}")
    for g, c in scores.wrong_slot[:limit]:
        out.append(f"SLOT  {g.article_id}  gold {g.slot}  got {c.slot}  {g.quote!r}")
    for g, c in scores.wrong_as_of[:limit]:
        out.append(
            f"ASOF  {g.article_id}  {g.slot} {g.quote!r} gold {g.as_of} got {c.as_of} "
            f"({c.as_of_basis})"
        )
    for f in scores.missed_findings[:limit]:
        out.append(f"MISSF {f.type} {f.slot} {sorted(f.articles)} ({f.planted})")
    for p in scores.spurious_findings[:limit]:
        out.append(f"FPF   {p.type.value} {p.slot} {p.message[:160]}")
    return "\n".join(out)
