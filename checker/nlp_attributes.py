"""The model's attribute ruler as a lookup table, built from the ruler's own patterns.

spaCy's ``AttributeRuler`` runs a ``Matcher`` with all its patterns from every
token (179 in en_core_web_sm 3.8, nearly all one token on TAG and LOWER), then
sets each match's attributes from Python: on the claim parts it costs as much
as the parser. What it computes is simple (spacy/pipeline/attributeruler.py):

- every pattern is matched against the tokens as they were *before* the ruler
  (matching is done once, then the matches are applied);
- matches are applied sorted by rule (the order of ``ruler.patterns``), then
  by start; each sets its attributes on the token at its ``index`` (negative
  from the end of the match) and on no other token.

So a token's final value of an attribute is that of the last rule matching it
that sets it. :class:`AttributeLookup` computes this per distinct combination
of the attributes the patterns read and write (a token's *key*), once, and
caches it; a fixed-length pattern of several tokens is matched from the
tokens' keys. The ruler's rules are compiled by :func:`compile_rules`, which
raises :class:`Unsupported` for anything it cannot reproduce exactly (an
operator, an extension attribute, an attribute it does not know how to read or
write); :func:`install` then leaves the model's ruler in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "FACTORY",
    "AttributeLookup",
    "CompiledRules",
    "Unsupported",
    "compile_rules",
    "install",
]

FACTORY = "checker_attribute_lookup"
RULER = "attribute_ruler"

# Attributes a pattern may test, read as the Matcher reads them (``get_token_attr``,
# which ``Doc.to_array`` shares): hashes of strings, and the lexeme's boolean flags.
STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "TAG", "DEP"})
FLAG_ATTRS = frozenset(
    {
        "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE", "IS_TITLE",
        "IS_UPPER", "LIKE_URL", "LIKE_NUM", "LIKE_EMAIL", "IS_STOP", "IS_BRACKET",
        "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
    }
)  # fmt: skip
# Attributes a rule may set: plain fields of the token, which ``Doc.from_array``
# writes exactly as the ruler's ``set_token_attrs`` does (neither touches the lexeme).
WRITTEN_ATTRS = frozenset({"TAG", "POS", "MORPH", "LEMMA", "DEP"})

# Distinct keys kept before the cache starts over (memory stays bounded on a
# large archive; the results do not depend on it).
CACHE_LIMIT = 1 << 18


class Unsupported(ValueError):
    """A pattern or rule the lookup cannot reproduce exactly."""


# One condition of a token pattern: (attribute id, "EQ" / "IN" / "NOT_IN" / "REGEX", operand).
Condition = tuple[int, str, Any]
# A compiled condition, on a token's key.
Test = Callable[[Sequence[int]], bool]


@dataclass(frozen=True)
class Spec:
    """One token of a pattern: all its tests must hold. ``anchors`` are the
    (column, values) of its equality and IN tests, by which candidates are found."""

    tests: tuple[Test, ...]
    anchors: tuple[tuple[int, frozenset[int]], ...]

    def holds(self, key: Sequence[int]) -> bool:
        return all(test(key) for test in self.tests)


@dataclass(frozen=True)
class Chain:
    """A pattern of two or more tokens, of rule ``rule``, setting the token at ``target``."""

    rule: int
    specs: tuple[Spec, ...]
    target: int


@dataclass(frozen=True)
class CompiledRules:
    """The ruler's rules: ``columns`` are the attribute ids of a token's key (what
    the patterns read, then what the rules write); ``written`` the positions in the
    key of the written ones; ``sets[r]`` the (position in ``written``, value) pairs
    rule ``r`` sets, in the ruler's order."""

    columns: tuple[int, ...]
    written: tuple[int, ...]
    sets: tuple[tuple[tuple[int, int], ...], ...]
    singles: tuple[tuple[int, Spec], ...]  # (rule, spec) of one-token patterns
    chains: tuple[Chain, ...]


def compile_rules(vocab: Any, patterns: Sequence[Mapping[str, Any]]) -> CompiledRules:
    """Compile ``AttributeRuler.patterns`` (rule dicts with ``patterns``, ``attrs``
    and ``index``) for ``vocab``; raises :class:`Unsupported` for anything the
    lookup would not reproduce exactly."""
    from spacy.attrs import IDS
    from spacy.tokens._retokenize import normalize_token_attrs

    written_ids = {IDS[name]: name for name in WRITTEN_ATTRS}
    normalized: list[dict[int, int]] = []
    for rule in patterns:
        attrs = rule.get("attrs", {})
        if "_" in attrs:
            raise Unsupported("a rule sets an extension attribute")
        norm = normalize_token_attrs(vocab, dict(attrs))
        if any(k not in written_ids or not isinstance(v, int) for k, v in norm.items()):
            raise Unsupported(f"a rule sets attributes beyond {sorted(WRITTEN_ATTRS)}: {attrs}")
        normalized.append(norm)
    read: list[int] = []
    parsed: list[list[list[list[Condition]]]] = []  # rule, pattern, token, condition
    for rule in patterns:
        parsed.append([_parse_pattern(pattern, read) for pattern in rule["patterns"]])
    written = sorted({k for norm in normalized for k in norm})
    columns = tuple(read) + tuple(k for k in written if k not in read)
    position = {attr: k for k, attr in enumerate(columns)}
    write_pos = {attr: k for k, attr in enumerate(written)}
    sets = tuple(
        tuple(sorted((write_pos[attr], value) for attr, value in norm.items()))
        for norm in normalized
    )
    singles: list[tuple[int, Spec]] = []
    chains: list[Chain] = []
    for r, (rule, rule_patterns) in enumerate(zip(patterns, parsed, strict=True)):
        index = rule.get("index", 0)
        if not isinstance(index, int) or isinstance(index, bool):
            raise Unsupported(f"index {index!r} is not an integer")
        for tokens in rule_patterns:
            if not -len(tokens) <= index < len(tokens):
                raise Unsupported(f"index {index} outside a pattern of {len(tokens)} tokens")
            specs = tuple(_spec(vocab, conditions, position) for conditions in tokens)
            if len(specs) == 1:
                singles.append((r, specs[0]))
            else:
                chains.append(Chain(r, specs, index % len(specs)))
    return CompiledRules(
        columns, tuple(position[a] for a in written), sets, tuple(singles), tuple(chains)
    )


def _parse_pattern(pattern: Any, read: list[int]) -> list[list[Condition]]:
    """A pattern's tokens as (attribute id, predicate, value) conditions, recording
    in ``read`` the attributes read."""
    from spacy.attrs import IDS

    if not isinstance(pattern, list) or not pattern:
        raise Unsupported(f"not a pattern: {pattern!r}")
    out = []
    for token in pattern:
        if not isinstance(token, dict):
            raise Unsupported(f"not a token pattern: {token!r}")
        conditions: list[Condition] = []
        for name, value in token.items():
            if not isinstance(name, str):
                raise Unsupported(f"attribute given by id: {name!r}")
            upper = "ORTH" if name.upper() == "TEXT" else name.upper()
            if upper not in STRING_ATTRS | FLAG_ATTRS:
                raise Unsupported(f"pattern attribute {name!r} (or an operator)")
            attr = IDS[upper]
            if attr not in read:
                read.append(attr)
            if isinstance(value, dict):
                if upper in FLAG_ATTRS or not value:
                    raise Unsupported(f"predicate on {name}: {value!r}")
                for predicate, operand in value.items():
                    conditions.append((attr, _predicate(predicate, operand), operand))
            elif upper in FLAG_ATTRS and isinstance(value, bool | int):
                conditions.append((attr, "EQ", int(value)))
            elif (
                upper in STRING_ATTRS
                and isinstance(value, str | int)
                and not isinstance(value, bool)
            ):
                conditions.append((attr, "EQ", value))
            else:
                raise Unsupported(f"value of {name}: {value!r}")
        out.append(conditions)
    return out


def _predicate(predicate: Any, operand: Any) -> str:
    kind = str(predicate).upper()
    strings = isinstance(operand, list) and all(isinstance(v, str) for v in operand)
    if kind in ("IN", "NOT_IN") and strings:
        return kind
    if kind == "REGEX" and isinstance(operand, str):
        return kind
    raise Unsupported(f"predicate {predicate!r} with {operand!r}")


def _spec(vocab: Any, conditions: Iterable[Condition], position: dict[int, int]) -> Spec:
    """The tests of one token, as the Matcher evaluates them: an equality against
    ``StringStore.add`` of a string, IN / NOT_IN against ``get_string_id`` of
    each string, REGEX searched in the attribute's string."""
    from spacy.strings import get_string_id

    tests: list[Test] = []
    anchors: list[tuple[int, frozenset[int]]] = []
    for attr, kind, value in conditions:
        col = position[attr]
        if kind == "EQ":
            wanted = vocab.strings.add(value) if isinstance(value, str) else int(value)
            tests.append(_equals(col, wanted))
            anchors.append((col, frozenset({wanted})))
        elif kind == "IN":
            members = frozenset(get_string_id(v) for v in value)
            tests.append(_member(col, members, True))
            anchors.append((col, members))
        elif kind == "NOT_IN":
            tests.append(_member(col, frozenset(get_string_id(v) for v in value), False))
        else:
            tests.append(_search(col, re.compile(value), vocab.strings))
    return Spec(tuple(tests), tuple(anchors))


def _equals(col: int, wanted: int) -> Test:
    return lambda key: key[col] == wanted


def _member(col: int, members: frozenset[int], inside: bool) -> Test:
    return lambda key: (key[col] in members) is inside


def _search(col: int, pattern: re.Pattern[str], strings: Any) -> Test:
    return lambda key: pattern.search(strings[key[col]]) is not None


# A cached key: (the written values after the one-token rules, the rules those
# matched, the chains this token may start, the (chain, position) pairs it fits).
_Entry = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], frozenset[tuple[int, int]]]


class AttributeLookup:
    """The pipeline component: the attributes the ruler would set, from a table."""

    def __init__(self, vocab: Any, patterns: Sequence[Mapping[str, Any]]) -> None:
        self.vocab = vocab
        self.rules = compile_rules(vocab, patterns)
        self._cache: dict[tuple[int, ...], _Entry] = {}
        # Candidate one-token specs by (column, value), and those with no anchor.
        self._index: dict[tuple[int, int], list[int]] = {}
        self._always: list[int] = []
        specs: list[tuple[int, int, int, Spec]] = [
            (r, -1, 0, spec) for r, spec in self.rules.singles
        ]  # (rule, chain or -1, position, spec)
        for q, seq in enumerate(self.rules.chains):
            specs.extend((seq.rule, q, j, spec) for j, spec in enumerate(seq.specs))
        self._specs = specs
        for n, (_, _, _, spec) in enumerate(specs):
            if not spec.anchors:
                self._always.append(n)
                continue
            col, values = min(spec.anchors, key=lambda a: len(a[1]))
            for value in values:
                self._index.setdefault((col, value), []).append(n)

    def __call__(self, doc: Any) -> Any:
        if len(doc) == 0:
            return doc
        rules = self.rules
        keys = [tuple(row) for row in doc.to_array(list(rules.columns)).tolist()]
        cache = self._cache
        entries = []
        for key in keys:
            entry = cache.get(key)
            if entry is None:
                entry = self._entry(key)
            entries.append(entry)
        rows = [entry[0] for entry in entries]
        if rules.chains:
            for target, extra in self._chain_hits(entries).items():
                matched = sorted(set(entries[target][1]).union(extra))
                rows[target] = self._apply(keys[target], matched)
        written = [rules.columns[k] for k in rules.written]
        # an array of the right type (one column comes back flat), refilled
        values = doc.to_array(written).reshape(len(doc), len(written))
        values[:] = rows
        doc.from_array(written, values)
        return doc

    def _entry(self, key: tuple[int, ...]) -> _Entry:
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        candidates = set(self._always)
        for col in range(len(key)):
            candidates.update(self._index.get((col, key[col]), ()))
        singles: set[int] = set()
        starts: list[int] = []
        steps: set[tuple[int, int]] = set()
        for n in candidates:
            rule, q, j, spec = self._specs[n]
            if not spec.holds(key):
                continue
            if q < 0:
                singles.add(rule)
            elif j == 0:
                starts.append(q)
            else:
                steps.add((q, j))
        matched = tuple(sorted(singles))
        entry = (self._apply(key, matched), matched, tuple(starts), frozenset(steps))
        self._cache[key] = entry
        return entry

    def _apply(self, key: Sequence[int], rules: Iterable[int]) -> tuple[int, ...]:
        row = [key[k] for k in self.rules.written]
        for r in rules:
            for k, value in self.rules.sets[r]:
                row[k] = value
        return tuple(row)

    def _chain_hits(self, entries: Sequence[_Entry]) -> dict[int, list[int]]:
        """The token each matching chain sets, with the rules that do."""
        hits: dict[int, list[int]] = {}
        n = len(entries)
        for start, entry in enumerate(entries):
            for q in entry[2]:
                seq = self.rules.chains[q]
                end = start + len(seq.specs)
                if end <= n and all(
                    (q, j) in entries[start + j][3] for j in range(1, len(seq.specs))
                ):
                    hits.setdefault(start + seq.target, []).append(seq.rule)
        return hits


def _make_lookup(nlp: Any, name: str, patterns: list[dict[str, Any]]) -> AttributeLookup:
    return AttributeLookup(nlp.vocab, patterns)


def install(nlp: Any) -> bool:
    """Put an :class:`AttributeLookup` in place of ``nlp``'s attribute ruler, under
    the same name, when it reproduces the ruler exactly; True if it did."""
    from spacy.language import Language

    if RULER not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(RULER)
    patterns = getattr(ruler, "patterns", None)
    if patterns is None:
        return False
    try:
        compile_rules(nlp.vocab, patterns)
    except Unsupported:
        return False
    if FACTORY not in Language.factories:
        Language.factory(FACTORY, default_config={"patterns": []}, func=_make_lookup)
    nlp.replace_pipe(RULER, FACTORY, config={"patterns": patterns})
    return True
