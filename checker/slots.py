"""The slot lexicon: what a figure counts, what happened to it, which event a date dates.

A slot is ``<noun class>[.<predicate class>]``. The default lexicon ships in
``checker/lexicon.toml``; ``[tool.checker.lexicon.*]`` tables extend it.
Nouns the lexicon does not know still get a slot: their lemma.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from checker.config import Config

# Predicate classes that describe a state of being held: the bare noun class.
STATE_PREDICATES = frozenset({"held"})
# predicates that say nothing of a thing's fate: "two bullets struck", "a car was seen"
THING_VAGUE = frozenset({"seen", "deployed", "shot"})

# Nouns that never count people or things of a story: units of time and the like
# are the date layer's business.
NON_COUNT_NOUNS = frozenset(
    {
        "day", "week", "month", "year", "hour", "minute", "second", "time", "decade",
        "century", "percent", "per", "cent", "point", "am", "pm", "a.m.", "p.m.",
        "o'clock", "%", "one", "other", "more", "least", "most", "half", "third",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Lexicon:
    nouns: Mapping[str, tuple[str, ...]]
    predicates: Mapping[str, tuple[str, ...]]
    events: Mapping[str, tuple[str, ...]]
    attribution_verbs: tuple[str, ...]
    hedges: tuple[str, ...]
    behaviour: Mapping[str, str]
    slot_aliases: Mapping[str, str]
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    people_words: frozenset[str] = frozenset()
    doubtful_slots: frozenset[str] = frozenset()
    running_totals: frozenset[str] = frozenset()
    nationalities: Mapping[str, str] = field(default_factory=dict)

    def nationality(self, word: str) -> str | None:
        """The adjective of a nationality word ("Britons" -> ``british``), or None."""
        w = word.lower()
        found = self.nationalities.get(w)
        if found is None and w.endswith("s"):
            found = self.nationalities.get(w[:-1])
        if found is None and w.endswith("men"):  # "Dutchmen", "Frenchmen"
            found = self.nationalities.get(w[:-3] + "man")
        return found

    def noun_class(self, phrase: str) -> str | None:
        """The noun class of a lemma or a lower-case phrase, or None."""
        return _reverse(self.nouns).get(phrase.lower())

    def predicate_class(self, lemma: str) -> str | None:
        return _reverse(self.predicates).get(lemma.lower())

    def event_class(self, lemma: str) -> str | None:
        return _reverse(self.events).get(lemma.lower())

    def slot(self, noun_class: str, predicate_class: str | None) -> str:
        if predicate_class is None:
            return self.slot_aliases.get(noun_class, noun_class)
        full = f"{noun_class}.{predicate_class}"
        if full in self.slot_aliases:
            return self.slot_aliases[full]
        if predicate_class in STATE_PREDICATES:
            return self.slot_aliases.get(noun_class, noun_class)
        return full

    def is_known_slot(self, slot: str) -> bool:
        return slot.split(".", 1)[0] in self.nouns

    def is_comparable_count(self, slot: str) -> bool:
        """A count is compared when the lexicon knows what it counts: a noun class, a
        predicate class ("boat.seized" says what happened), or a people noun. A bare
        count of anything else ("five boats", "300 rounds") or of a doubtful slot ("298
        people": of whom, and what happened to them?) is kept, never compared."""
        if slot in self.doubtful_slots:
            return False
        head, _, predicate = slot.partition(".")
        if head in self.nouns or head in self.people_words:
            return True
        # what a thing undergoes says what it is about ("boat.seized"); deploying, entering,
        # striking and shooting are said of bullets, shells and cars as of people
        return bool(predicate) and predicate in self.predicates and predicate not in THING_VAGUE


@lru_cache(maxsize=64)
def _reverse_cached(items: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for cls, terms in items:
        for term in terms:
            out.setdefault(term.lower(), cls)
    return out


def _reverse(table: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return _reverse_cached(tuple(table.items()))


def _merge(
    base: Mapping[str, tuple[str, ...]], extra: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    merged = {k: tuple(v) for k, v in base.items()}
    for cls, terms in extra.items():
        merged[cls] = tuple(dict.fromkeys((*merged.get(cls, ()), *terms)))
    return merged


@lru_cache(maxsize=1)
def _default_raw() -> dict[str, object]:
    text = resources.files("checker").joinpath("lexicon.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _table(raw: Mapping[str, object], name: str) -> dict[str, tuple[str, ...]]:
    value = raw.get(name, {})
    assert isinstance(value, dict)
    return {str(k): tuple(str(x) for x in v) for k, v in value.items()}


def load_lexicon(config: Config | None = None) -> Lexicon:
    raw = _default_raw()
    extra = config.lexicon if config is not None else {}
    nouns = _merge(_table(raw, "nouns"), extra.get("nouns", {}))
    predicates = _merge(_table(raw, "predicates"), extra.get("predicates", {}))
    events = _merge(_table(raw, "events"), extra.get("events", {}))
    aliases = _merge(_table(raw, "aliases"), extra.get("aliases", {}))
    attribution = raw.get("attribution", {})
    hedges = raw.get("hedges", {})
    behaviour = raw.get("behaviour", {})
    slot_aliases = raw.get("slot_aliases", {})
    assert isinstance(attribution, dict)
    assert isinstance(hedges, dict)
    assert isinstance(behaviour, dict)
    assert isinstance(slot_aliases, dict)
    extra_slot_aliases = {k: v[0] for k, v in extra.get("slot_aliases", {}).items() if v}
    people = _merge(_table(raw, "people"), extra.get("people", {}))
    return Lexicon(
        nouns=nouns,
        predicates=predicates,
        events=events,
        attribution_verbs=tuple(attribution.get("verbs", ())),
        hedges=tuple(hedges.get("words", ())),
        behaviour={str(k): str(v) for k, v in behaviour.items()},
        slot_aliases={**{str(k): str(v) for k, v in slot_aliases.items()}, **extra_slot_aliases},
        aliases=aliases,
        people_words=frozenset(w.lower() for w in people.get("words", ())),
        doubtful_slots=frozenset(people.get("doubtful", ())),
        running_totals=frozenset(_table(raw, "running").get("slots", ())),
        nationalities=_nationalities(raw),
    )


def _nationalities(raw: Mapping[str, object]) -> dict[str, str]:
    table = raw.get("nationalities", {})
    assert isinstance(table, dict)
    out = {str(w).lower(): str(w).lower() for w in table.get("words", ())}
    out.update({str(k).lower(): str(v).lower() for k, v in table.get("nouns", {}).items()})
    return out
