"""Stable identifiers for claims and findings.

Ids are content hashes, so the same input always gives the same ids whatever
the order in which reports were read or the number of worker processes:

- a claim is identified by the article, the slot and the character span;
- a finding by its type, story, slot and the (sorted) ids of its claims, so
  adding unrelated reports (other stories or slots) never changes it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from checker.records import FindingType

_SEP = "\x1f"  # unit separator: cannot occur in ids, slots or story names from text


def _digest(parts: Sequence[str]) -> str:
    return hashlib.sha256(_SEP.join(parts).encode("utf-8")).hexdigest()[:12]


def claim_id(article_id: str, slot: str, start: int, end: int) -> str:
    """``"c-"`` + 12 hex chars of sha256 over article, slot and span."""
    return "c-" + _digest((article_id, slot, str(start), str(end)))


def finding_id(type: FindingType, story: str, slot: str, claim_ids: Sequence[str]) -> str:
    """``"f-"`` + 12 hex chars; independent of the order of ``claim_ids`` (duplicates ignored)."""
    kind = type.value if isinstance(type, FindingType) else str(type)
    return "f-" + _digest((kind, story, slot, *sorted(set(claim_ids))))
