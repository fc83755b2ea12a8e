"""Stable identifiers for claims and findings.

Ids are content hashes, so the same input always gives the same ids whatever
the order in which reports were read or the number of worker processes:

- a claim is identified by the article, the slot and the character span;
- a finding by what is wrong: its type, story, slot and an identity key. When
  the finding has an odd one out, the key is that report and the figure it
  gives (:func:`outlier_key`); otherwise it is the set of figures that
  disagree (:func:`value_key`). Reports that agree with the majority are not
  part of the key, so a new report that makes the story more certain never
  changes a finding's id, and neither do unrelated reports.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from checker.records import Claim, CountValue, DateValue, FindingType, NameValue

_SEP = "\x1f"  # unit separator: cannot occur in ids, slots or story names from text


def _digest(parts: Sequence[str]) -> str:
    return hashlib.sha256(_SEP.join(parts).encode("utf-8")).hexdigest()[:12]


def claim_id(article_id: str, slot: str, start: int, end: int) -> str:
    """``"c-"`` + 12 hex chars of sha256 over article, slot and span."""
    return "c-" + _digest((article_id, slot, str(start), str(end)))


def reslotted(claim: Claim, slot: str, **changes: Any) -> Claim:
    """``claim`` filed under ``slot`` (with any other ``changes``), its id following it."""
    return replace(
        claim, slot=slot, id=claim_id(claim.article_id, slot, claim.start, claim.end), **changes
    )


def finding_id(type: FindingType, story: str, slot: str, key: Sequence[str]) -> str:
    """``"f-"`` + 12 hex chars; independent of the order of ``key`` (duplicates ignored)."""
    kind = type.value if isinstance(type, FindingType) else str(type)
    return "f-" + _digest((kind, story, slot, *sorted(set(key))))


def value_key(claim: Claim) -> str:
    """The figure a claim gives, whatever its wording or position in the text."""
    value = claim.value
    if isinstance(value, DateValue):
        return f"date:{value.start.isoformat()}/{value.end.isoformat()}"
    if isinstance(value, NameValue):
        return "name:" + " ".join((value.canonical or value.text).casefold().split())
    assert isinstance(value, CountValue)
    return f"num:{value.low!r}/{value.high!r}/{claim.unit or ''}"


def outlier_key(claim: Claim) -> str:
    """A report and the figure it gives: the identity of an odd one out."""
    return f"{claim.article_id}{_SEP}{value_key(claim)}"
