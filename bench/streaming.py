"""Peak memory of the claims path at scale: ``python bench/streaming.py [--reports 100000]``.

What a run holds after extraction, for N synthetic reports: the reports'
texts (``--chars`` each), their claims (``--claims`` each, two to a sentence
of its own), each story (40 reports) placed and compared through
the local runner as :func:`checker.pipeline.check` does, the assembled
report, and the claims table written to Parquet (``checker extract -o
claims.parquet``), in batches of ``checker.render.serialize.TABLE_BATCH``
rows. Parsing is left out: it holds two chunks of reports per worker at a
time whatever N is (``bench/run.py`` measures it), and 100,000 reports would
take hours to parse on a small machine.

Then the JSON report (``checker check --format json``), written in pieces:
``peak_rss_mb_with_json_report`` is the peak once both are written.

Prints one JSON line: reports, claims, seconds, peak resident MB (``ru_maxrss``
of this process, which does all of it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.atomic import write_output  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.extraction import ReportExtraction  # noqa: E402
from checker.pipeline import assemble_report  # noqa: E402
from checker.records import (  # noqa: E402
    Article,
    Claim,
    CountValue,
    Kind,
    PublishedBasis,
    Qualifier,
)
from checker.render.claims_io import write_claims  # noqa: E402
from checker.render.serialize import report_json_pieces  # noqa: E402
from checker.runner import LocalRunner  # noqa: E402
from checker.slots import load_lexicon  # noqa: E402

T = TypeVar("T")
SLOTS = ("hostages", "dead", "injured", "rebels", "prisoners.demanded", "hostages.released")
STORY_SIZE = 40
WORDS = [
    "the",
    "rebels",
    "said",
    "police",
    "officials",
    "reported",
    "residence",
    "hostages",
    "were",
    "freed",
    "on",
]


def story(
    index: int, rng: random.Random, chars: int, per_report: int
) -> tuple[list[Article], list[ReportExtraction]]:
    sid = f"story-{index:06d}"
    start = dt.date(1996, 12, 17)
    truth = {s: rng.randint(5, 500) for s in SLOTS}
    articles, extractions = [], []
    for a in range(STORY_SIZE):
        aid = f"{sid}/r{a:02d}"
        day = start + dt.timedelta(days=a * 60 // STORY_SIZE)
        words = " ".join(rng.choice(WORDS) for _ in range(chars // 6))
        text = (f"{aid} " + words)[:chars]
        articles.append(
            Article(
                id=aid, path=f"{aid}.md", text=text, source=f"Wire{a % 5}", story=sid,
                published=day, published_basis=PublishedBasis.METADATA,
            )
        )  # fmt: skip
        claims = []
        for k in range(per_report):
            slot = SLOTS[k % len(SLOTS)]
            value = truth[slot] + (a if slot in ("dead", "injured") else 0)
            if rng.random() < 0.03:
                value += rng.randint(1, 50)
            if k % 2 == 0:  # two figures to a sentence, as in the bundled reports
                words = " ".join(rng.choice(WORDS) for _ in range(14))
                sentence = f"{aid} sentence {k}: {words}."
            claims.append(
                Claim(
                    id=f"{aid}-{k}", article_id=aid, story=sid, slot=slot, kind=Kind.COUNT,
                    value=CountValue(value, value), qualifier=Qualifier.EXACT, as_of=day,
                    quote=f"{value} {slot}", sentence=sentence, start=k * 10, end=k * 10 + 5,
                )
            )  # fmt: skip
        extractions.append(ReportExtraction(tuple(claims), ()))
    return articles, extractions


def consumed(items: list[T]) -> Iterator[T]:
    """Each item in turn, its place in ``items`` emptied as it is given."""
    for i, item in enumerate(items):
        items[i] = None  # type: ignore[call-overload]
        yield item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=12, help="claims per report")
    parser.add_argument("--chars", type=int, default=3000, help="characters per report")
    args = parser.parse_args()

    rng = random.Random(7)
    lexicon = load_lexicon()
    config = Config()
    runner = LocalRunner(1)
    started = time.perf_counter()
    # what the pipeline holds once extraction is done: every report and its results
    stories = [
        story(index, rng, args.chars, args.claims)
        for index in range((args.reports + STORY_SIZE - 1) // STORY_SIZE)
    ]
    made = time.perf_counter() - started
    articles = [a for reports, _ in stories for a in reports]
    # as checker.pipeline does: each story's extraction is let go once it is compared
    results = runner.compare(consumed(stories), config, lexicon)
    compared = time.perf_counter() - started - made
    report = assemble_report(
        articles,
        (c for r in results for c in r.claims),
        (f for r in results for f in r.findings),
        (t for r in results for t in r.timelines),
        (),
    )
    del stories, results, articles
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "claims.parquet"
        write_claims(report.claims, out)
        parquet_mb = out.stat().st_size / 2**20
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # and the JSON report of `checker check --format json`, written in pieces
        report_path = Path(tmp) / "report.json"
        write_output(report_path, (p.encode("utf-8") for p in report_json_pieces(report)))
        json_mb = report_path.stat().st_size / 2**20
        json_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ids = pl.read_parquet(out, columns=["id"])["id"]
        in_order = ids.len() == len(report.claims) and all(
            a == c.id for a, c in zip(ids, report.claims, strict=True)
        )
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "reports": len(report.articles),
                "claims": len(report.claims),
                "findings": len(report.findings),
                "seconds": round(seconds, 1),
                "synthesis_seconds": round(made, 1),
                "compare_seconds": round(compared, 1),
                "peak_rss_mb": round(peak_mb),
                "parquet_mb": round(parquet_mb, 1),
                "parquet_rows_in_order": in_order,
                "json_report_mb": round(json_mb, 1),
                "peak_rss_mb_with_json_report": round(json_peak_mb),
            }
        )
    )


if __name__ == "__main__":
    main()
