"""Time per report against its figures: ``python bench/figures.py [--sizes 2000,8000,32000]``.

For each size N, one report of N short sentences, each with a figure (counts,
quantities, dates, in a few shapes a news report uses), is extracted in this
process the way ``checker check`` does it (pre-filter, entity pass, parse,
claims): :func:`checker.extraction.extract_chunk`. The model is loaded and
warmed up before any timing. Printed: seconds, milliseconds per figure, and the
**ratio** of time per figure to that of the smallest size, measured in the same
run. Linear time gives ratios near 1; the quadratic time this replaced
(``Doc.text`` and per-claim scans) gave 4x and 16x per step. ``--out`` writes
the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.extraction import ExtractionOptions, extract_chunk  # noqa: E402
from checker.nlp import load_pipeline  # noqa: E402
from checker.records import Article  # noqa: E402
from checker.slots import load_lexicon  # noqa: E402

SHAPES = (
    "Rebels were holding {n} hostages in the residence, police said.",
    "At least {n} people were killed in the blast.",
    "The fire spread over {n} metres of the hillside.",
    "Officials said {n} others were injured on Tuesday.",
    "About {n} soldiers were deployed around the town.",
)


def report_text(figures: int) -> str:
    """``figures`` sentences, one figure each, in paragraphs of ten."""
    sentences = [SHAPES[i % len(SHAPES)].format(n=12 + (i * 7) % 480) for i in range(figures)]
    paragraphs = [" ".join(sentences[i : i + 10]) for i in range(0, figures, 10)]
    return "\n\n".join(paragraphs) + "\n"


def time_report(figures: int) -> tuple[float, int]:
    article = Article(id=f"r{figures}", path=f"r{figures}.md", text=report_text(figures))
    start = time.perf_counter()
    found, _ = extract_chunk([(article, ())], load_lexicon(), ExtractionOptions())
    elapsed = time.perf_counter() - start
    claims = sum(len(item.claims) for item in found if hasattr(item, "claims"))
    return elapsed, claims


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,8000,32000")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    load_pipeline()
    time_report(50)  # warm-up: lazy imports, first batch
    rows = []
    base: float | None = None
    print(f"{'figures':>8} {'claims':>7} {'seconds':>8} {'ms/figure':>10} {'ratio':>6}")
    for n in sizes:
        seconds, claims = time_report(n)
        per = seconds / n
        base = per if base is None else base
        ms, ratio = round(per * 1000, 3), round(per / base, 2)
        rows.append({"figures": n, "claims": claims, "seconds": round(seconds, 2),
                     "ms_per_figure": ms, "ratio": ratio})  # fmt: skip
        print(f"{n:>8,} {claims:>7,} {seconds:>8.1f} {per * 1000:>10.2f} {per / base:>6.2f}")
    if args.out is not None:
        args.out.write_text(json.dumps({"sizes": rows}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
