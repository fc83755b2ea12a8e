"""Validate gold files: the schema, then every article and quote against the reports.

    .venv/bin/python bench/gold_check.py [GOLD.yaml ...]

With no argument, every bundled gold (tests/gold/*.yaml) and every ECB+ gold
(bench/gold/ecbplus/*.yaml, when the shared data is present). Exits 1 when a
file has a problem, listing each one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.evaluation import plain  # noqa: E402
from checker.evaluation.suite import Suite, bundled_suite, ecbplus_suite, gold_problems, read_suite  # noqa: E402


def schema_problems(path: Path) -> list[str]:
    schema = json.loads((ROOT / "schemas" / "gold.schema.json").read_text(encoding="utf-8"))
    data = plain(yaml.safe_load(path.read_text(encoding="utf-8")))
    validator = Draft202012Validator(schema)
    return [
        f"schema: {'/'.join(str(p) for p in e.absolute_path)}: {e.message[:300]}"
        for e in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    ]


def main(argv: list[str]) -> int:
    suites = [s for s in (bundled_suite(ROOT), ecbplus_suite(ROOT)) if s is not None]
    wanted = {Path(a).resolve() for a in argv}
    failed = False
    for suite in suites:
        files = [p for p in suite.gold_files if not wanted or p.resolve() in wanted]
        if not files:
            continue
        narrowed = Suite(
            suite.name,
            suite.base_dir,
            suite.inputs,
            tuple(files),
            suite.use_project_config,
            suite.max_quote_words,
        )
        articles = read_suite(narrowed)
        found = gold_problems(narrowed, articles)
        for path in files:
            issues = schema_problems(path)
            if not issues:
                issues = found[path.name]
            failed = failed or bool(issues)
            print(f"{path.relative_to(ROOT)}: {'ok' if not issues else f'{len(issues)} problems'}")
            for issue in issues[:200]:
                print(f"  {issue}")
    if wanted and not any(p.resolve() in wanted for s in suites for p in s.gold_files):
        print(
            "no such gold file in tests/gold/ or bench/gold/ecbplus/ (or the shared data is absent)"
        )
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
