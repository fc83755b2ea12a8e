"""Speed benchmark: ``python bench/run.py [--sizes 1000,10000] [--workers 2] [--claims 1000000]``.

For each size N, on one generated corpus (``bench/generate.py``):

- **baseline**: bare spaCy ``nlp.pipe`` over the same texts, same model, full
  pipeline, default batch size, ``n_process`` = workers unless
  ``--baseline-processes`` says otherwise (a subprocess; the
  time counts the pipe only, not Python start-up or the model load);
- **cold**: ``checker check DIR --format json`` with an empty cache (a
  subprocess; wall time from start-up to the JSON written, model load
  included);
- **warm**: the same command again after one report was edited;
- **peak memory**: the summed resident memory of the process tree, sampled;
- plus **parity**: the bundled dataset with and without the pre-filter
  (claims, names and findings that differ);
- and the **compare stage** alone on a synthetic claims table
  (``bench/compare_1m.py``).

Ratios are checker / baseline throughput (higher is better: 1.0 means the
whole checker run is as fast as parsing the texts). Results go to
``bench/results/latest.json`` (``--out``). Corpora and caches live in a
temporary directory (``--work`` to keep them).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

PYTHON = sys.executable
CHECKER = str(Path(sys.executable).with_name("checker"))

BASELINE_CODE = """
import json, sys, time
from checker.corpus import read_corpus
from checker.nlp import load_pipeline
texts = [a.text for a in read_corpus([sys.argv[1]]).articles]
nlp = load_pipeline()
t = time.perf_counter()
tokens = 0
for doc in nlp.pipe(texts, n_process=int(sys.argv[2])):
    tokens += len(doc)
print(json.dumps({"seconds": time.perf_counter() - t, "docs": len(texts), "tokens": tokens,
                  "chars": sum(map(len, texts))}))
"""


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        stack.extend(children.get(p, ()))
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


def measure(cmd: list[str], *, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``cmd``; wall seconds, peak tree RSS, stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{cmd} failed ({proc.returncode}):\n{err[-2000:]}")
    return {"seconds": wall, "peak_rss_mb": peak / 2**20, "stdout": out}


def run_size(n: int, workers: int, work: Path, base_processes: int) -> dict[str, Any]:
    from generate import generate

    corpus = work / f"corpus-{n}"
    cache = work / f"cache-{n}-w{workers}"
    out = work / f"out-{n}-w{workers}.json"
    paths = generate(n, corpus)
    print(f"[{n}] corpus: {len(paths)} reports in {corpus}", file=sys.stderr)
    env = {**os.environ, "CHECKER_NO_PROGRESS": "1"}

    base = measure([PYTHON, "-c", BASELINE_CODE, str(corpus), str(base_processes)], env=env)
    baseline = json.loads(base["stdout"])
    print(f"[{n}] baseline nlp.pipe: {baseline['seconds']:.1f}s", file=sys.stderr)

    cmd = [CHECKER, "check", str(corpus), "--format", "json", "-o", str(out)]
    cmd += ["--fail-on", "never", "--quiet", "--workers", str(workers), "--cache-dir", str(cache)]
    cold = measure(cmd, env=env)
    print(f"[{n}] checker cold: {cold['seconds']:.1f}s", file=sys.stderr)

    victim = paths[len(paths) // 2]
    victim.write_text(
        victim.read_text(encoding="utf-8")
        + "\nOfficials said on Friday that 3 more hostages had been freed.\n",
        encoding="utf-8",
    )
    warm = measure(cmd, env=env)
    print(f"[{n}] checker warm (1 changed): {warm['seconds']:.1f}s", file=sys.stderr)
    return {
        "reports": n,
        "workers": workers,
        "baseline_processes": base_processes,
        "chars": baseline["chars"],
        "tokens": baseline["tokens"],
        "baseline_pipe_seconds": round(baseline["seconds"], 2),
        "baseline_peak_rss_mb": round(base["peak_rss_mb"]),
        "cold_seconds": round(cold["seconds"], 2),
        "cold_peak_rss_mb": round(cold["peak_rss_mb"]),
        "warm_seconds": round(warm["seconds"], 2),
        "warm_peak_rss_mb": round(warm["peak_rss_mb"]),
        "cold_vs_baseline_throughput": round(baseline["seconds"] / cold["seconds"], 3),
        "warm_share_of_cold": round(warm["seconds"] / cold["seconds"], 4),
        "reports_per_second_cold": round(n / cold["seconds"], 2),
        "reports_per_second_baseline": round(n / baseline["seconds"], 2),
    }


def parity() -> dict[str, Any]:
    """The bundled dataset extracted with and without the pre-filter."""
    from checker.config import load_config
    from checker.corpus import read_corpus
    from checker.extraction import ExtractionOptions, run_extraction
    from checker.pipeline import build_report, date_articles
    from checker.slots import load_lexicon

    config = load_config(ROOT / "pyproject.toml")
    lexicon = load_lexicon(config)
    corpus = read_corpus([ROOT / "reports", ROOT / "seeds"], stories=config.stories)
    articles = date_articles(corpus.articles, lexicon)
    runs = {}
    for prefilter in (False, True):
        t = time.perf_counter()
        claims, names, spelling, metadata = run_extraction(
            articles, lexicon, options=ExtractionOptions(prefilter=prefilter)
        )
        seconds = time.perf_counter() - t
        report = build_report(
            articles, [*claims, *names], spelling, corpus.errors, config, lexicon, metadata
        )
        runs[prefilter] = (claims, names, report, seconds)

    def diff(a: list[Any], b: list[Any]) -> dict[str, int]:
        da, db = {x.id: x for x in a}, {x.id: x for x in b}
        changed = [k for k in set(da) & set(db) if da[k] != db[k]]
        only_sentence = [
            k
            for k in changed
            if da[k].__class__(**{**da[k].__dict__, "sentence": db[k].sentence}) == db[k]
        ]
        return {
            "whole": len(da),
            "prefilter": len(db),
            "missing": len(set(da) - set(db)),
            "extra": len(set(db) - set(da)),
            "changed": len(changed),
            "changed_sentence_only": len(only_sentence),
        }

    whole, pre = runs[False], runs[True]
    return {
        "reports": len(articles),
        "count_date_claims": diff(whole[0], pre[0]),
        "name_claims": diff(whole[1], pre[1]),
        "findings": diff(list(whole[2].findings), list(pre[2].findings)),
        "extraction_seconds_whole": round(whole[3], 2),
        "extraction_seconds_prefilter": round(pre[3], 2),
    }


def compare_stage(n: int) -> dict[str, Any]:
    from compare_1m import synth

    from checker.compare import compare
    from checker.config import Config
    from checker.slots import load_lexicon

    claims, articles = synth(n)
    lexicon = load_lexicon()
    t = time.perf_counter()
    result = compare(claims, articles, Config(), lexicon.behaviour)
    seconds = time.perf_counter() - t
    return {"claims": len(claims), "seconds": round(seconds, 2), "findings": len(result.findings)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes (comma-separated)")
    parser.add_argument("--workers", default="2", help="worker counts (comma-separated)")
    parser.add_argument("--claims", type=int, default=1_000_000, help="compare-stage claims")
    parser.add_argument("--out", type=Path, default=BENCH / "results" / "latest.json")
    parser.add_argument("--work", type=Path, default=None, help="keep corpora here")
    parser.add_argument(
        "--baseline-processes",
        type=int,
        default=None,
        help="n_process of the baseline (default: the same as --workers)",
    )
    parser.add_argument("--skip-parity", action="store_true")
    args = parser.parse_args()

    result: dict[str, Any] = {
        "machine": {
            "cpus": len(os.sched_getaffinity(0)),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "runs": [],
    }
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for n in (int(x) for x in args.sizes.split(",") if x):
            for w in (int(x) for x in args.workers.split(",") if x):
                base = args.baseline_processes or w
                result["runs"].append(run_size(n, w, work, base))
    if not args.skip_parity:
        result["parity"] = parity()
    if args.claims:
        result["compare"] = compare_stage(args.claims)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for run in result["runs"]:
        print(
            f"{run['reports']:>6} reports, {run['workers']} workers: baseline "
            f"(n_process={run['baseline_processes']}) "
            f"{run['baseline_pipe_seconds']}s, cold {run['cold_seconds']}s "
            f"(x{run['cold_vs_baseline_throughput']} of baseline throughput), warm "
            f"{run['warm_seconds']}s ({100 * run['warm_share_of_cold']:.1f}% of cold), "
            f"peak {run['cold_peak_rss_mb']} MB"
        )
    if "parity" in result:
        print("parity (bundled, whole vs pre-filter):", json.dumps(result["parity"]))
    if "compare" in result:
        c = result["compare"]
        print(f"compare stage: {c['claims']} claims in {c['seconds']}s")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
