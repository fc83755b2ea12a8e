"""Speed benchmark: ``python bench/run.py [--sizes 300] [--workers 1,2] [--dask]``.

For each size N, on one generated corpus (``bench/generate.py``), and for each
worker count W, everything at equal parallelism (W processes on both sides):

- **baseline**: bare spaCy ``nlp.pipe`` over the same texts, same model, full
  pipeline, default batch size, ``n_process`` = W. A subprocess, timed whole
  (start-up, model load, reading the corpus, the pipe), as the checker is;
  the pipe alone is kept beside it (``baseline_pipe_seconds``). Beside it the
  same baseline with the one change to the model the checker makes that any
  spaCy user could make too, its matrix products on numpy's BLAS
  (``checker.nlp.numpy_gemm_ops``): ``cold_vs_numpy_gemm_baseline_throughput``
  is the checker's ratio with that share of its speed taken out;
- **cold**: ``checker check DIR --format json --workers W`` with an empty cache
  (a subprocess; wall time from start-up to the JSON written). With
  ``--repeat R`` the baselines and the cold run alternate for R rounds (and
  the Dask runs repeat R times), each side keeping its fastest: on a shared
  host whose speed drifts, one round of each can differ by a tenth;
- **warm**: the same command again after one report was edited;
- **dask** (``--dask``): the cold run again (``--scheduler``) on a new Dask
  cluster on this machine, started before the run with the ``dask`` command as
  a cluster is: ``dask scheduler`` and ``dask worker --nworkers W --nthreads 1``,
  each in processes of its own; its overhead is its time against the pool's.
  Its peak memory adds the workers' to the client's. Once with Dask's
  defaults, once on a new cluster whose workers start as the README says
  (``--preload checker.runner`` and the settings of ``bench/dask-workers.yaml``
  through ``DASK_CONFIG``);
- **peak memory**: the summed resident memory of the process tree, sampled;
- **scaling**: with W = 1 and 2, the cold run's efficiency ``t1 / (2 * t2)``;
- plus **parity** (the bundled dataset with and without the pre-filter), the
  **compare stage** alone on a synthetic claims table (``bench/compare_1m.py``),
  and the **claims-streaming** check (``bench/streaming.py``, peak memory for
  ``--streaming`` reports).

Ratios are checker / baseline throughput (higher is better: 1.0 means the
whole checker run is as fast as the whole bare parse). Results go to
``bench/results/latest.json`` (``--out``). Corpora and caches live in a
temporary directory (``--work`` to keep them).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import shutil
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

# The bare model as its package loads it: none of the checker's changes to the
# pipeline (its sentence rule, its own attribute ruler) are in the baseline.
BASELINE_CODE = """
import importlib, json, sys, time
from checker.corpus import read_corpus
from checker.nlp import find_model_package
texts = [a.text for a in read_corpus([sys.argv[1]]).articles]
nlp = importlib.import_module(find_model_package()).load()
if sys.argv[3:] == ["numpy-gemm"]:
    from checker.nlp import numpy_gemm_ops
    numpy_gemm_ops(nlp)
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


def measure(
    cmd: list[str], *, env: dict[str, str] | None = None, also: tuple[int, ...] = ()
) -> dict[str, Any]:
    """Run ``cmd``; wall seconds, peak RSS of its tree (plus the trees of ``also``),
    stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid) + sum(_tree_rss(p) for p in also))
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


def fastest(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The quickest of several measurements of one run (see ``--repeat``)."""
    return min(runs, key=lambda r: r["seconds"])


def run_size(n: int, workers: int, work: Path, dask: bool, repeat: int = 1) -> dict[str, Any]:
    from generate import generate

    corpus = work / f"corpus-{n}"
    cache = work / f"cache-{n}-w{workers}"
    out = work / f"out-{n}-w{workers}.json"
    paths = generate(n, corpus) if not corpus.exists() else sorted(corpus.rglob("*.md"))
    print(f"[{n}] corpus: {len(paths)} reports in {corpus}", file=sys.stderr)
    env = {**os.environ, "CHECKER_NO_PROGRESS": "1"}
    env.pop("DASK_SCHEDULER_ADDRESS", None)

    cmd = [CHECKER, "check", str(corpus), "--format", "json", "-o", str(out)]
    cmd += ["--fail-on", "never", "--quiet", "--workers", str(workers)]
    bare = [PYTHON, "-c", BASELINE_CODE, str(corpus), str(workers)]
    # Rounds interleave the three runs, so that a machine whose speed drifts (a shared
    # host) slows each side alike; each side keeps its fastest round.
    rounds: dict[str, list[dict[str, Any]]] = {"base": [], "gemm": [], "cold": []}
    for k in range(repeat):
        rounds["base"].append(measure(bare, env=env))
        rounds["gemm"].append(measure([*bare, "numpy-gemm"], env=env))
        shutil.rmtree(cache, ignore_errors=True)
        rounds["cold"].append(measure([*cmd, "--cache-dir", str(cache)], env=env))
        print(
            f"[{n}] w={workers} round {k + 1}/{repeat}: baseline nlp.pipe "
            f"{rounds['base'][-1]['seconds']:.1f}s, with numpy gemm "
            f"{rounds['gemm'][-1]['seconds']:.1f}s, checker cold "
            f"{rounds['cold'][-1]['seconds']:.1f}s",
            file=sys.stderr,
        )
    base, gemm, cold = (fastest(rounds[side]) for side in ("base", "gemm", "cold"))
    baseline = json.loads(base["stdout"])
    result: dict[str, Any] = {
        "reports": n,
        "workers": workers,
        "chars": baseline["chars"],
        "tokens": baseline["tokens"],
        "baseline_seconds": round(base["seconds"], 2),
        "baseline_pipe_seconds": round(baseline["seconds"], 2),
        "baseline_peak_rss_mb": round(base["peak_rss_mb"]),
        "cold_seconds": round(cold["seconds"], 2),
        "cold_peak_rss_mb": round(cold["peak_rss_mb"]),
        "cold_vs_baseline_throughput": round(base["seconds"] / cold["seconds"], 3),
        "baseline_numpy_gemm_seconds": round(gemm["seconds"], 2),
        "cold_vs_numpy_gemm_baseline_throughput": round(gemm["seconds"] / cold["seconds"], 3),
        "reports_per_second_cold": round(n / cold["seconds"], 2),
        "reports_per_second_baseline": round(n / base["seconds"], 2),
        "rounds": repeat,
        "round_seconds": {
            side: [round(r["seconds"], 2) for r in rs] for side, rs in rounds.items()
        },
    }
    if dask:
        result.update(dask_run(cmd, workers, work / f"cache-{n}-w{workers}-dask", env, repeat))
        result["dask_overhead"] = round(result["dask_cold_seconds"] / cold["seconds"] - 1, 3)
        readme = result["dask_cold_readme_workers_seconds"]
        result["dask_overhead_readme_workers"] = round(readme / cold["seconds"] - 1, 3)
        same = (work / f"out-{n}-w{workers}-dask.json").read_bytes() == out.read_bytes()
        result["dask_output_identical"] = same
        print(f"[{n}] w={workers} dask cold: {result['dask_cold_seconds']:.1f}s "
              f"(identical output: {same})", file=sys.stderr)  # fmt: skip

    victim = paths[len(paths) // 2]
    original = victim.read_text(encoding="utf-8")
    victim.write_text(
        original + "\nOfficials said on Friday that 3 more hostages had been freed.\n",
        encoding="utf-8",
    )
    warm = measure([*cmd, "--cache-dir", str(cache)], env=env)
    victim.write_text(original, encoding="utf-8")  # the next worker count reads the same
    print(f"[{n}] w={workers} checker warm (1 changed): {warm['seconds']:.1f}s", file=sys.stderr)
    result["warm_seconds"] = round(warm["seconds"], 2)
    result["warm_peak_rss_mb"] = round(warm["peak_rss_mb"])
    result["warm_share_of_cold"] = round(warm["seconds"] / cold["seconds"], 4)
    return result


# How the README says to start workers for checker: the model loaded at start
# (--preload checker.runner), and the Dask settings of bench/dask-workers.yaml.
README_WORKERS = ROOT / "bench" / "dask-workers.yaml"


def dask_run(
    cmd: list[str], workers: int, cache: Path, env: dict[str, str], repeat: int = 1
) -> dict[str, Any]:
    """The cold run on a new Dask cluster of ``workers`` one-thread worker processes on
    this machine, started with the ``dask`` command as a cluster is (the scheduler and
    the workers in processes of their own, the workers' caches empty): with Dask's
    defaults, and as the README says (``--preload checker.runner``, the settings of
    ``bench/dask-workers.yaml``); ``repeat`` rounds of both, the fastest kept."""
    runs: dict[str, list[dict[str, Any]]] = {"defaults": [], "readme": []}
    for _ in range(repeat):
        runs["defaults"].append(_on_cluster(cmd, workers, cache, env, readme=False))
        runs["readme"].append(_on_cluster(cmd, workers, cache, env, readme=True))
    defaults, readme = fastest(runs["defaults"]), fastest(runs["readme"])
    return {
        "dask_cold_seconds": round(defaults["seconds"], 2),
        "dask_cold_peak_rss_mb": round(defaults["peak_rss_mb"]),
        "dask_cold_readme_workers_seconds": round(readme["seconds"], 2),
    }


def _on_cluster(
    cmd: list[str], workers: int, cache: Path, env: dict[str, str], *, readme: bool
) -> dict[str, Any]:
    from distributed import Client

    dask_bin = str(Path(sys.executable).with_name("dask"))
    with tempfile.TemporaryDirectory(prefix="checker-dask-") as tmp:
        config = Path(tmp) / "config"
        config.mkdir()
        if readme:
            shutil.copy(README_WORKERS, config / "dask-workers.yaml")
        cluster_env = {**env, "DASK_CONFIG": str(config)}
        address_file = str(Path(tmp) / "scheduler.json")
        scheduler = subprocess.Popen(
            [dask_bin, "scheduler", "--port", "0", "--dashboard-address", ":0",
             "--scheduler-file", address_file],
            env=cluster_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        worker_cmd = [dask_bin, "worker", "--scheduler-file", address_file]
        worker_cmd += ["--nworkers", str(workers), "--nthreads", "1", "--no-dashboard"]
        worker_cmd += ["--preload", "checker.runner"] if readme else []
        worker = None
        try:
            deadline = time.monotonic() + 60
            while not Path(address_file).exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            worker = subprocess.Popen(
                worker_cmd, env=cluster_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            with Client(scheduler_file=address_file, timeout="60s") as client:
                client.wait_for_workers(workers, timeout=120)
                address = client.scheduler.address
                pids = tuple(client.run(os.getpid).values())
            dask_cmd = [c if not c.endswith(".json") else c[:-5] + "-dask.json" for c in cmd]
            dask_cmd += ["--cache-dir", str(cache), "--scheduler", address]
            shutil.rmtree(cache, ignore_errors=True)
            return measure(dask_cmd, env=env, also=pids)
        finally:
            for proc in (worker, scheduler):
                if proc is not None:
                    proc.terminate()
                    try:
                        proc.wait(timeout=30)
                    except subprocess.TimeoutExpired:
                        proc.kill()


def parity() -> dict[str, Any]:
    """The bundled dataset extracted with and without the pre-filter."""
    from checker.config import load_config
    from checker.corpus import read_corpus
    from checker.extraction import ExtractionOptions
    from checker.extraction_run import run_extraction
    from checker.pipeline import date_articles
    from checker.records import Finding
    from checker.slots import load_lexicon
    from checker.story import compare_stories

    config = load_config(ROOT / "pyproject.toml")
    lexicon = load_lexicon(config)
    corpus = read_corpus([ROOT / "reports", ROOT / "seeds"], stories=config.stories)
    articles = date_articles(corpus.articles, lexicon)
    runs = {}
    for prefilter in (False, True):
        t = time.perf_counter()
        found = run_extraction(articles, lexicon, options=ExtractionOptions(prefilter=prefilter))
        seconds = time.perf_counter() - t
        findings: list[Finding] = []
        for result in _stories(articles, prefilter, compare_stories, config, lexicon):
            findings.extend(result.findings)
        runs[prefilter] = (list(found.claims), list(found.names), findings, seconds)

    def diff(a: list[Any], b: list[Any]) -> dict[str, int]:
        da, db = {x.id: x for x in a}, {x.id: x for x in b}
        changed = [k for k in set(da) & set(db) if da[k] != db[k]]
        only_sentence = [
            k for k in changed if dataclasses.replace(da[k], sentence=db[k].sentence) == db[k]
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
        "findings": diff(whole[2], pre[2]),
        "extraction_seconds_whole": round(whole[3], 2),
        "extraction_seconds_prefilter": round(pre[3], 2),
    }


def _stories(
    articles: list[Any], prefilter: bool, compare_stories: Any, config: Any, lexicon: Any
) -> list[Any]:
    """Each story of ``articles`` compared as the pipeline does (extraction without a cache)."""
    from checker.extraction import ExtractionOptions
    from checker.extraction_run import extract_reports

    found = extract_reports(articles, lexicon, options=ExtractionOptions(prefilter=prefilter))
    failed = {f.article_id for f in found.failures}
    stories: dict[str, tuple[list[Any], list[Any]]] = {}
    for a, r in zip(articles, found.results, strict=True):
        if a.id not in failed:
            reports, results = stories.setdefault(a.story, ([], []))
            reports.append(a)
            results.append(r)
    return list(compare_stories([stories[s] for s in sorted(stories)], config, lexicon))


def streaming(n: int) -> dict[str, Any]:
    """Peak memory of the claims path for ``n`` synthetic reports (``bench/streaming.py``)."""
    run = measure([PYTHON, str(BENCH / "streaming.py"), "--reports", str(n)])
    found: dict[str, Any] = json.loads(run["stdout"].strip().splitlines()[-1])
    found["sampled_peak_rss_mb"] = round(run["peak_rss_mb"])
    return found


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
    parser.add_argument("--sizes", default="1000", help="corpus sizes (comma-separated)")
    parser.add_argument("--workers", default="1,2", help="worker counts (comma-separated)")
    parser.add_argument("--dask", action="store_true", help="also run on a local Dask cluster")
    parser.add_argument("--claims", type=int, default=1_000_000, help="compare-stage claims")
    parser.add_argument(
        "--streaming", type=int, default=100_000, help="claims-streaming reports (0: skip)"
    )
    parser.add_argument("--out", type=Path, default=BENCH / "results" / "latest.json")
    parser.add_argument("--work", type=Path, default=None, help="keep corpora here")
    parser.add_argument("--skip-parity", action="store_true")
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds of baseline and cold run (fastest kept)"
    )
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
            by_workers = {}
            for w in (int(x) for x in args.workers.split(",") if x):
                by_workers[w] = run_size(n, w, work, args.dask, args.repeat)
                result["runs"].append(by_workers[w])
            if 1 in by_workers and 2 in by_workers:
                one, two = by_workers[1]["cold_seconds"], by_workers[2]["cold_seconds"]
                by_workers[2]["scaling_efficiency_1_to_2"] = round(one / (2 * two), 3)
    if args.streaming:
        result["streaming"] = streaming(args.streaming)
    if not args.skip_parity:
        result["parity"] = parity()
    if args.claims:
        result["compare"] = compare_stage(args.claims)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for run in result["runs"]:
        print(
            f"{run['reports']:>6} reports, {run['workers']} workers: baseline "
            f"(n_process={run['workers']}) {run['baseline_seconds']}s "
            f"(pipe {run['baseline_pipe_seconds']}s), cold {run['cold_seconds']}s "
            f"(x{run['cold_vs_baseline_throughput']} of baseline throughput), warm "
            f"{run['warm_seconds']}s ({100 * run['warm_share_of_cold']:.1f}% of cold), "
            f"peak {run['cold_peak_rss_mb']} MB"
        )
        if "dask_cold_seconds" in run:
            print(
                f"        dask cold {run['dask_cold_seconds']}s "
                f"(overhead {100 * run['dask_overhead']:+.1f}% against the pool, "
                f"identical output: {run['dask_output_identical']}), "
                f"peak {run['dask_cold_peak_rss_mb']} MB with its workers; on workers started "
                "as the README says (--preload checker.runner, bench/dask-workers.yaml): "
                f"{run['dask_cold_readme_workers_seconds']}s "
                f"({100 * run['dask_overhead_readme_workers']:+.1f}%)"
            )
        if "scaling_efficiency_1_to_2" in run:
            print(f"        scaling efficiency 1 -> 2 workers: {run['scaling_efficiency_1_to_2']}")
    if "streaming" in result:
        st = result["streaming"]
        print(
            f"claims streaming: {st['reports']} reports, {st['claims']} claims in "
            f"{st['seconds']}s, peak {st['peak_rss_mb']} MB"
        )
    if "parity" in result:
        print("parity (bundled, whole vs pre-filter):", json.dumps(result["parity"]))
    if "compare" in result:
        c = result["compare"]
        print(f"compare stage: {c['claims']} claims in {c['seconds']}s")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
