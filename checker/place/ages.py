"""Placement of ages, story-wide: whose age each figure is.

An age is compared only with the same person's age in other reports. Reports
name people differently ("Anthony LaCalamita, 38", "LaCalamita, 38") and
often give an age with no name at all ("a 63-year-old woman", "The
36-year-old"); both are settled once the whole story is read:

- a surname alone is the person whose full name the story gives with that
  surname, when only one such person is named (``lacalamita`` is ``anthony
  lacalamita``);
- an age of nobody in particular is the age of the one person the story names
  with that age ("Kafoury, 63" elsewhere): a doubtful link, so what it takes
  part in is at most a warning. Where two people share the age (Steinberg and
  Larson, both 48) it stays nobody's, and is not compared.

Pure functions of claims.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from checker.extract.ages import AGE_SLOT
from checker.name_match import name_tokens, same_person
from checker.records import Claim, CountValue

_BY_VALUE = "the report does not say whose age this is; it is the age the story gives for"


def _surnames(keys: Iterable[str]) -> dict[str, str]:
    """Each one-word key that is the surname of exactly one full name: that name."""
    full = [k for k in keys if " " in k]
    out = {}
    for key in {k for k in keys if " " not in k}:
        owners = {f for f in full if f.rsplit(" ", 1)[-1] == key}
        if len(owners) == 1:
            out[key] = owners.pop()
    return out


def _age(c: Claim) -> float | None:
    value = c.value
    if isinstance(value, CountValue) and value.low is not None and value.low == value.high:
        return value.low
    return None


def _one_person(named: set[str], spellings: Counter[str]) -> str | None:
    """The one person ``named`` are, spelling variants of one name ("Duncan Rait",
    "Duncan Raite") taken together under their most used spelling."""
    if not named:
        return None
    ordered = sorted(named, key=lambda n: (-spellings[n], n))
    first = name_tokens(ordered[0])
    if all(same_person(first, name_tokens(other)) for other in ordered[1:]):
        return ordered[0]
    return None


def place_ages(claims: Sequence[Claim]) -> list[Claim]:
    """Settle whose age each age claim is (see the module)."""
    keys: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.slot == AGE_SLOT and c.scope is not None:
            keys[c.story].add(c.scope)
    full_name = {story: _surnames(k) for story, k in keys.items()}
    owners: dict[tuple[str, float], set[str]] = defaultdict(set)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for c in claims:
        if c.slot != AGE_SLOT or c.scope is None:
            continue
        spelling = full_name[c.story].get(c.scope, c.scope)
        spellings[c.story][spelling] += 1
        age = _age(c)
        if age is not None:
            owners[(c.story, age)].add(spelling)
    out = []
    for c in claims:
        if c.slot != AGE_SLOT:
            out.append(c)
            continue
        if c.scope is not None:
            out.append(replace(c, scope=full_name[c.story].get(c.scope, c.scope)))
            continue
        age = _age(c)
        named = owners.get((c.story, age), set()) if age is not None else set()
        person = _one_person(named, spellings[c.story])
        if person is not None:
            c = replace(c, scope=person, doubt=c.doubt or f"{_BY_VALUE} {person.title()}")
        out.append(c)
    return out
