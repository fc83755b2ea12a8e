"""The scoreboard: every bundled story and every ECB+ cluster with gold, one table.

    .venv/bin/python bench/stories.py [--story ID ...] [-v] [--out FILE] [--workers N]

Bundled stories (tests/gold/*.yaml over reports/ and seeds/) are checked in
one run with the project's configuration; the ECB+ clusters
(bench/gold/ecbplus/*.yaml over $CHECKER_SHARED/data/ecbplus-dev, default
../shared/data/ecbplus-dev) in another, with no configuration at all. When
the shared data is absent the ECB+ part is skipped with a message.

Columns (rules in tests/gold/RULES.md, "Scoring"): claim recall, claim
precision inside the gold's scope, slot accuracy (frame, group, scope, event)
and as_of accuracy on matched claims, required and stretch findings found,
traps sprung (of all traps), error and warning precision, and how many
not-a-count numbers became count claims. ``-v`` lists every miss and false
finding. Writes bench/results/stories.json (figures only, no report text),
except when ``--story`` narrows the run and no ``--out`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.evaluation import Ratio, StoryScores, describe, load_gold, score_story, total  # noqa: E402
from checker.evaluation.suite import Suite, bundled_suite, ecbplus_suite, run_suite  # noqa: E402

COLUMNS = (
    ("recall", "claim_recall"),
    ("prec", "claim_precision"),
    ("slot", "slot_accuracy"),
    ("as_of", "as_of_accuracy"),
    ("req", "required_found"),
    ("stretch", "stretch_found"),
    ("traps", "traps"),
    ("err P", "error_precision"),
    ("warn P", "warning_precision"),
    ("non-c", "non_claims_extracted"),
)


def _cell(ratio: Ratio, name: str) -> str:
    if name in ("traps", "non_claims_extracted"):
        return f"{ratio.hits}/{ratio.total}"
    if ratio.total == 0:
        return "–"
    return f"{ratio.value:.2f} {ratio.hits}/{ratio.total}"


def table(rows: list[tuple[str, dict[str, Ratio]]]) -> str:
    header = ["story", *(c for c, _ in COLUMNS)]
    body = [[story, *(_cell(r[name], name) for _, name in COLUMNS)] for story, r in rows]
    widths = [max(len(x) for x in col) for col in zip(header, *body, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in body]
    return "\n".join(lines)


def score_suite(suite: Suite, wanted: set[str], workers: int) -> list[StoryScores]:
    golds = [load_gold(data) for _, data in suite.golds()]
    golds = [g for g in golds if not wanted or g.story in wanted]
    if not golds:
        return []
    report = run_suite(suite, workers=workers)
    return [score_story(report, g) for g in golds]


def _json(ratios: dict[str, Ratio]) -> dict[str, dict[str, float | int]]:
    return {
        name: {"hits": r.hits, "total": r.total, "value": round(r.value, 4)}
        for name, r in ratios.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--story", action="append", default=[], help="score only these stories")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list misses and false findings"
    )
    parser.add_argument(
        "--out", type=Path, help="default bench/results/stories.json; not written with --story"
    )
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    wanted = set(args.story)
    started = time.perf_counter()
    sections: dict[str, list[StoryScores]] = {}
    sections["bundled"] = score_suite(bundled_suite(ROOT), wanted, args.workers)
    ecb = ecbplus_suite(ROOT)
    if ecb is None:
        print("ECB+ data not found (set CHECKER_SHARED or put shared/ beside the project): skipped")
    else:
        sections["ecbplus"] = score_suite(ecb, wanted, args.workers)
    result: dict[str, object] = {"version": 1, "sections": {}}
    for name, scores in sections.items():
        if not scores:
            continue
        rows = [(s.story, s.ratios()) for s in scores]
        rows.append((f"TOTAL {name}", total(scores)))
        print(f"\n{name}\n{table(rows)}")
        if args.verbose:
            for s in scores:
                print(f"\n--- {s.story}\n{describe(s, limit=200)}")
        result["sections"][name] = {  # type: ignore[index]
            "stories": {s.story: _json(s.ratios()) for s in scores},
            "total": _json(total(scores)),
        }
    everything = [s for scores in sections.values() for s in scores]
    if everything:
        print(f"\n{table([('TOTAL all', total(everything))])}")
        result["total"] = _json(total(everything))
    out = args.out or (None if wanted else ROOT / "bench" / "results" / "stories.json")
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".tmp")
        tmp.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(out)
        print(f"\nwrote {out} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
