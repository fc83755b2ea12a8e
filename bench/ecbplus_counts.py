"""People and casualty counts: ``checker.claims`` against a hand-made gold on ECB+.

Usage::

    .venv/bin/python bench/ecbplus_counts.py [--data DIR] [--gold FILE] [--out FILE] [--quiet]

``--data`` is the ``ecbplus-dev`` folder; by default it is
``$CHECKER_SHARED/data/ecbplus-dev`` (CHECKER_SHARED defaults to ``../shared``
beside the project). When the folder is absent the script says so and exits 0.

Each report is read with ``checker.corpus.read_corpus`` and ``checker.claims``
runs on its body text with ``published=None``; only ``kind == "count"`` claims
are scored. The gold (``bench/gold/ecbplus-counts.yaml``) lists every figure
that counts people, by article and character offset of the figure; its
``rules`` key says what was annotated and how.

Matching. A predicted claim matches a gold claim of the same article when the
gold figure's offset lies in ``[claim.start - 3, claim.end + 3]`` and the two
intervals overlap (open bounds are infinite; gold marked ``approx`` is widened
by 10% on each side). Pairs are assigned one to one, the closest first.

Which predictions count for precision. A claim's slot is
``<noun>[.<predicate>]``; its noun decides (``PEOPLE_NOUNS`` /
``NON_PEOPLE_NOUNS`` below). Claims whose noun is clearly not people
(villages, houses, shells, degrees...) are ignored. Claims whose noun is in
neither list are kept (assumed people) and listed as ``unknown_nouns`` so the
tables can be extended; precision is also given without them.

Slot agreement. On matched pairs, the predicate class of the predicted slot
(``slot_predicate``) is compared with the gold ``predicate``; ``rescued`` and
``evacuated`` are one class (the lexicon files "evacuate" under rescued).

Gold flagged ``optional`` is neither rewarded nor penalised: a prediction on
it leaves precision unchanged and it is not in the recall denominator.

Writes ``bench/results/ecbplus_counts.json`` (figures, misses, false positives
with at most six words of the source as a locator, slot disagreements).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_GOLD = ROOT / "bench" / "gold" / "ecbplus-counts.yaml"
DEFAULT_OUT = ROOT / "bench" / "results" / "ecbplus_counts.json"
SPAN_SLACK = 3
APPROX_WIDEN = 0.10

# --- slot -> gold classes ---------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Slot head nouns (lexicon noun classes and lemmas) that denote people.
PEOPLE_NOUNS = _words(
    """
    hostages rebels prisoners soldiers guests people dead injured victims
    suspects workers homeless missing rescued police
    person people man men woman women child children kid boy girl baby
    worker employee staff colleague co-worker coworker manager boss partner
    accountant receptionist official officer policeman police firefighter
    protester protestor demonstrator marcher rioter youth student unionist
    member communist fascist anarchist trouble-maker troublemaker militant
    victim casualty fatality body death survivor resident citizen villager
    inhabitant population greek iranian passenger customer tourist family
    suspect gunman shooter attacker detainee captive hostage homeless
    """
)

# Slot head nouns that are clearly not people: their claims are ignored.
NON_PEOPLE_NOUNS = _words(
    """
    shots shot gunshot explosion blast building village house home school
    hospital floor storey story office bank shop store window car van truck
    helicopter shell round pellet gun shotgun entrance seat vote count charge
    country city town island emirate union organization organisation
    year month week day hour minute second decade time point percent
    euro dollar pound mile kilometer kilometre km metre meter foot inch degree
    magnitude aftershock quake earthquake tremor response job demonstration
    strike protest march rally flight epicentre epicenter item tent blanket
    gauge thing solution temblor strength incident engine corridor bailout
    intent possession gmt bey loan billion million package deficit share
    """
)

# Predicate part of a slot -> gold predicate class.
PREDICATE_CLASS = {
    "killed": "killed",
    "injured": "injured",
    "arrested": "arrested",
    "missing": "missing",
    "rescued": "rescued",
    "evacuated": "rescued",
    "released": "released",
    "held": "held",
    "attacked": "attacked",
    "shot": "attacked",  # checker names shootings "shot"; the gold calls them "attacked"
    "displaced": "displaced",
    "deployed": "none",
    "demanded": "none",
}

# Bare slots (no predicate part) whose noun itself states the predicate.
BARE_SLOT_CLASS = {
    "dead": "killed",
    "injured": "injured",
    "hostages": "held",
    "missing": "missing",
    "homeless": "displaced",
    "rescued": "rescued",
}

# Gold predicates that are one class for agreement.
GOLD_PREDICATE_CLASS = {"evacuated": "rescued"}


def slot_noun(slot: str) -> str:
    return slot.split(".", 1)[0].lower()


def slot_predicate(slot: str) -> str:
    """The gold predicate class a predicted slot stands for."""
    noun, _, pred = slot.lower().partition(".")
    if pred:
        return PREDICATE_CLASS.get(pred, pred)
    return BARE_SLOT_CLASS.get(noun, "none")


def noun_kind(slot: str) -> str:
    """ "people", "non-people" or "unknown" for a slot's head noun."""
    noun = slot_noun(slot)
    candidates = {noun, noun.rstrip("s"), noun[:-2] if noun.endswith("es") else noun}
    if candidates & PEOPLE_NOUNS:
        return "people"
    if candidates & NON_PEOPLE_NOUNS:
        return "non-people"
    return "unknown"


def gold_predicate(pred: str) -> str:
    return GOLD_PREDICATE_CLASS.get(pred, pred)


# --- records ----------------------------------------------------------------


@dataclass(frozen=True)
class Gold:
    article: str
    start: int
    locator: str
    low: float | None
    high: float | None
    noun_class: str
    predicate: str
    approx: bool = False
    background: bool = False
    optional: bool = False

    def interval(self) -> tuple[float | None, float | None]:
        if not self.approx:
            return self.low, self.high
        low = None if self.low is None else self.low * (1 - APPROX_WIDEN)
        high = None if self.high is None else self.high * (1 + APPROX_WIDEN)
        return low, high


@dataclass(frozen=True)
class Pred:
    article: str
    slot: str
    low: float | None
    high: float | None
    start: int
    end: int
    quote: str
    kind: str  # people / non-people / unknown


@dataclass
class Tally:
    gold: int = 0
    gold_matched: int = 0
    pred: int = 0
    pred_matched: int = 0
    pred_unknown: int = 0
    pred_unknown_matched: int = 0
    slot_agree: int = 0
    pairs: int = 0
    extras: dict[str, int] = field(default_factory=dict)

    def scores(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        known = self.pred - self.pred_unknown
        known_matched = self.pred_matched - self.pred_unknown_matched
        return {
            "gold": self.gold,
            "gold_matched": self.gold_matched,
            "predicted": self.pred,
            "predicted_matched": self.pred_matched,
            "predicted_unknown_noun": self.pred_unknown,
            "precision": ratio(self.pred_matched, self.pred),
            "precision_known_people_slots": ratio(known_matched, known),
            "recall": ratio(self.gold_matched, self.gold),
            "slot_agreement": ratio(self.slot_agree, self.pairs),
            "slot_agreement_n": self.pairs,
        }


def overlaps(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    lo = max((x for x in (a[0], b[0]) if x is not None), default=None)
    hi = min((x for x in (a[1], b[1]) if x is not None), default=None)
    return lo is None or hi is None or lo <= hi + 1e-9


def span_hit(p: Pred, g: Gold) -> bool:
    return p.start - SPAN_SLACK <= g.start <= p.end + SPAN_SLACK


def short(text: str, words: int = 6) -> str:
    """At most ``words`` words of source text: a locator, not a quotation."""
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def cluster_of(article_id: str) -> str:
    return "ecb-" + article_id.split("_", 1)[0]


# --- I/O --------------------------------------------------------------------


def data_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    shared = Path(os.environ.get("CHECKER_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "ecbplus-dev"


def load_gold(path: Path) -> tuple[list[Gold], list[str]]:
    import yaml

    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    gold = [
        Gold(
            article=str(c["article"]),
            start=int(c["start"]),
            locator=str(c["locator"]),
            low=c.get("low"),
            high=c.get("high"),
            noun_class=str(c["noun_class"]),
            predicate=str(c["predicate"]),
            approx=bool(c.get("approx", False)),
            background=bool(c.get("background", False)),
            optional=bool(c.get("optional", False)),
        )
        for c in doc["claims"]
    ]
    annotated = [str(a["id"]) for a in doc.get("articles_annotated", [])]
    return gold, annotated


def predict(text: str, article_id: str) -> list[Pred]:
    import checker

    out: list[Pred] = []
    for c in checker.claims(text, published=None):
        if getattr(c.kind, "value", c.kind) != "count":
            continue
        value = c.value
        low = getattr(value, "low", None)
        high = getattr(value, "high", None)
        out.append(Pred(article_id, c.slot, low, high, c.start, c.end, c.quote, noun_kind(c.slot)))
    return sorted(out, key=lambda p: (p.start, p.end, p.slot))


def diagnose_miss(g: Gold, text: str, preds: list[Pred], quantities: list[Any]) -> str:
    """A first, mechanical guess at why a gold figure was missed."""
    near = [p for p in preds if span_hit(p, g)]
    if near:
        p = near[0]
        if p.kind == "non-people":
            return f"linked to a non-people noun ({p.slot})"
        if not overlaps((p.low, p.high), g.interval()):
            return f"value mismatch ({p.low}-{p.high})"
        return "claim already used by another gold figure"
    hits = [
        q
        for q in quantities
        if (q.number_start if q.number_start is not None else q.start) - SPAN_SLACK
        <= g.start
        <= q.end + SPAN_SLACK
    ]
    if not hits:
        return "number not parsed"
    q = hits[0]
    if q.noun is None:
        return "number parsed, no noun linked, no claim"
    return f"number parsed with noun '{q.noun}', no claim"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--data", help="the ecbplus-dev folder (default: $CHECKER_SHARED/data/ecbplus-dev)"
    )
    ap.add_argument("--gold", default=str(DEFAULT_GOLD))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--quiet", action="store_true", help="tables only, no error lists")
    args = ap.parse_args(argv)

    data = data_dir(args.data)
    if not data.is_dir():
        print(f"ecbplus_counts: no data at {data}; skipping (set --data or CHECKER_SHARED).")
        return 0

    import checker
    from checker.corpus import read_corpus

    gold_all, annotated = load_gold(Path(args.gold))
    corpus = read_corpus([data])
    articles = {a.id: a for a in corpus.articles}
    wanted = sorted(set(annotated) | {g.article for g in gold_all})
    absent = [a for a in wanted if a not in articles]
    if absent:
        print(f"ecbplus_counts: {len(absent)} gold articles not in the data: {', '.join(absent)}")
    wanted = [a for a in wanted if a in articles]

    tallies: dict[str, Tally] = defaultdict(Tally)
    misses: list[dict[str, Any]] = []
    false_pos: list[dict[str, Any]] = []
    disagreements: list[dict[str, Any]] = []
    unknown_nouns: Counter[str] = Counter()
    ignored_slots: Counter[str] = Counter()
    by_flag: dict[str, Tally] = defaultdict(Tally)

    for aid in wanted:
        text = articles[aid].text
        cluster = cluster_of(aid)
        gold = [g for g in gold_all if g.article == aid]
        preds_all = predict(text, aid)
        preds = [p for p in preds_all if p.kind != "non-people"]
        for p in preds_all:
            if p.kind == "non-people":
                ignored_slots[p.slot] += 1
            elif p.kind == "unknown":
                unknown_nouns[slot_noun(p.slot)] += 1

        # one-to-one assignment, closest pairs first
        cands = []
        for i, p in enumerate(preds):
            for j, g in enumerate(gold):
                if span_hit(p, g) and overlaps((p.low, p.high), g.interval()):
                    inside = p.start <= g.start <= p.end
                    cands.append((0 if inside else 1, abs(p.start - g.start), i, j))
        cands.sort()
        p_to_g: dict[int, int] = {}
        g_to_p: dict[int, int] = {}
        for _, _, i, j in cands:
            if i in p_to_g or j in g_to_p:
                continue
            p_to_g[i] = j
            g_to_p[j] = i

        quantities = checker.quantities(text)
        for j, g in enumerate(gold):
            if g.optional:
                continue
            flag = "background" if g.background else "main"
            for t in (tallies[cluster], tallies["overall"], by_flag[flag]):
                t.gold += 1
            if j in g_to_p:
                p = preds[g_to_p[j]]
                agree = slot_predicate(p.slot) == gold_predicate(g.predicate)
                for t in (tallies[cluster], tallies["overall"], by_flag[flag]):
                    t.gold_matched += 1
                    t.pairs += 1
                    t.slot_agree += int(agree)
                if not agree:
                    disagreements.append(
                        {
                            "article": aid,
                            "locator": g.locator,
                            "gold_predicate": g.predicate,
                            "predicted_slot": p.slot,
                            "predicted_predicate": slot_predicate(p.slot),
                        }
                    )
            else:
                misses.append(
                    {
                        "article": aid,
                        "start": g.start,
                        "locator": g.locator,
                        "gold": [g.low, g.high],
                        "noun_class": g.noun_class,
                        "predicate": g.predicate,
                        "background": g.background,
                        "diagnosis": diagnose_miss(g, text, preds_all, quantities),
                    }
                )
        for i, p in enumerate(preds):
            j_opt = p_to_g.get(i)
            if j_opt is not None and gold[j_opt].optional:
                continue  # a prediction on an optional figure: not scored
            matched = j_opt is not None
            for t in (tallies[cluster], tallies["overall"]):
                t.pred += 1
                t.pred_matched += int(matched)
                if p.kind == "unknown":
                    t.pred_unknown += 1
                    t.pred_unknown_matched += int(matched)
            if not matched:
                near = [g for g in gold if span_hit(p, g)]
                if not near:
                    why = "no gold figure here"
                elif any(k for k, g in enumerate(gold) if span_hit(p, g) and k in g_to_p):
                    why = "duplicate of a matched claim"
                else:
                    g0 = near[0]
                    why = f"value mismatch with gold {g0.locator!r} ({g0.low}-{g0.high})"
                false_pos.append(
                    {
                        "article": aid,
                        "start": p.start,
                        "locator": short(p.quote),
                        "slot": p.slot,
                        "value": [p.low, p.high],
                        "noun_kind": p.kind,
                        "reason": why,
                    }
                )

    clusters = sorted((c for c in tallies if c != "overall"), key=lambda c: int(c.split("-")[1]))
    summary = {c: tallies[c].scores() for c in [*clusters, "overall"]}
    flags = {f: by_flag[f].scores() for f in sorted(by_flag)}
    for f in flags.values():
        for k in (
            "predicted",
            "predicted_matched",
            "predicted_unknown_noun",
            "precision",
            "precision_known_people_slots",
        ):
            f.pop(k, None)

    header = (
        f"{'cluster':10} {'gold':>5} {'found':>6} {'pred':>5} {'TP':>4} "
        f"{'P':>6} {'P(known)':>9} {'R':>6} {'slot':>6}"
    )
    print(header)
    print("-" * len(header))

    def fmt(x: float | None) -> str:
        return "  n/a" if x is None else f"{x:.3f}"

    for name, s in summary.items():
        print(
            f"{name:10} {s['gold']:>5} {s['gold_matched']:>6} {s['predicted']:>5} "
            f"{s['predicted_matched']:>4} {fmt(s['precision']):>6} "
            f"{fmt(s['precision_known_people_slots']):>9} {fmt(s['recall']):>6} "
            f"{fmt(s['slot_agreement']):>6}"
        )
    for name, s in flags.items():
        print(f"  recall on {name} figures: {fmt(s['recall'])} ({s['gold_matched']}/{s['gold']})")
    if not args.quiet:
        print("\nMisses (article, locator, gold predicate: diagnosis):")
        for m in misses:
            print(f"  {m['article']:13} {m['locator']!r:40} {m['predicate']:9} {m['diagnosis']}")
        print("\nFalse positives (article, locator, predicted slot: reason):")
        for f in false_pos:
            print(f"  {f['article']:13} {f['locator']!r:40} {f['slot']:18} {f['reason']}")
        print("\nSlot disagreements on matched claims (article, locator, gold -> predicted slot):")
        for d in disagreements:
            where = f"{d['article']:13} {d['locator']!r:40}"
            print(f"  {where} {d['gold_predicate']:9} -> {d['predicted_slot']}")
        if unknown_nouns:
            print(
                "\nSlots with a noun in neither table (kept as people):",
                dict(sorted(unknown_nouns.items())),
            )

    result = {
        "benchmark": "ecbplus_counts",
        "gold": Path(args.gold).name,
        "articles": len(wanted),
        "matching": {"span_slack": SPAN_SLACK, "approx_widen": APPROX_WIDEN},
        "summary": summary,
        "recall_by_flag": flags,
        "miss_diagnoses": dict(
            sorted(Counter(m["diagnosis"].split(" (")[0] for m in misses).items())
        ),
        "false_positive_reasons": dict(
            sorted(
                Counter(
                    f["reason"].split(" (")[0].split(" with gold")[0] for f in false_pos
                ).items()
            )
        ),
        "misses": misses,
        "false_positives": false_pos,
        "slot_disagreements": disagreements,
        "unknown_nouns": dict(sorted(unknown_nouns.items())),
        "ignored_non_people_slots": dict(sorted(ignored_slots.items())),
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    print(f"\nwrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
