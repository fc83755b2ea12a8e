"""What every part of the page needs to know about the report: lookups and names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from checker.records import Article, Claim, Finding
from checker.render.diff import RunDiff
from checker.render.html.text import (
    clean_text,
    finding_anchor,
    sev_rank,
    severity_text,
    status_rank,
    type_rank,
    worst,
)
from checker.render.html.views import Link

_ABBREVIATION = re.compile(r"[A-Z][A-Z&]{1,5}")
_MINOR = {"of", "the", "and", "for", "de", "la", "el", "&"}


def _initials(name: str) -> str:
    return "".join(
        w[0].upper() for w in name.split() if w.lower() not in _MINOR and w[:1].isalpha()
    )


def agency_names(sources: Sequence[str | None]) -> dict[str, str]:
    """A wire's dateline tag ("AWS") -> the outlet it abbreviates ("Andean Wire Service").

    Only when exactly one outlet of the corpus has those initials.
    """
    full = sorted({" ".join(s.split()) for s in sources if s and not _ABBREVIATION.fullmatch(s)})
    names: dict[str, str] = {}
    for tag in sorted({s for s in sources if s and _ABBREVIATION.fullmatch(s)}):
        matches = [name for name in full if _initials(name) == tag.replace("&", "")]
        if len(matches) == 1:
            names[tag] = matches[0]
    return names


@dataclass
class Context:
    articles: dict[str, Article]
    claims: dict[str, Claim]
    diff: RunDiff | None = None
    agencies: Mapping[str, str] = field(default_factory=dict)
    # every finding that cites a claim, and the worst severity of those that single it out
    findings_by_claim: dict[str, list[Finding]] = field(default_factory=dict)
    odd_tone: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    slot_anchors: set[str] = field(default_factory=set)

    def outlet(self, article: Article | None) -> str:
        """The outlet's name; a wire's agency tag spelt out; else the headline."""
        if article is None:
            return "unknown report"
        source = clean_text(article.source)
        if source:
            return self.agencies.get(source, source)
        title = clean_text(article.title)
        if title:
            return f"“{title if len(title) <= 40 else title[:39].rstrip() + '…'}”"
        return clean_text(article.id) or "unknown outlet"

    def status(self, finding_id: str) -> str:
        return self.diff.status(finding_id) if self.diff else ""

    def sort_key(self, f: Finding) -> tuple[int, int, int, str, str, str]:
        return (
            status_rank(self.status(f.id)) if self.diff else 0,
            -sev_rank(severity_text(f.severity)),
            type_rank(f.type.value),
            f.story,
            f.slot,
            f.id,
        )

    def index_findings(self, findings: Sequence[Finding]) -> None:
        """Number the findings in page order and index them by the claims they cite.

        A claim takes a finding's colour only when the finding singles it out
        (its odd one out; both sides when nothing settles which is right), so
        the 23 reports that agree stay grey beside the one that does not.
        """
        self.numbers = {f.id: n for n, f in enumerate(findings, start=1)}
        by_claim: dict[str, list[Finding]] = {}
        odd: dict[str, list[str]] = {}
        for f in findings:
            for cid in f.claim_ids:
                by_claim.setdefault(cid, []).append(f)
            for cid in f.outliers or f.claim_ids:
                odd.setdefault(cid, []).append(severity_text(f.severity))
        self.findings_by_claim = by_claim
        self.odd_tone = {cid: worst(tones) for cid, tones in odd.items()}

    def claim_tone(self, claim_id: str) -> str:
        return self.odd_tone.get(claim_id, "")

    def finding_links(self, findings: Iterable[Finding]) -> tuple[Link, ...]:
        seen: dict[str, Finding] = {}
        for f in findings:
            seen.setdefault(f.id, f)
        return tuple(
            Link(
                href="#" + finding_anchor(f.id),
                label=f"#{self.numbers.get(f.id, 0)} {f.type.value}",
                tone=severity_text(f.severity),
            )
            for f in sorted(seen.values(), key=self.sort_key)
        )
