"""Compare a report with a previous run's JSON report.

The previous report is untrusted input (it may come from an older version of
the tool, or have been edited by hand): every field is type-checked and
malformed entries are skipped rather than raising.

Findings are matched by id. Figures are matched claim to claim, first by
claim id, then by ``(article_id, slot, quote)``, then by ``(article_id, slot)``
when exactly one claim on each side has that key; a match whose value differs
is a changed figure, shown daff-style as ``"74 → 72"``.

A finding keeps its id while its odd one out and figure stay; a finding with
no odd one out (two reports, two figures) takes its id from the figures, so
editing one of them re-keys it. Such a pair (a new id and a vanished one of
the same story, slot and type whose evidence is the same claims, matched
across the edit) is one ``changed`` finding, never "1 new, 1 resolved".
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from checker.interval_text import interval_text
from checker.records import Claim, Finding, NameValue, Report, Value
from checker.render.serialize import value_to_dict

FindingStatus = Literal["new", "changed", "unchanged"]


@dataclass(frozen=True)
class PreviousFinding:
    """A finding of the previous run, as read (and type-checked) from its JSON."""

    id: str
    type: str
    severity: str
    story: str
    slot: str
    message: str
    claim_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ValueChange:
    """A figure whose normalised value differs from the previous run's."""

    claim_id: str
    previous_claim_id: str
    article_id: str
    story: str
    slot: str
    quote: str
    old: str
    new: str
    matched_by: Literal["id", "quote", "slot"]

    @property
    def arrow(self) -> str:
        return f"{self.old} → {self.new}"


@dataclass(frozen=True)
class RunDiff:
    """Findings by status against the previous run. A finding whose id both runs
    have is ``unchanged``, or ``changed`` when its evidence or message moved (a
    report joined the majority, a quote was edited): the same problem, not a new one."""

    new: tuple[str, ...]
    unchanged: tuple[str, ...]
    resolved: tuple[PreviousFinding, ...]
    changed_values: tuple[ValueChange, ...]
    changed: tuple[str, ...] = ()
    # (current id, previous id) of changed findings whose id moved with an edited figure
    rekeyed: tuple[tuple[str, str], ...] = ()

    def previous_id(self, finding_id: str) -> str | None:
        return next((old for new, old in self.rekeyed if new == finding_id), None)

    def status(self, finding_id: str) -> FindingStatus:
        if finding_id in self.changed:
            return "changed"
        return "unchanged" if finding_id in self.unchanged else "new"

    def change_for(self, claim_id: str) -> ValueChange | None:
        for change in self.changed_values:
            if change.claim_id == claim_id:
                return change
        return None

    @property
    def is_empty(self) -> bool:
        return not (self.new or self.resolved or self.changed_values)


# ---------------------------------------------------------------------------
# Value formatting (shared with the HTML renderer)


def format_number(value: float) -> str:
    """74.0 -> "74", 1500 -> "1,500", 0.25 -> "0.25"."""
    if math.isnan(value) or math.isinf(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _num(raw: Any) -> float | None:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    return float(raw)


def format_interval(low: float | None, high: float | None, unit: str | None = None) -> str:
    text = interval_text(low, high, format_number)
    return f"{text} {unit}" if unit else text


def format_date_span(start: str, end: str) -> str:
    return start if start == end or not end else f"{start} – {end}"


def format_value_mapping(value: Any, unit: Any = None) -> str:
    """Format a claim value in its JSON shape; tolerant of malformed input."""
    unit_text = unit if isinstance(unit, str) and unit else None
    if not isinstance(value, Mapping):
        return "?"
    if "text" in value:
        text = value.get("text")
        return text if isinstance(text, str) else "?"
    if "start" in value or "end" in value:
        start, end = value.get("start"), value.get("end")
        start_s = start if isinstance(start, str) else "?"
        end_s = end if isinstance(end, str) else start_s
        return format_date_span(start_s, end_s)
    return format_interval(_num(value.get("low")), _num(value.get("high")), unit_text)


def format_value(value: Value, unit: str | None = None) -> str:
    if isinstance(value, NameValue):
        return value.text
    return format_value_mapping(value_to_dict(value), unit)


def _canonical(value: Any) -> Any:
    """A comparable form of a JSON value: numbers as floats, dates as strings."""
    if not isinstance(value, Mapping):
        return None
    if "text" in value:
        text = value.get("text")
        return ("text", text if isinstance(text, str) else None)
    if "start" in value or "end" in value:
        start, end = value.get("start"), value.get("end")
        if isinstance(start, dt.date):
            start = start.isoformat()
        if isinstance(end, dt.date):
            end = end.isoformat()
        return ("date", str(start), str(end if end is not None else start))
    return ("count", _num(value.get("low")), _num(value.get("high")))


# ---------------------------------------------------------------------------
# Reading the previous report


def _str(raw: Any, default: str = "") -> str:
    return raw if isinstance(raw, str) else default


def _items(previous: Mapping[str, Any], key: str) -> Iterable[Mapping[str, Any]]:
    raw = previous.get(key)
    if not isinstance(raw, list):
        return ()
    return [item for item in raw if isinstance(item, Mapping)]


def read_previous_findings(previous: Mapping[str, Any]) -> list[PreviousFinding]:
    found: list[PreviousFinding] = []
    for item in _items(previous, "findings"):
        fid = item.get("id")
        if not isinstance(fid, str) or not fid:
            continue
        raw_ids = item.get("claim_ids")
        claim_ids = (
            tuple(c for c in raw_ids if isinstance(c, str)) if isinstance(raw_ids, list) else ()
        )
        found.append(
            PreviousFinding(
                id=fid,
                type=_str(item.get("type"), "unknown"),
                severity=_str(item.get("severity"), "info"),
                story=_str(item.get("story"), "default"),
                slot=_str(item.get("slot")),
                message=_str(item.get("message")),
                claim_ids=claim_ids,
            )
        )
    return found


@dataclass(frozen=True)
class _PrevClaim:
    id: str
    article_id: str
    slot: str
    quote: str
    value: Any
    unit: Any


def _read_previous_claims(previous: Mapping[str, Any]) -> list[_PrevClaim]:
    claims: list[_PrevClaim] = []
    for item in _items(previous, "claims"):
        cid = item.get("id")
        if not isinstance(cid, str):
            continue
        claims.append(
            _PrevClaim(
                id=cid,
                article_id=_str(item.get("article_id")),
                slot=_str(item.get("slot")),
                quote=_str(item.get("quote")),
                value=item.get("value"),
                unit=item.get("unit"),
            )
        )
    return claims


def _changed_values(claims: Iterable[Claim], previous: Mapping[str, Any]) -> list[ValueChange]:
    prev = _read_previous_claims(previous)
    by_id = {c.id: c for c in prev}
    by_quote: dict[tuple[str, str, str], _PrevClaim] = {}
    for c in prev:
        by_quote.setdefault((c.article_id, c.slot, c.quote), c)
    slot_counts = Counter((c.article_id, c.slot) for c in prev)
    by_slot = {(c.article_id, c.slot): c for c in prev if slot_counts[(c.article_id, c.slot)] == 1}

    current = list(claims)
    cur_slot_counts = Counter((c.article_id, c.slot) for c in current)
    changes: list[ValueChange] = []
    for claim in current:
        old: _PrevClaim | None
        matched_by: Literal["id", "quote", "slot"]
        if claim.id in by_id:
            old, matched_by = by_id[claim.id], "id"
        elif (claim.article_id, claim.slot, claim.quote) in by_quote:
            old, matched_by = by_quote[(claim.article_id, claim.slot, claim.quote)], "quote"
        elif cur_slot_counts[(claim.article_id, claim.slot)] == 1 and (
            (claim.article_id, claim.slot) in by_slot
        ):
            old, matched_by = by_slot[(claim.article_id, claim.slot)], "slot"
        else:
            continue
        new_value = value_to_dict(claim.value)
        if _canonical(old.value) == _canonical(new_value):
            continue
        changes.append(
            ValueChange(
                claim_id=claim.id,
                previous_claim_id=old.id,
                article_id=claim.article_id,
                story=claim.story,
                slot=claim.slot,
                quote=claim.quote,
                old=format_value_mapping(old.value, old.unit),
                new=format_value(claim.value, claim.unit),
                matched_by=matched_by,
            )
        )
    changes.sort(key=lambda c: (c.story, c.slot, c.article_id, c.claim_id))
    return changes


def _moved(claim_ids: Iterable[str], message: str, previous: PreviousFinding) -> bool:
    """Evidence or wording differ; a field the previous report lacks is not a change."""
    if previous.claim_ids and set(previous.claim_ids) != set(claim_ids):
        return True
    return bool(previous.message) and previous.message != message


def previous_problem(previous: object) -> str | None:
    """Why ``previous`` is not a checker JSON report (``--format json``), or None."""
    if not isinstance(previous, Mapping):
        return f"expected a JSON object, got {type(previous).__name__}"
    if previous.get("version") != 1:
        return 'no "version": 1, as checker\'s JSON reports have'
    for key in ("articles", "claims", "findings"):
        if not isinstance(previous.get(key), list):
            return f'no "{key}" list'
    if not all(
        isinstance(f, Mapping) and isinstance(f.get("id"), str) for f in previous["findings"]
    ):
        return 'a finding without an "id"'
    return None


def _rekeyed(
    new: Iterable[Finding],
    gone: Iterable[PreviousFinding],
    values: Iterable[ValueChange],
) -> list[tuple[str, str]]:
    """Pairs (new id, vanished id) that are one finding whose figure was edited.

    Both sides must share story, slot and type, and cite the same claims once
    the previous run's claim ids are carried across the edit; at least one of
    those claims must be an edited figure (else the evidence really moved).
    """
    carried = {v.previous_claim_id: v.claim_id for v in values}
    edited = {v.claim_id for v in values}
    taken: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for finding in sorted(new, key=lambda f: f.id):
        cited = set(finding.claim_ids)
        if not cited & edited:
            continue
        for old in sorted(gone, key=lambda f: f.id):
            if old.id in taken or (old.story, old.slot, old.type) != (
                finding.story,
                finding.slot,
                finding.type.value,
            ):
                continue
            mapped = {carried.get(c, c) for c in old.claim_ids}
            if mapped == cited:
                taken.add(old.id)
                pairs.append((finding.id, old.id))
                break
    return pairs


def diff_against_previous(report: Report, previous: Mapping[str, Any]) -> RunDiff:
    """Findings new / changed / resolved / unchanged, and figures whose value changed."""
    if not isinstance(previous, Mapping):
        previous = {}
    prev_findings = read_previous_findings(previous)
    prev_by_id = {f.id: f for f in prev_findings}
    current_set = {f.id for f in report.findings}
    values = _changed_values(report.claims, previous)
    seen: set[str] = set()
    gone: list[PreviousFinding] = []
    for f in prev_findings:
        if f.id not in current_set and f.id not in seen:
            seen.add(f.id)
            gone.append(f)
    fresh = [f for f in report.findings if f.id not in prev_by_id]
    rekeyed = _rekeyed(fresh, gone, values)
    rekeyed_new = {new for new, _ in rekeyed}
    rekeyed_old = {old for _, old in rekeyed}
    new = tuple(sorted(f.id for f in fresh if f.id not in rekeyed_new))
    same = [f for f in report.findings if f.id in prev_by_id]
    moved = {f.id for f in same if _moved(f.claim_ids, f.message, prev_by_id[f.id])}
    changed = tuple(sorted(moved | rekeyed_new))
    unchanged = tuple(sorted(f.id for f in same if f.id not in moved))
    resolved = sorted(
        (f for f in gone if f.id not in rekeyed_old), key=lambda f: (f.story, f.slot, f.id)
    )
    return RunDiff(
        new=new,
        unchanged=unchanged,
        resolved=tuple(resolved),
        changed_values=tuple(values),
        changed=changed,
        rekeyed=tuple(sorted(rekeyed)),
    )
