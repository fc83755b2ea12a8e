"""Accepted findings for CI: a baseline file, and filtering a report against it.

A baseline lists findings that an editor has looked at and accepted. Checking
against it keeps only *new* findings, so a CI build fails when a new
contradiction enters the dataset, not on every old one. The file is JSON
(``schemas/baseline.schema.json``)::

    {"version": 1,
     "findings": [{"id": "...", "type": "contradiction", "story": "...",
                   "slot": "...", "message": "...", "reason": "checked with the desk"}]}

A finding matches an entry by id (ids name the odd one out and its figure, so
a report that agrees with the majority never moves them); failing that (the
odd report's figure was edited), by the same type, story, slot and message.
Entries that match nothing are *gone*: the outputs list them so that the file
can be pruned.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from checker.records import Finding, FindingType, Report

BASELINE_VERSION = 1
_ENTRY_KEYS = ("id", "type", "story", "slot", "message", "reason")
_REQUIRED_KEYS = ("id", "type", "story", "slot", "message")


class BaselineError(ValueError):
    """A baseline file that cannot be read or does not follow the schema."""


@dataclass(frozen=True)
class BaselineEntry:
    finding_id: str
    type: FindingType
    story: str
    slot: str
    message: str
    reason: str | None = None

    @classmethod
    def from_finding(cls, finding: Finding, reason: str | None = None) -> BaselineEntry:
        return cls(
            finding_id=finding.id,
            type=finding.type,
            story=finding.story,
            slot=finding.slot,
            message=finding.message,
            reason=reason,
        )

    def matches(self, finding: Finding) -> bool:
        """Same finding by content (used when the id did not match)."""
        return (
            self.type == finding.type
            and self.story == finding.story
            and self.slot == finding.slot
            and self.message == finding.message
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.finding_id,
            "type": self.type.value,
            "story": self.story,
            "slot": self.slot,
            "message": self.message,
        }
        if self.reason is not None:
            out["reason"] = self.reason
        return out


@dataclass(frozen=True)
class Baseline:
    entries: tuple[BaselineEntry, ...] = ()

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.entries, key=lambda e: e.finding_id))
        object.__setattr__(self, "entries", ordered)

    def __len__(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class BaselineSummary:
    """What the renderers show about a baseline: how many findings it hid, which are gone."""

    accepted: int
    gone: tuple[BaselineEntry, ...]


@dataclass(frozen=True)
class BaselineResult:
    report: Report
    accepted: tuple[Finding, ...]
    gone: tuple[BaselineEntry, ...]

    @property
    def summary(self) -> BaselineSummary:
        return BaselineSummary(accepted=len(self.accepted), gone=self.gone)


def baseline_from_report(report: Report, reason: str | None = None) -> Baseline:
    """Accept every finding of ``report`` (``checker baseline`` writes this)."""
    return Baseline(tuple(BaselineEntry.from_finding(f, reason) for f in report.findings))


def apply_baseline(report: Report, baseline: Baseline) -> BaselineResult:
    """Split ``report``'s findings into new ones (kept in the report) and accepted ones."""
    by_id = {e.finding_id: e for e in baseline.entries}
    used: set[str] = set()
    fresh: list[Finding] = []
    accepted: list[Finding] = []
    unmatched: list[Finding] = []
    for finding in report.findings:
        entry = by_id.get(finding.id)
        if entry is not None and finding.id not in used:
            used.add(finding.id)
            accepted.append(finding)
        else:
            unmatched.append(finding)
    for finding in unmatched:
        entry = next(
            (e for e in baseline.entries if e.finding_id not in used and e.matches(finding)),
            None,
        )
        if entry is None:
            fresh.append(finding)
        else:
            used.add(entry.finding_id)
            accepted.append(finding)
    keep = {id(f) for f in fresh}
    new_findings = tuple(f for f in report.findings if id(f) in keep)
    accepted_ids = {id(f) for f in accepted}
    accepted_in_order = tuple(f for f in report.findings if id(f) in accepted_ids)
    gone = tuple(e for e in baseline.entries if e.finding_id not in used)
    return BaselineResult(
        report=replace(report, findings=new_findings),
        accepted=accepted_in_order,
        gone=gone,
    )


def dump_baseline(baseline: Baseline) -> str:
    """Deterministic JSON text of ``baseline``, entries sorted by id."""
    doc = {
        "version": BASELINE_VERSION,
        "findings": [e.to_dict() for e in baseline.entries],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def parse_baseline(text: str, source: str = "baseline") -> Baseline:
    """Read baseline JSON text; ``source`` names it in error messages."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{source}: not valid JSON: {exc}") from exc
    if not isinstance(doc, dict):
        raise BaselineError(f"{source}: expected a JSON object with 'version' and 'findings'")
    version = doc.get("version")
    if version != BASELINE_VERSION:
        raise BaselineError(
            f"{source}: unsupported baseline version {version!r} (expected {BASELINE_VERSION})"
        )
    unknown = sorted(set(doc) - {"version", "findings"})
    if unknown:
        raise BaselineError(f"{source}: unknown keys {', '.join(unknown)}")
    raw = doc.get("findings")
    if not isinstance(raw, list):
        raise BaselineError(f"{source}: 'findings' must be a list")
    entries: list[BaselineEntry] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        entry = _parse_entry(item, f"{source}: findings[{index}]")
        if entry.finding_id in seen:
            raise BaselineError(f"{source}: findings[{index}]: duplicate id {entry.finding_id!r}")
        seen.add(entry.finding_id)
        entries.append(entry)
    return Baseline(tuple(entries))


def _parse_entry(item: object, where: str) -> BaselineEntry:
    if not isinstance(item, dict):
        raise BaselineError(f"{where}: expected an object")
    missing = [k for k in _REQUIRED_KEYS if k not in item]
    if missing:
        raise BaselineError(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(set(item) - set(_ENTRY_KEYS))
    if unknown:
        raise BaselineError(f"{where}: unknown keys {', '.join(unknown)}")
    for key in _REQUIRED_KEYS:
        if not isinstance(item[key], str):
            raise BaselineError(f"{where}: {key!r} must be a string")
    if not item["id"]:
        raise BaselineError(f"{where}: 'id' must not be empty")
    reason = item.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise BaselineError(f"{where}: 'reason' must be a string or null")
    try:
        kind = FindingType(item["type"])
    except ValueError:
        known = ", ".join(t.value for t in FindingType)
        raise BaselineError(f"{where}: unknown type {item['type']!r} (one of {known})") from None
    return BaselineEntry(
        finding_id=item["id"],
        type=kind,
        story=item["story"],
        slot=item["slot"],
        message=item["message"],
        reason=reason,
    )


def load_baseline(path: Path | str) -> Baseline:
    """Read a baseline file; raises :class:`BaselineError` naming the file and the problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from exc
    return parse_baseline(text, source=str(path))
