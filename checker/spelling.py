"""Spelling findings: one name written differently across the reports of a story.

``spelling_findings`` reports one ``spelling`` finding per cluster whose
spellings disagree on a token (Cerpa/Serpa, Néstor/Nestor), not merely on
titles, given names or acronyms: the message gives the canonical spelling,
each variant with its count and the reports using it, and marks accent-only
differences.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from checker.ids import finding_id
from checker.messages import plural
from checker.name_match import ORG_RATIO, fold, given_variant, is_acronym, tokens_match
from checker.names import NameCluster, NameMention
from checker.records import Finding, FindingType, Severity

# what the message calls each kind of name
_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


def _raw_tokens(text: str) -> list[str]:
    """Case-folded tokens with accents kept."""
    return [t.strip(".,") for t in text.casefold().replace("-", " ").split() if t.strip(".,")]


def _comparable(cluster: NameCluster) -> list[tuple[str, int, tuple[str, ...]]]:
    """Spellings whose words may be compared: for organisations only names that are
    near-identical to another spelling (aliases and acronyms are not misspellings)."""
    plain = [v for v in cluster.variants if not is_acronym(v[0])]
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
            if not any(ch.isdigit() for ch in tok):  # "115th"/"117th Street": two streets
                weight[tok] += count
    preferred = _raw_tokens(cluster.canonical)
    forms = sorted(weight, key=lambda t: (-weight[t], t))
    groups: list[list[str]] = []
    person = cluster.label == "PERSON"
    swapped = set() if person else _one_word_apart(cluster)
    for tok in forms:
        f = fold(tok)
        for g in groups:
            head_form = fold(g[0])
            if (
                tokens_match(head_form, f)
                or (person and given_variant(head_form, f))
                or frozenset((head_form, f)) in swapped
            ):
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
    return out + _compound_differences(cluster, person)


def _one_word_apart(cluster: NameCluster) -> set[frozenset[str]]:
    """Of an organisation's or a place's spellings, the same length and alike as a
    whole, the one word that differs: "Gulf of Aden"/"Gulf of Eden" (too short a word
    for the word-by-word match)."""
    spellings = [[fold(t) for t in _raw_tokens(v[0])] for v in _comparable(cluster)]
    out: set[frozenset[str]] = set()
    for i, a in enumerate(spellings):
        for b in spellings[i + 1 :]:
            if len(a) != len(b):
                continue
            diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
            if len(diff) != 1 or any(ch.isdigit() for ch in "".join(diff[0])):
                continue
            x, y = diff[0]
            if Levenshtein.distance(x, y) <= max(1, min(len(x), len(y)) // 3):
                out.add(frozenset(diff[0]))  # not "Mount"/"Mt", "Alaska Board"/"State Board"
    return out


def _compound_differences(cluster: NameCluster, person: bool) -> list[tuple[str, list[str], bool]]:
    """A name written as one word in some spellings and as two in others
    ("DelGiudice"/"Del Giudice"); the canonical spelling's form comes first."""
    if not person:
        return []
    single: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for spelling, count, _ in _comparable(cluster):
        toks = _raw_tokens(spelling)
        for tok in toks:
            single[tok] += count
        for a, b in itertools.pairwise(toks):
            pairs[f"{a} {b}"] += count
    preferred = f" {' '.join(_raw_tokens(cluster.canonical))} "
    out: list[tuple[str, list[str], bool]] = []
    for pair in sorted(pairs):
        joined = next((t for t in sorted(single) if fold(t) == fold(pair.replace(" ", ""))), None)
        if joined is None:
            continue
        pair_first = f" {pair} " in preferred or (
            f" {joined} " not in preferred and pairs[pair] >= single[joined]
        )
        out.append((pair, [joined], False) if pair_first else (joined, [pair], False))
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
            s
            for s, _, _ in cluster.variants
            if s == cluster.canonical or any(_uses(s, form) for form in odd)
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
            f"{_KINDS.get(cluster.label, cluster.label.lower())} {cluster.canonical!s} "
            "is spelt differently across reports "
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


def _uses(spelling: str, form: str) -> bool:
    """The spelling has the word (or run of words) ``form``."""
    return f" {form} " in f" {' '.join(_raw_tokens(spelling))} "


def _titled(form: str, cluster: NameCluster) -> str:
    """The word (or run of words) as first written in the cluster (original case)."""
    size = len(form.split())
    for spelling, _, _ in cluster.variants:
        words = [w.strip(".,") for w in spelling.replace("-", " ").split() if w.strip(".,")]
        for k in range(len(words) - size + 1):
            window = words[k : k + size]
            if " ".join(window).casefold() == form:
                return " ".join(window)
    return form
