"""The view model: what the template shows, already escaped or plain text."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from checker.render.diff import ValueChange
from checker.render.html.packing import Chunk


@dataclass(frozen=True)
class Link:
    href: str
    label: str
    tone: str = ""


@dataclass(frozen=True)
class Evidence:
    claim_id: str
    article_href: str
    claim_href: str
    outlet: str
    date: str
    headline: str
    sentence: Markup
    value: str
    qualifier: str
    attribution: str
    as_of: str
    change: ValueChange | None
    odd: bool = False
    missing: bool = False
    also: tuple[Link, ...] = ()


@dataclass(frozen=True)
class TriageRow:
    """One finding in the table at the top: what is wrong, who says it, against whom."""

    number: int
    href: str
    severity: str
    type: str
    status: str
    story: str
    slot: str
    slot_filter: str
    odd: str
    odd_value: str
    majority: str
    majority_value: str
    split: bool = False  # no odd one out: two sides, neither settled


@dataclass(frozen=True)
class FindingView:
    id: str
    anchor: str
    number: int
    type: str
    severity: str
    story: str
    slot: str
    slot_href: str
    slot_filter: str
    message: str
    status: str
    previous_id: str
    evidence: tuple[Evidence, ...]
    triage: TriageRow


@dataclass(frozen=True)
class PointRow:
    as_of: str
    value: str
    change: str
    tone: str
    reports: tuple[Link, ...]
    findings: tuple[Link, ...]


@dataclass(frozen=True)
class LegendKey:
    tone: str
    label: str


@dataclass(frozen=True)
class SlotView:
    story: str
    slot: str
    anchor: str
    behaviour: str
    kind: str
    chart: Markup | None
    legend: tuple[LegendKey, ...]
    rows: tuple[PointRow, ...]
    findings: tuple[Link, ...]
    worst: str


@dataclass(frozen=True)
class ArticleView:
    id: str
    anchor: str
    title: str
    outlet: str
    date: str
    basis: str
    url: str | None
    url_text: str
    path: str
    text: Markup
    claim_count: int
    findings: tuple[Link, ...]
    unlocated: tuple[Link, ...]
    worst: str


@dataclass(frozen=True)
class Packed:
    """A story's sections, rendered, deflated and base64-encoded: inflated by the
    page's script when they come near the viewport (large corpora only)."""

    findings: tuple[Chunk, ...] = ()
    timelines: tuple[Chunk, ...] = ()
    reports: tuple[Chunk, ...] = ()


@dataclass(frozen=True)
class StoryView:
    id: str
    anchor: str
    article_count: int
    claim_count: int
    date_range: str
    undated: int
    outlets: int
    severity_counts: tuple[tuple[str, int], ...]
    findings: tuple[FindingView, ...]
    slots: tuple[SlotView, ...]
    folded: tuple[SlotView, ...]
    articles: tuple[ArticleView, ...]
    worst: str
    packed: Packed = Packed()


@dataclass(frozen=True)
class ChangeRow:
    label: str
    href: str
    arrow: str
    quote: str
    story: str
    slot: str
    effect: str
    effect_href: str
    tone: str


@dataclass(frozen=True)
class ResolvedRow:
    id: str
    type: str
    severity: str
    story: str
    slot: str
    slot_href: str
    message: str


@dataclass(frozen=True)
class DiffView:
    new: int
    changed: int
    unchanged: int
    resolved: tuple[ResolvedRow, ...]
    changes: tuple[ChangeRow, ...]
    added: tuple[ChangeRow, ...] = ()
