"""Gold annotations (``schemas/gold.schema.json``, version 2) as typed records.

The rules for writing them are ``tests/gold/RULES.md``. Loading does not
validate against the schema (that needs ``jsonschema``, a development
dependency); :func:`problems` checks what the schema cannot: that every
article exists in the corpus and every quote is in its report's text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checker.records import Article

FLAGGING_TYPES = frozenset({"contradiction", "stale", "regression"})
MAIN_EVENT = "main"


@dataclass(frozen=True)
class GoldClaim:
    article_id: str
    kind: str
    frame: str
    quote: str
    low: float | None = None
    high: float | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    as_of: dt.date | None = None
    group: str | None = None
    scope: str | None = None
    event: str = MAIN_EVENT
    background: bool = False
    partial: bool = False
    optional: bool = False
    text: str | None = None
    canonical: str | None = None
    occurrence: int = 0
    """Which occurrence of ``quote`` in the text (0 = first) this claim is."""
    previous: tuple[float | None, float | None] | None = None
    """The figure the same words supersede ("rose from 20 to 25": 20), as an interval."""


@dataclass(frozen=True)
class GoldFinding:
    type: str
    severity: str
    level: str
    kind: str
    frame: str
    focus: str
    articles: tuple[str, ...]
    label: str = ""
    canonical: str | None = None
    variant: str | None = None

    @property
    def family(self) -> str:
        return finding_family(self.type)


@dataclass(frozen=True)
class Trap:
    kind: str
    frame: str
    articles: tuple[str, ...]
    why: str
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class NonClaim:
    article_id: str
    quote: str
    why: str


@dataclass(frozen=True)
class GoldArticle:
    id: str
    path: str
    published: str | None
    published_basis: str


@dataclass(frozen=True)
class GoldStory:
    story: str
    corpus: str
    frames: frozenset[str]
    quantity_frames: frozenset[str]
    date_frames: frozenset[str]
    articles: tuple[GoldArticle, ...]
    claims: tuple[GoldClaim, ...]
    findings: tuple[GoldFinding, ...]
    traps: tuple[Trap, ...]
    non_claims: tuple[NonClaim, ...]

    @property
    def article_ids(self) -> frozenset[str]:
        return frozenset(a.id for a in self.articles)


def finding_family(finding_type: str) -> str:
    """Contradiction, stale and regression all say "these figures disagree"."""
    return "flag" if finding_type in FLAGGING_TYPES else finding_type


def plain(value: Any) -> Any:
    """YAML dates and timestamps as ISO strings, recursively (for schema checks)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


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


def _claims(article_id: str, raw: Sequence[Mapping[str, Any]]) -> list[GoldClaim]:
    seen: dict[str, int] = {}
    out = []
    for c in raw:
        quote = str(c.get("quote", ""))
        occurrence = seen.get(quote, 0)
        seen[quote] = occurrence + 1
        kind = str(c["kind"])
        out.append(
            GoldClaim(
                article_id=article_id,
                kind=kind,
                frame=str(c.get("frame", "name" if kind == "name" else "")),
                quote=quote,
                low=_num(c.get("low")),
                high=_num(c.get("high")),
                start=_date(c.get("start")),
                end=_date(c.get("end")),
                as_of=_date(c.get("as_of")),
                group=c.get("group"),
                scope=c.get("scope"),
                event=str(c.get("event", MAIN_EVENT)),
                background=bool(c.get("background", False)),
                partial=bool(c.get("partial", False)),
                optional=bool(c.get("optional", False)),
                text=c.get("text"),
                canonical=c.get("canonical"),
                occurrence=occurrence,
                previous=_previous(c.get("previous")),
            )
        )
    return out


def _previous(raw: Any) -> tuple[float | None, float | None] | None:
    if not isinstance(raw, Mapping):
        return None
    return _num(raw.get("low")), _num(raw.get("high"))


def load_gold(data: Mapping[str, Any]) -> GoldStory:
    scope = data.get("scope", {})
    articles: list[GoldArticle] = []
    claims: list[GoldClaim] = []
    non_claims: list[NonClaim] = []
    for a in data.get("articles", []):
        published = a.get("published")
        articles.append(
            GoldArticle(
                id=str(a["id"]),
                path=str(a["path"]),
                published=None if published is None else plain(published),
                published_basis=str(a.get("published_basis", "unknown")),
            )
        )
        claims.extend(_claims(str(a["id"]), a.get("claims") or []))
        non_claims.extend(
            NonClaim(str(a["id"]), str(n["quote"]), str(n["why"]))
            for n in a.get("non_claims") or []
        )
    findings = tuple(
        GoldFinding(
            type=str(f["type"]),
            severity=str(f["severity"]),
            level=str(f["level"]),
            kind=str(f["kind"]),
            frame=str(f["frame"]),
            focus=str(f["focus"]),
            articles=tuple(str(x) for x in f["articles"]),
            label=str(f.get("planted") or f.get("why") or ""),
            canonical=f.get("canonical"),
            variant=f.get("variant"),
        )
        for f in data.get("findings") or []
    )
    traps = tuple(
        Trap(
            kind=str(t["kind"]),
            frame=str(t["frame"]),
            articles=tuple(str(x) for x in t["articles"]),
            why=str(t["why"]),
            quotes=tuple(str(q) for q in t.get("quotes") or ()),
        )
        for t in data.get("must_not_flag") or []
    )
    return GoldStory(
        story=str(data["story"]),
        corpus=str(data.get("corpus", "reports")),
        frames=frozenset(scope.get("frames", ())),
        quantity_frames=frozenset(scope.get("quantity_frames", ())),
        date_frames=frozenset(scope.get("date_frames", ())),
        articles=tuple(articles),
        claims=tuple(claims),
        findings=findings,
        traps=traps,
        non_claims=tuple(non_claims),
    )


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every occurrence of ``quote`` in ``text`` (overlapping ones included)."""
    spans: list[tuple[int, int]] = []
    at = text.find(quote) if quote else -1
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return spans


def problems(gold: GoldStory, corpus: Sequence[Article], max_quote_words: int | None) -> list[str]:
    """What is wrong with a gold file against the reports it annotates."""
    out: list[str] = []
    texts = {a.id: a.text for a in corpus if a.story == gold.story or not gold.story}
    annotated = [a.id for a in gold.articles]
    for dup in sorted({x for x in annotated if annotated.count(x) > 1}):
        out.append(f"article {dup} is annotated twice")
    for missing in sorted(set(texts) - set(annotated)):
        out.append(f"report {missing} has no entry")
    for extra in sorted(set(annotated) - set(texts)):
        out.append(f"article {extra} is not a report of story {gold.story}")
    located = [(c.article_id, c.quote, c.occurrence) for c in gold.claims]
    located += [(n.article_id, n.quote, 0) for n in gold.non_claims]
    for article_id, quote, occurrence in located:
        if article_id not in texts:
            continue
        found = len(quote_spans(texts[article_id], quote))
        if found == 0:
            out.append(f"{article_id}: quote not in text: {quote!r}")
        elif occurrence >= found:
            out.append(f"{article_id}: quote {quote!r} used {occurrence + 1} times, found {found}")
        if max_quote_words is not None and len(quote.split()) > max_quote_words:
            out.append(f"{article_id}: quote longer than {max_quote_words} words: {quote!r}")
    known = set(annotated)
    for f in gold.findings:
        for a in (f.focus, *f.articles):
            if a not in known:
                out.append(f"finding {f.type} {f.frame}: unknown article {a}")
        if f.focus not in f.articles:
            out.append(f"finding {f.type} {f.frame}: focus {f.focus} not in its articles")
    for t in gold.traps:
        for a in t.articles:
            if a not in known:
                out.append(f"must_not_flag {t.frame}: unknown article {a}")
        if t.quotes and len(t.quotes) != len(t.articles):
            out.append(f"must_not_flag {t.frame}: {len(t.quotes)} quotes for {len(t.articles)}")
        for article_id, quote in zip(t.articles, t.quotes, strict=False):
            if article_id in texts and not quote_spans(texts[article_id], quote):
                out.append(f"must_not_flag {t.frame}: quote not in {article_id}: {quote!r}")
        flagged = [
            f
            for f in gold.findings
            if f.family == "flag"
            and f.frame == t.frame
            and f.kind == t.kind
            and set(t.articles) <= set(f.articles)
            and len(t.articles) > 1
        ]
        if flagged:
            out.append(f"must_not_flag {t.frame} {list(t.articles)} sits inside a finding")
    return out
