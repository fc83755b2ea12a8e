"""Name mentions (people, organisations, places) and their clusters, per story.

``name_mentions`` reads spaCy entities, dropping a possessive ``'s`` and a
leading article, and keeping titles ("President", "Gen.", "Lt. Col.") aside.

``cluster_names`` groups the mentions of one story and label:

- spellings are compared accent-insensitively (NFKD, combining marks
  dropped) and case-insensitively;
- PERSON: a name with two or more tokens is *given name + surname tokens*.
  Two full names are one person when their given names agree (equal, an
  initial of the other, or fuzzy ratio >= 85) and the shorter list of surname
  tokens matches a contiguous run of the longer one, token by token (fuzzy
  ratio >= 80 and a length difference of at most a quarter of the longer
  token, so "Cerpa"/"Serpa" match but "Fujimori"/"Fujimura" do not); a
  surname written as one word or two ("DelGiudice"/"Del Giudice") matches.
  "Pedro Fujimori" and "Alberto Fujimori" are two people. A bare surname
  ("Fujimori", "President Fujimori") attaches to the most frequent full name
  whose surname tokens contain it; bare surnames with no full name cluster
  with each other when one letter apart ("Charlene" and "Charlie" stay
  apart);
- ORG and places (GPE, LOC, FAC: "Gulf of Aden", "Schenectady"): spellings are
  one organisation or place when an alias table
  (``[aliases]`` in the lexicon: canonical -> other names) links them, when
  one is an acronym of the other's capitalised words (allowing one missing
  letter for acronyms of four letters or more), or when the whole names
  have a fuzzy ratio >= 90.

A spelling the recogniser tagged PERSON in some places and ORG in others
takes the label it has most often. Spans that are no names at all (datelines,
time zones, headline capitals; see ``checker.name_spans``) are left out
before clustering.

The canonical spelling is the most frequent spelling (ties: alphabetical);
for people, among the spellings that carry a given name when there are any,
so that "Alberto Fujimori" rather than a bare "Fujimori" names the cluster.
The word-level matching is in ``checker.name_match``, the findings in
``checker.spelling``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from checker.extract.doc_index import sentence_of, text_of
from checker.name_match import (
    ORG_RATIO,
    acronym_of,
    fold,
    is_acronym,
    lone_words_close,
    name_tokens,
    same_person,
    surname_of,
    tokens_match,
)
from checker.records import Article

LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")

TITLES: tuple[str, ...] = (
    "president",
    "vice president",
    "prime minister",
    "foreign minister",
    "interior minister",
    "defence minister",
    "defense minister",
    "minister",
    "ambassador",
    "archbishop",
    "bishop",
    "monsignor",
    "msgr.",
    "father",
    "gen.",
    "general",
    "lt. col.",
    "lt. gen.",
    "maj. gen.",
    "brig. gen.",
    "col.",
    "colonel",
    "lt.",
    "lieutenant",
    "maj.",
    "major",
    "capt.",
    "captain",
    "sgt.",
    "sergeant",
    "commander",
    "cmdr.",
    "adm.",
    "admiral",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen.",
    "senator",
    "rep.",
    "gov.",
    "governor",
    "mayor",
    "judge",
    "police chief",
    "chief",
    "rebel leader",
    "leader",
    "congressman",
    "congresswoman",
)
_TITLES_BY_LENGTH = sorted(TITLES, key=len, reverse=True)
_POSSESSIVES = ("'s", "’s", "'", "’")


@dataclass(frozen=True)
class NameMention:
    article_id: str
    story: str
    label: str
    text: str
    start: int
    end: int
    sentence: str
    title: str | None = None


@dataclass(frozen=True)
class NameCluster:
    story: str
    label: str
    canonical: str
    variants: tuple[tuple[str, int, tuple[str, ...]], ...]
    mentions: tuple[NameMention, ...]


# --------------------------------------------------------------------------- mentions


def _clean(text: str) -> tuple[str, int, int, str | None]:
    """Strip possessive, leading article and titles: (text, cut_left, cut_right, title)."""
    left, right = 0, len(text)
    for p in _POSSESSIVES:
        if text[left:right].endswith(p) and right - len(p) > left:
            right -= len(p)
            break
    while right > left and text[right - 1] in " ,;:":
        right -= 1
    title_parts: list[str] = []
    changed = True
    while changed:
        changed = False
        low = text[left:right].lower()
        if low.startswith("the "):
            left += 4
            changed = True
            continue
        for t in _TITLES_BY_LENGTH:
            if low.startswith(t + " ") and len(low) > len(t) + 1:
                title_parts.append(text[left : left + len(t)])
                left += len(t) + 1
                while left < right and text[left] == " ":
                    left += 1
                changed = True
                break
    title = " ".join(title_parts) if title_parts else None
    return text[left:right], left, len(text) - right, title


def _sentence(ent: Any) -> str:
    doc = getattr(ent, "doc", None)
    try:
        if doc is None:
            return str(ent.sent.text)  # an entity of the entity-only pass, sentence given
        # spaCy's Span.sent rescans the document's annotations for every entity
        return str(sentence_of(doc[ent.start]).text)
    except ValueError:
        return text_of(doc)


def name_mentions(doc: Any, article: Article) -> list[NameMention]:
    """PERSON/ORG mentions of a parsed article, titles and possessives set aside."""
    out: list[NameMention] = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        text, cut_left, cut_right, title = _clean(ent.text)
        if not text or not any(ch.isalpha() for ch in text):
            continue
        out.append(
            NameMention(
                article_id=article.id,
                story=article.story,
                label=ent.label_,
                text=text,
                start=ent.start_char + cut_left,
                end=ent.end_char - cut_right,
                sentence=_sentence(ent),
                title=title,
            )
        )
    return out


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


# --------------------------------------------------------------------------- clustering


def _person_groups(counts: Mapping[str, int]) -> list[list[str]]:
    spellings = sorted(counts)
    toks = {s: name_tokens(s) for s in spellings}
    full = [s for s in spellings if len(toks[s]) >= 2]
    bare = [s for s in spellings if len(toks[s]) == 1]
    uf = _UnionFind(spellings)
    for i, a in enumerate(full):
        for b in full[i + 1 :]:
            if same_person(toks[a], toks[b]):
                uf.union(a, b)
    # frequency of each full-name cluster, to attach bare surnames
    weight: Counter[str] = Counter()
    for s in full:
        weight[uf.find(s)] += counts[s]
    for s in bare:
        token = toks[s][0]
        candidates = sorted(
            {uf.find(f) for f in full if surname_of(token, toks[f][1:])},
            key=lambda root: (-weight[root], root),
        )
        if candidates:
            uf.union(s, candidates[0])
    unattached = [s for s in bare if not any(uf.find(s) == uf.find(f) for f in full)]
    for i, a in enumerate(unattached):
        for b in unattached[i + 1 :]:
            if tokens_match(toks[a][0], toks[b][0]) and lone_words_close(toks[a][0], toks[b][0]):
                uf.union(a, b)
    return _groups(uf, spellings)


def _org_groups(counts: Mapping[str, int], aliases: Mapping[str, Sequence[str]]) -> list[list[str]]:
    spellings = sorted(counts)
    uf = _UnionFind(spellings)
    alias_key: dict[str, str] = {}
    for canonical, others in sorted(aliases.items()):
        for name in (canonical, *others):
            alias_key.setdefault(fold(name), fold(canonical))
    by_key: dict[str, str] = {}
    for s in spellings:
        key = alias_key.get(fold(s), fold(s))
        if key in by_key:
            uf.union(by_key[key], s)
        else:
            by_key[key] = s
    alias_names = [(fold(c), n) for c, others in aliases.items() for n in (c, *others)]
    for i, a in enumerate(spellings):
        for b in spellings[i + 1 :]:
            linked = (is_acronym(a) and acronym_of(a, b)) or (is_acronym(b) and acronym_of(b, a))
            similar = (
                not is_acronym(a)
                and not is_acronym(b)
                and fuzz.ratio(fold(a), fold(b)) >= ORG_RATIO
            )
            if linked or similar:
                uf.union(a, b)
    # acronyms of an alias name (MRTA of "Movimiento Revolucionario Tupac Amaru")
    for s in spellings:
        if not is_acronym(s):
            continue
        for key, name in alias_names:
            if acronym_of(s, name) and key in by_key:
                uf.union(s, by_key[key])
    return _groups(uf, spellings)


def _groups(uf: _UnionFind, spellings: Sequence[str]) -> list[list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for s in spellings:
        out[uf.find(s)].append(s)
    return [sorted(v) for _, v in sorted(out.items())]


def _canonical(label: str, group: Sequence[str], counts: Mapping[str, int]) -> str:
    pool = list(group)
    if label == "PERSON":
        full = [s for s in group if len(name_tokens(s)) >= 2]
        pool = full or pool
    elif any(not is_acronym(s) for s in group):
        pool = [s for s in group if not is_acronym(s)]
    return sorted(pool, key=lambda s: (-counts[s], s))[0]


def _labels(mentions: Sequence[NameMention]) -> dict[tuple[str, str], str]:
    """One label per spelling and story where the recogniser gave it both: the one it
    has most often ("Gordon Advisors" is an organisation though once tagged a person);
    a tie takes the label of the closest spelling that has one."""
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for m in mentions:
        tally[(m.story, fold(m.text))][m.label] += 1
    decided: dict[tuple[str, str], str] = {}
    tied: list[tuple[str, str]] = []
    for key, counts in sorted(tally.items()):
        if len(counts) < 2:
            continue
        (first, n1), (_, n2) = counts.most_common(2)
        if n1 > n2:
            decided[key] = first
        else:
            tied.append(key)
    clear = {k: c.most_common(1)[0][0] for k, c in tally.items() if len(c) == 1} | decided
    for story, text in tied:
        near = [
            (fuzz.ratio(text, other), other)
            for (s, other) in clear
            if s == story and fuzz.ratio(text, other) >= ORG_RATIO
        ]
        if near:
            decided[(story, text)] = clear[(story, max(near)[1])]
    return decided


def cluster_names(
    mentions: Sequence[NameMention], aliases: Mapping[str, Sequence[str]] | None = None
) -> list[NameCluster]:
    """Cluster mentions per story and label; see the module docstring."""
    by_key: dict[tuple[str, str], list[NameMention]] = defaultdict(list)
    labels = _labels(mentions)
    for m in mentions:
        by_key[(m.story, labels.get((m.story, fold(m.text)), m.label))].append(m)
    out: list[NameCluster] = []
    for (story, label), ms in sorted(by_key.items()):
        by_text: dict[str, list[NameMention]] = defaultdict(list)
        for m in ms:
            by_text[m.text].append(m)
        counts = Counter({text: len(group) for text, group in by_text.items()})
        groups = _person_groups(counts) if label == "PERSON" else _org_groups(counts, aliases or {})
        for group in groups:
            cms = sorted(
                (m for s in group for m in by_text[s]), key=lambda m: (m.article_id, m.start, m.end)
            )
            variants = tuple(
                (s, counts[s], tuple(sorted({m.article_id for m in by_text[s]})))
                for s in sorted(group, key=lambda s: (-counts[s], s))
            )
            out.append(
                NameCluster(
                    story=story,
                    label=label,
                    canonical=_canonical(label, group, counts),
                    variants=variants,
                    mentions=tuple(cms),
                )
            )
    out.sort(key=lambda c: (c.story, c.label, c.canonical))
    return out
