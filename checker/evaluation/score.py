"""Scoring one story's report against its gold (the rules: tests/gold/RULES.md, "Scoring").

Claims match one-to-one, closest first: same article, compatible kind (a
count and a quantity may match: the figure was found, its frame is scored
apart), the gold quote's span overlaps the claim's span, and the values
overlap. Frame, group, scope, event and ``as_of`` of matched claims are
scored apart from recall, so a figure found but filed wrongly costs slot
accuracy, not recall.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from checker.evaluation.frames import claim_view, finding_frame, frames_agree, groups_agree
from checker.evaluation.gold import (
    GoldClaim,
    GoldFinding,
    GoldStory,
    Trap,
    finding_family,
    quote_spans,
)
from checker.records import Claim, CountValue, DateValue, Finding, Kind, Report, Severity

NUMERIC = frozenset({"count", "quantity"})


@dataclass(frozen=True)
class Ratio:
    hits: int
    total: int

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.hits}/{self.total})"

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)


@dataclass(frozen=True)
class StoryScores:
    story: str
    claim_recall: Ratio
    claim_precision: Ratio
    slot_accuracy: Ratio
    as_of_accuracy: Ratio
    required_found: Ratio
    stretch_found: Ratio
    traps: Ratio
    """Hits are traps sprung, total the traps in the gold."""
    error_precision: Ratio
    warning_precision: Ratio
    non_claims_extracted: Ratio
    missed: tuple[GoldClaim, ...] = field(default=(), repr=False)
    spurious: tuple[Claim, ...] = field(default=(), repr=False)
    wrong_slot: tuple[tuple[GoldClaim, Claim], ...] = field(default=(), repr=False)
    wrong_as_of: tuple[tuple[GoldClaim, Claim], ...] = field(default=(), repr=False)
    missed_findings: tuple[GoldFinding, ...] = field(default=(), repr=False)
    false_findings: tuple[Finding, ...] = field(default=(), repr=False)
    sprung: tuple[tuple[Trap, Finding], ...] = field(default=(), repr=False)

    METRICS = (
        "claim_recall",
        "claim_precision",
        "slot_accuracy",
        "as_of_accuracy",
        "required_found",
        "stretch_found",
        "traps",
        "error_precision",
        "warning_precision",
        "non_claims_extracted",
    )

    def ratios(self) -> dict[str, Ratio]:
        return {name: getattr(self, name) for name in self.METRICS}


def _overlap(
    a_low: float | None, a_high: float | None, b_low: float | None, b_high: float | None
) -> bool:
    lo = max(x for x in (a_low, b_low, float("-inf")) if x is not None)
    hi = min(x for x in (a_high, b_high, float("inf")) if x is not None)
    return lo <= hi


def _values_overlap(gold: GoldClaim, claim: Claim) -> bool:
    value = claim.value
    if isinstance(value, CountValue):
        return gold.kind in NUMERIC and _overlap(gold.low, gold.high, value.low, value.high)
    if isinstance(value, DateValue):
        if gold.kind != "date" or gold.start is None:
            return False
        return gold.start <= value.end and value.start <= (gold.end or gold.start)
    return gold.kind == "name"


def _gold_span(gold: GoldClaim, texts: Mapping[str, str]) -> tuple[int, int] | None:
    spans = quote_spans(texts.get(gold.article_id, ""), gold.quote)
    if not spans:
        return None
    return spans[min(gold.occurrence, len(spans) - 1)]


def match_claims(
    gold: Iterable[GoldClaim], predicted: Iterable[Claim], texts: Mapping[str, str]
) -> list[tuple[GoldClaim, Claim]]:
    by_article: dict[str, list[Claim]] = {}
    for c in predicted:
        by_article.setdefault(c.article_id, []).append(c)
    candidates: list[tuple[int, int, GoldClaim, Claim]] = []
    for gi, g in enumerate(gold):
        span = _gold_span(g, texts)
        if span is None:
            continue
        for c in by_article.get(g.article_id, []):
            if (c.kind is Kind.NAME) != (g.kind == "name"):
                continue
            if not (span[0] < c.end and c.start < span[1]) or not _values_overlap(g, c):
                continue
            distance = abs(c.start - span[0])
            candidates.append((distance, gi, g, c))
    taken: set[int] = set()
    used: set[str] = set()
    pairs = []
    for _, gi, g, c in sorted(candidates, key=lambda t: (t[0], t[1], t[3].id)):
        if gi in taken or c.id in used:
            continue
        taken.add(gi)
        used.add(c.id)
        pairs.append((g, c))
    return pairs


def slot_correct(gold: GoldClaim, claim: Claim) -> bool:
    view = claim_view(claim)
    if gold.kind == "name":
        return True
    return (
        frames_agree(gold.frame, view.frame)
        and groups_agree(gold.group, view.group)
        and (gold.scope is None or view.scope is not None)
        and gold.background == view.background
    )


def _in_scope(claim: Claim, gold: GoldStory) -> bool:
    frame = claim_view(claim).frame
    if claim.kind is Kind.COUNT:
        return any(frames_agree(g, frame) for g in gold.frames)
    if claim.kind is Kind.QUANTITY:
        return frame in gold.quantity_frames
    if claim.kind is Kind.DATE:
        return frame in gold.date_frames
    return False


def _finding_articles(finding: Finding, claim_article: Mapping[str, str]) -> set[str]:
    if finding.slot == "published":
        return set(finding.outlier_reports)
    return {claim_article[c] for c in finding.claim_ids if c in claim_article}


def _matches(
    gold: GoldFinding,
    finding: Finding,
    articles: set[str],
    frame: str,
    gold_of: Mapping[str, GoldClaim],
) -> bool:
    """Same family and frame, the focus and one other listed report, and in the focus
    report a claim that is the gold's figure of that frame (not a background one)."""
    if finding_family(finding.type.value) != gold.family or gold.focus not in articles:
        return False
    if gold.type == "spelling":
        return gold.variant is None or _names_variant(gold.variant, finding)
    if gold.type == "metadata":
        return True
    if not frames_agree(gold.frame, frame):
        return False
    focus_figures = [
        gold_of[c]
        for c in finding.claim_ids
        if c in gold_of and gold_of[c].article_id == gold.focus
    ]
    if not any(g.frame == gold.frame and not g.background for g in focus_figures):
        return False
    others = set(gold.articles) - {gold.focus}
    return not others or bool(others & (articles - {gold.focus}))


def _names_variant(variant: str, finding: Finding) -> bool:
    """The spelling finding names the gold's variant: one of its words, as a variant."""
    from checker.name_match import fold

    said = fold(finding.message)
    return any(fold(word) in said for word in variant.replace("-", " ").split() if len(word) > 2)


def _sprung(
    trap: Trap,
    finding: Finding,
    articles: set[str],
    frame: str,
    claims: Mapping[str, Claim],
    texts: Mapping[str, str],
) -> bool:
    if finding.type.value not in ("contradiction", "stale", "regression"):
        return False
    if finding.severity is Severity.INFO or not frames_agree(trap.frame, frame):
        return False
    if not set(trap.articles) <= articles:
        return False
    sides = []
    for article_id, quote in zip(trap.articles, trap.quotes, strict=False):
        spans = quote_spans(texts.get(article_id, ""), quote)
        hits = [
            i
            for i in finding.claim_ids
            if i in claims
            and claims[i].article_id == article_id
            and any(s < claims[i].end and claims[i].start < e for s, e in spans)
        ]
        if not hits:
            return False
        sides.append(any(i in finding.outliers for i in hits))
    # a finding that names its odd ones out says they disagree with the rest, not that
    # the rest disagree among themselves: a pair of figures the trap says agree is
    # sprung only when the finding puts them on both sides
    return not finding.outliers or len(sides) < 2 or len(set(sides)) > 1


def _superseded_of_gold(
    gold: Iterable[GoldClaim], predicted: Iterable[Claim], texts: Mapping[str, str]
) -> set[str]:
    """Superseded claims that are a gold claim's ``previous`` ("from 28" in "down to 27
    from 28"): the gold writes them inside the new figure's claim, the checker as a
    claim of their own; neither rewarded nor counted against precision."""
    with_previous = [(g, _gold_span(g, texts)) for g in gold if g.previous is not None]
    out = set()
    for c in predicted:
        if not c.superseded or not isinstance(c.value, CountValue):
            continue
        for g, span in with_previous:
            if span is None or g.article_id != c.article_id or g.previous is None:
                continue
            low, high = g.previous
            if (
                span[0] < c.end
                and c.start < span[1]
                and _overlap(low, high, c.value.low, c.value.high)
            ):
                out.add(c.id)
    return out


def score_story(report: Report, gold: GoldStory) -> StoryScores:
    ids = gold.article_ids
    texts = {a.id: a.text for a in report.articles if a.id in ids}
    predicted = [c for c in report.claims if c.article_id in ids]
    scored_gold = [g for g in gold.claims if not g.optional]
    pairs = match_claims(gold.claims, predicted, texts)
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {c.id for _, c in pairs}
    optional_pred = {c.id for g, c in pairs if g.optional}
    superseded_pred = _superseded_of_gold(gold.claims, predicted, texts)
    scoped = [
        c
        for c in predicted
        if _in_scope(c, gold) and c.id not in optional_pred and c.id not in superseded_pred
    ]
    numeric_pairs = [(g, c) for g, c in pairs if g.kind != "name" and not g.optional]
    wrong_slot = tuple((g, c) for g, c in numeric_pairs if not slot_correct(g, c))
    dated = [(g, c) for g, c in numeric_pairs if g.as_of is not None]
    wrong_as_of = tuple((g, c) for g, c in dated if c.as_of != g.as_of)

    non_claim_hits = 0
    for n in gold.non_claims:
        spans = quote_spans(texts.get(n.article_id, ""), n.quote)
        if any(
            c.article_id == n.article_id
            and c.kind is Kind.COUNT
            and any(s < c.end and c.start < e for s, e in spans)
            for c in predicted
        ):
            non_claim_hits += 1

    gold_of = {c.id: g for g, c in pairs}
    claim_article = {c.id: c.article_id for c in report.claims}
    claims_by_id = {c.id: c for c in report.claims}
    kinds = {c.id: c.kind for c in report.claims}
    findings = [f for f in report.findings if f.story == gold.story]
    described = [
        (f, _finding_articles(f, claim_article), finding_frame(f, kinds)) for f in findings
    ]
    found: set[int] = set()
    true_findings: set[str] = set()
    for gi, g in enumerate(gold.findings):
        for f, articles, frame in described:
            if _matches(g, f, articles, frame, gold_of):
                found.add(gi)
                true_findings.add(f.id)
    sprung = tuple(
        (t, f)
        for t in gold.traps
        for f, articles, frame in described
        if _sprung(t, f, articles, frame, claims_by_id, texts)
    )

    def level(name: str) -> Ratio:
        chosen = [i for i, g in enumerate(gold.findings) if g.level == name]
        return Ratio(sum(1 for i in chosen if i in found), len(chosen))

    def precision(severity: Severity) -> Ratio:
        chosen = [f for f in findings if f.severity is severity]
        return Ratio(sum(1 for f in chosen if f.id in true_findings), len(chosen))

    return StoryScores(
        story=gold.story,
        claim_recall=Ratio(sum(1 for g in scored_gold if id(g) in matched_gold), len(scored_gold)),
        claim_precision=Ratio(sum(1 for c in scoped if c.id in matched_pred), len(scoped)),
        slot_accuracy=Ratio(len(numeric_pairs) - len(wrong_slot), len(numeric_pairs)),
        as_of_accuracy=Ratio(len(dated) - len(wrong_as_of), len(dated)),
        required_found=level("required"),
        stretch_found=level("stretch"),
        traps=Ratio(len({id(t) for t, _ in sprung}), len(gold.traps)),
        error_precision=precision(Severity.ERROR),
        warning_precision=precision(Severity.WARNING),
        non_claims_extracted=Ratio(non_claim_hits, len(gold.non_claims)),
        missed=tuple(g for g in scored_gold if id(g) not in matched_gold),
        spurious=tuple(c for c in scoped if c.id not in matched_pred),
        wrong_slot=wrong_slot,
        wrong_as_of=wrong_as_of,
        missed_findings=tuple(g for i, g in enumerate(gold.findings) if i not in found),
        false_findings=tuple(
            f for f in findings if f.id not in true_findings and f.severity is not Severity.INFO
        ),
        sprung=sprung,
    )
