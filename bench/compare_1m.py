"""Time compare() on synthetic claims: ``python bench/compare_1m.py [N]`` (default 1,000,000).

Synthetic stories of 40 reports over 60 days, each reporting a handful of slots
of every behaviour, with some noise so that every finding type occurs.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from collections import Counter

from checker.compare import compare
from checker.config import Config
from checker.records import Article, Claim, CountValue, DateValue, Kind, Qualifier
from checker.slots import load_lexicon

SLOTS = ("hostages", "dead", "injured", "rebels", "prisoners.demanded", "hostages.released")


def synth(n: int, seed: int = 7) -> tuple[list[Claim], list[Article]]:
    rng = random.Random(seed)
    claims: list[Claim] = []
    articles: list[Article] = []
    start = dt.date(1996, 12, 17)
    story = 0
    while len(claims) < n:
        sid = f"s{story}"
        truth = {s: rng.randint(5, 500) for s in SLOTS}
        for a in range(40):
            aid = f"{sid}-a{a}"
            day = start + dt.timedelta(days=a * 60 // 40)
            articles.append(
                Article(id=aid, path=aid, text="", source=f"Wire{a % 5}", story=sid, published=day)
            )
            for k in range(6):
                slot = SLOTS[k]
                base = truth[slot]
                if slot in ("dead", "injured", "hostages.released"):
                    base += a
                elif slot == "hostages":
                    base = max(0, base - a * 3)
                if rng.random() < 0.03:
                    base += rng.randint(1, 50)
                cid = f"{aid}-{k}"
                claims.append(
                    Claim(
                        id=cid,
                        article_id=aid,
                        story=sid,
                        slot=slot,
                        kind=Kind.COUNT,
                        value=CountValue(base, base),
                        qualifier=Qualifier.EXACT,
                        as_of=day,
                        quote=f"{base} {slot}",
                        sentence="",
                        start=0,
                        end=1,
                    )
                )
            claims.append(
                Claim(
                    id=f"{aid}-d",
                    article_id=aid,
                    story=sid,
                    slot="attack.date",
                    kind=Kind.DATE,
                    value=DateValue(start, start),
                    qualifier=Qualifier.EXACT,
                    as_of=start,
                    quote="Dec. 17",
                    sentence="",
                    start=0,
                    end=1,
                )
            )
        story += 1
    return claims[:n], articles


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    claims, articles = synth(n)
    behaviour = dict(load_lexicon().behaviour)
    t0 = time.perf_counter()
    result = compare(claims, articles, Config(), behaviour)
    elapsed = time.perf_counter() - t0
    kinds = Counter(f.type.value for f in result.findings)
    print(
        f"{n} claims, {len(articles)} articles: {elapsed:.2f} s; "
        f"{len(result.findings)} findings {dict(sorted(kinds.items()))}; "
        f"{len(result.timelines)} timelines, "
        f"{sum(len(t.points) for t in result.timelines)} points"
    )


if __name__ == "__main__":
    main()
