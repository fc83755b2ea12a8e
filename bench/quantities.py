"""Quantity extraction on the news case table: value P/R/F1 and time, beside quantulum3.

    .venv/bin/python bench/quantities.py [--cases FILE] [--out FILE] [-v]

Reads ``tests/extract/cases/quantities_news.yaml`` (sentences written for this
project in the shapes of financial, technology, sport, science and disaster
news, with the figures expected in them) and runs, in one process and one after
the other on the same sentences:

- ``checker.quantities(sentence)``, the public API (numbers, then the counted
  noun from a parse when a count needs one);
- ``checker.extract.numbers.find_quantities`` (the number layer alone);
- ``quantulum3.parser.parse`` when quantulum3 is installed (a dev-only extra,
  never a runtime dependency); otherwise its row says so.

A prediction is correct when its value as written (``original_low`` ..
``original_high``; quantulum3's ``value``) equals an expected figure's, matched
one to one within a sentence; units are not compared, so every extractor is
scored the same way. Time is wall-clock for the whole table, including each
extractor's start-up (importing it, loading its model or unit tables) on its
first sentence, as a user calling it once per sentence would see it. The
ratio is quantulum3's time over checker.quantities' (above 1: checker is
faster). Writes ``bench/results/quantities.json`` (figures only).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.evaluation.quantities import Case, Score, load_cases, match_count, score  # noqa: E402

CASES = ROOT / "tests" / "extract" / "cases" / "quantities_news.yaml"
OUT = ROOT / "bench" / "results" / "quantities.json"

Values = list[tuple[float | None, float | None]]


@dataclass(frozen=True)
class Run:
    name: str
    score: Score
    seconds: float
    predictions: list[Values]


def _checker_api() -> Callable[[str], Values]:
    import checker

    def run(text: str) -> Values:
        return [(q.original_low, q.original_high) for q in checker.quantities(text)]

    return run


def _number_layer() -> Callable[[str], Values]:
    from checker.extract.numbers import find_quantities

    def run(text: str) -> Values:
        return [(q.original_low, q.original_high) for q in find_quantities(text)]

    return run


def _quantulum() -> Callable[[str], Values] | None:
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None

    def run(text: str) -> Values:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(text)
        return [(float(q.value), float(q.value)) for q in found]

    return run


def _timed(
    name: str, make: Callable[[], Callable[[str], Values] | None], cases: Sequence[Case]
) -> Run | None:
    start = time.perf_counter()
    extract = make()
    if extract is None:
        return None
    predictions = [extract(case.text) for case in cases]
    seconds = time.perf_counter() - start
    return Run(name, score(cases, predictions), seconds, predictions)


def _misses(run: Run, cases: Sequence[Case]) -> list[str]:
    lines = []
    for case, found in zip(cases, run.predictions, strict=True):
        kept = [v for v in found if v != (None, None)]
        hits = match_count(kept, case.expected)
        if hits != len(case.expected) or hits != len(kept):
            want = [(e.low, e.high) for e in case.expected]
            lines.append(f"  {case.text}\n    want {want}\n    got  {kept}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=Path, default=CASES)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("-v", "--verbose", action="store_true", help="list each sentence missed")
    args = ap.parse_args(argv)
    cases = load_cases(args.cases)
    runs: list[Run] = []
    missing: list[str] = []
    for name, make in (
        ("checker.quantities", _checker_api),
        ("find_quantities", _number_layer),
        ("quantulum3", _quantulum),
    ):
        run = _timed(name, make, cases)
        if run is None:
            missing.append(name)
        else:
            runs.append(run)
    gold = sum(len(c.expected) for c in cases)
    print(f"{len(cases)} sentences, {gold} expected figures ({args.cases.name})")
    print(f"{'extractor':<20} {'P':>6} {'R':>6} {'F1':>6} {'time s':>8} {'ms/sent':>8}")
    for run in runs:
        s = run.score
        per = 1000 * run.seconds / len(cases)
        print(
            f"{run.name:<20} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
            f"{run.seconds:8.2f} {per:8.2f}"
        )
    for name in missing:
        print(f"{name:<20} not installed (pip install quantulum3 to compare)")
    by_name = {run.name: run for run in runs}
    ratio = None
    if "quantulum3" in by_name:
        ratio = by_name["quantulum3"].seconds / by_name["checker.quantities"].seconds
        print(
            f"speed: checker.quantities is {ratio:.2f}x quantulum3's speed (time ratio q3/checker)"
        )
    if args.verbose:
        for run in runs:
            print(f"\n{run.name}: sentences with a miss or an extra")
            print("\n".join(_misses(run, cases)))
    result: dict[str, Any] = {
        "cases": len(cases),
        "expected": gold,
        "extractors": {
            run.name: {
                "precision": round(run.score.precision, 4),
                "recall": round(run.score.recall, 4),
                "f1": round(run.score.f1, 4),
                "seconds": round(run.seconds, 3),
            }
            for run in runs
        },
        "speed_ratio_quantulum3_over_checker": round(ratio, 3) if ratio is not None else None,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
