"""Name mentions (PERSON/ORG) and their spelling variants across a story.

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
  token, so "Cerpa"/"Serpa" match but "Fujimori"/"Fujimura" do not).
  "Pedro Fujimori" and "Alberto Fujimori" are two people. A bare surname
  ("Fujimori", "President Fujimori") attaches to the most frequent full name
  whose surname tokens contain it; bare surnames with no full name cluster
  with each other;
- ORG: spellings are one organisation when an alias table
  (``[aliases]`` in the lexicon: canonical -> other names) links them, when
  one is an acronym of the other's capitalised words (allowing one missing
  letter for acronyms of four letters or more), or when the whole names
  have a fuzzy ratio >= 90.

The canonical spelling is the most frequent spelling (ties: alphabetical);
for people, among the spellings that carry a given name when there are any,
so that "Alberto Fujimori" rather than a bare "Fujimori" names the cluster.

``spelling_findings`` reports one ``spelling`` finding per cluster whose
spellings disagree on a token (Cerpa/Serpa, Néstor/Nestor), not merely on
titles, given names or acronyms: the message gives the canonical spelling,
each variant with its count and the reports using it, and marks accent-only
differences.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from checker.ids import finding_id
from checker.messages import plural
from checker.records import Article, Finding, FindingType, Severity

LABELS = ("PERSON", "ORG")

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
_STOP = frozenset({"of", "the", "and", "for", "de", "del", "la", "las", "los", "el", "y", "du"})
_POSSESSIVES = ("'s", "’s", "'", "’")

TOKEN_RATIO = 80.0
GIVEN_RATIO = 85.0
GIVEN_VARIANT_RATIO = 75.0  # John/Joan and Mark/Mary (75) stay two people
ORG_RATIO = 90.0


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


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accent- and case-insensitive form, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@lru_cache(maxsize=1 << 16)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t.strip(".,") for t in fold(text).replace("-", " ").split() if t.strip(".,"))


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
    try:
        return str(ent.sent.text)
    except ValueError:
        return str(ent.doc.text)


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


# --------------------------------------------------------------------------- matching


def tokens_match(a: str, b: str) -> bool:
    """Two folded tokens are spellings of one word (Cerpa/Serpa, Nestor/Néstor)."""
    if a == b:
        return True
    longer = max(len(a), len(b))
    if abs(len(a) - len(b)) > max(1, longer // 4) or min(len(a), len(b)) < 3:
        return False
    return fuzz.ratio(a, b) >= TOKEN_RATIO


def _given_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= GIVEN_RATIO or _given_variant(a, b)


def _given_variant(a: str, b: str) -> bool:
    """Transliterations and spellings of one given name: Stuart/Stewart, Khaled/Khalid,
    Sohel/Sohail, Mohamed/Muhammad (the same consonants in the same order)."""
    if a[:1] != b[:1]:
        return False
    if abs(len(a) - len(b)) <= 1 and fuzz.ratio(a, b) > GIVEN_VARIANT_RATIO:
        return True
    skeleton = _consonants(a)
    return len(skeleton) >= 3 and skeleton == _consonants(b)


def _consonants(token: str) -> str:
    """ "sohail" -> "shl", "muhammad" -> "mhmd": vowels dropped, doubled letters once."""
    out: list[str] = []
    for ch in token:
        if ch in "aeiouy" or (out and out[-1] == ch):
            continue
        out.append(ch)
    return "".join(out)


def _run_match(short: Sequence[str], long: Sequence[str]) -> bool:
    for offset in range(len(long) - len(short) + 1):
        if all(tokens_match(s, long[offset + k]) for k, s in enumerate(short)):
            return True
    return False


def _same_person(a: Sequence[str], b: Sequence[str]) -> bool:
    if not _given_match(a[0], b[0]):
        return False
    sa, sb = a[1:], b[1:]
    short, long = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return _run_match(short, long)


def _initials(text: str) -> str:
    words = [w for w in fold(text).replace("-", " ").split() if w not in _STOP]
    return "".join(w[0] for w in words if w[0].isalpha())


def _is_acronym(text: str) -> bool:
    t = text.replace(".", "")
    return 2 <= len(t) <= 8 and t.isalpha() and t.isupper()


def _acronym_of(acronym: str, name: str) -> bool:
    letters = acronym.replace(".", "").casefold()
    initials = _initials(name)
    if len(initials) < 2 or " " not in name.strip():
        return False
    if letters == initials:
        return True
    if len(letters) >= 4 and len(initials) == len(letters) - 1:
        return any(letters[:k] + letters[k + 1 :] == initials for k in range(len(letters)))
    if len(letters) >= 3 and len(initials) == len(letters) + 1:
        return any(initials[:k] + initials[k + 1 :] == letters for k in range(len(initials)))
    return False


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
    toks = {s: _tokens(s) for s in spellings}
    full = [s for s in spellings if len(toks[s]) >= 2]
    bare = [s for s in spellings if len(toks[s]) == 1]
    uf = _UnionFind(spellings)
    for i, a in enumerate(full):
        for b in full[i + 1 :]:
            if _same_person(toks[a], toks[b]):
                uf.union(a, b)
    # frequency of each full-name cluster, to attach bare surnames
    weight: Counter[str] = Counter()
    for s in full:
        weight[uf.find(s)] += counts[s]
    for s in bare:
        token = toks[s][0]
        candidates = sorted(
            {uf.find(f) for f in full if any(tokens_match(token, t) for t in toks[f][1:])},
            key=lambda root: (-weight[root], root),
        )
        if candidates:
            uf.union(s, candidates[0])
    unattached = [s for s in bare if not any(uf.find(s) == uf.find(f) for f in full)]
    for i, a in enumerate(unattached):
        for b in unattached[i + 1 :]:
            if tokens_match(toks[a][0], toks[b][0]):
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
            linked = (_is_acronym(a) and _acronym_of(a, b)) or (
                _is_acronym(b) and _acronym_of(b, a)
            )
            similar = (
                not _is_acronym(a)
                and not _is_acronym(b)
                and fuzz.ratio(fold(a), fold(b)) >= ORG_RATIO
            )
            if linked or similar:
                uf.union(a, b)
    # acronyms of an alias name (MRTA of "Movimiento Revolucionario Tupac Amaru")
    for s in spellings:
        if not _is_acronym(s):
            continue
        for key, name in alias_names:
            if _acronym_of(s, name) and key in by_key:
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
        full = [s for s in group if len(_tokens(s)) >= 2]
        pool = full or pool
    elif any(not _is_acronym(s) for s in group):
        pool = [s for s in group if not _is_acronym(s)]
    return sorted(pool, key=lambda s: (-counts[s], s))[0]


def cluster_names(
    mentions: Sequence[NameMention], aliases: Mapping[str, Sequence[str]] | None = None
) -> list[NameCluster]:
    """Cluster mentions per story and label; see the module docstring."""
    by_key: dict[tuple[str, str], list[NameMention]] = defaultdict(list)
    for m in mentions:
        by_key[(m.story, m.label)].append(m)
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


# --------------------------------------------------------------------------- findings


def _raw_tokens(text: str) -> list[str]:
    """Case-folded tokens with accents kept."""
    return [t.strip(".,") for t in text.casefold().replace("-", " ").split() if t.strip(".,")]


def _comparable(cluster: NameCluster) -> list[tuple[str, int, tuple[str, ...]]]:
    """Spellings whose words may be compared: for organisations only names that are
    near-identical to another spelling (aliases and acronyms are not misspellings)."""
    plain = [v for v in cluster.variants if not _is_acronym(v[0])]
    if cluster.label == "PERSON":
        return plain
    keep: set[str] = set()
    for i, a in enumerate(plain):
        for b in plain[i + 1 :]:
            if fuzz.ratio(fold(a[0]), fold(b[0])) >= ORG_RATIO:
                keep.update((a[0], b[0]))
    return [v for v in plain if v[0] in keep]


def spelling_differences(cluster: NameCluster) -> list[tuple[str, list[str], bool]]:
    """Words spelt more than one way: (preferred form, other forms, accent_only)."""
    weight: Counter[str] = Counter()
    for spelling, count, _ in _comparable(cluster):
        for tok in _raw_tokens(spelling):
            weight[tok] += count
    preferred = _raw_tokens(cluster.canonical)
    forms = sorted(weight, key=lambda t: (-weight[t], t))
    groups: list[list[str]] = []
    person = cluster.label == "PERSON"
    for tok in forms:
        f = fold(tok)
        for g in groups:
            head_form = fold(g[0])
            if tokens_match(head_form, f) or (person and _given_variant(head_form, f)):
                g.append(tok)
                break
        else:
            groups.append([tok])
    out: list[tuple[str, list[str], bool]] = []
    for g in groups:
        if len(g) < 2:
            continue
        head = next((t for t in preferred if t in g), g[0])
        others = [
            t
            for t in g
            if t != head and not _inflected(t, head) and (person or not _house_style(t, head))
        ]
        accent_only = all(fold(t) == fold(head) for t in others)
        if not others or (accent_only and not person):
            continue  # "Vendome"/"Vendôme": a place's accent is a house style, not a misspelling
        out.append((head, others, accent_only))
    return out


_INFLECTIONS = ("'s", "’s", "s", "es", "'", "’")
# British and American spellings of one word: a house style, not a misspelling
_HOUSE_STYLES = (("ise", "ize"), ("isation", "ization"), ("our", "or"), ("tre", "ter"))


def _house_style(a: str, b: str) -> bool:
    """ "Recognised"/"Recognized", "Labour"/"Labor", "Centre"/"Center": one word (for
    organisations and places; a person's name spelt two ways is still a finding)."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return False
    for british, american in _HOUSE_STYLES:
        if fa.replace(british, american) == fb.replace(british, american):
            return True
    return False


def _inflected(a: str, b: str) -> bool:
    """ "Marshals"/"Marshal", "Magistrates'"/"Magistrates", "Euros"/"Euro": one word."""
    short, long = sorted((fold(a), fold(b)), key=len)
    return long != short and any(long == short + end for end in _INFLECTIONS)


def spelling_findings(
    clusters: Sequence[NameCluster],
    claim_id_of: Callable[[NameMention], str],
    severity: Severity = Severity.WARNING,
) -> list[Finding]:
    """One warning per cluster whose spellings disagree on a word."""
    findings: list[Finding] = []
    for cluster in clusters:
        if len({m.article_id for m in cluster.mentions}) < 2:
            continue  # two spellings inside one report are not a disagreement across reports
        diffs = spelling_differences(cluster)
        if not diffs:
            continue
        odd = {t for _, others, _ in diffs for t in others}
        involved = {
            s for s, _, _ in cluster.variants if s == cluster.canonical or odd & set(_raw_tokens(s))
        }
        listed = [v for v in cluster.variants if v[0] in involved and v[0] != cluster.canonical]
        canon = next(v for v in cluster.variants if v[0] == cluster.canonical)

        def show(v: tuple[str, int, tuple[str, ...]]) -> str:
            reports = len(set(v[2]))
            return f'"{v[0]}" ({plural(v[1], "mention")} in {plural(reports, "report")})'

        words = "; ".join(
            f"{'/'.join(_titled(t, cluster) for t in (head, *others))}"
            + (" (accent only)" if accent_only else "")
            for head, others, accent_only in diffs
        )
        message = (
            f"{cluster.label.lower()} {cluster.canonical!s} is spelt differently across reports "
            f"({words}): canonical {show(canon)}; variants " + ", ".join(show(v) for v in listed)
        )
        mentions = [m for m in cluster.mentions if m.text in involved]
        variant_mentions = [m for m in mentions if m.text != cluster.canonical]
        outliers = sorted({claim_id_of(m) for m in variant_mentions})
        rest = sorted({claim_id_of(m) for m in mentions} - set(outliers))
        slot = f"name:{cluster.canonical}"
        # the spellings are what is wrong; the reports using the canonical one are not
        key = ["spellings", *(fold(v[0]) for v in listed), fold(cluster.canonical)]
        findings.append(
            Finding(
                id=finding_id(FindingType.SPELLING, cluster.story, slot, key),
                type=FindingType.SPELLING,
                severity=severity,
                story=cluster.story,
                slot=slot,
                claim_ids=(*outliers, *rest),
                message=message,
                outliers=tuple(outliers),
                outlier_reports=tuple(sorted({m.article_id for m in variant_mentions})),
            )
        )
    findings.sort(key=lambda f: (f.story, f.slot, f.id))
    return findings


def _titled(token: str, cluster: NameCluster) -> str:
    """The token as first written in the cluster (original case)."""
    for spelling, _, _ in cluster.variants:
        for word in spelling.replace("-", " ").split():
            if word.strip(".,").casefold() == token:
                return word.strip(".,")
    return token
