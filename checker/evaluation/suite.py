"""Which gold files exist, which reports each annotates, and how to check them.

Two collections: the bundled stories (``tests/gold/<story>.yaml`` over
``reports/`` and ``seeds/``, checked with the project's configuration) and
the real ECB+ clusters (``bench/gold/ecbplus/<cluster>.yaml`` over the
shared data folder, checked with no configuration at all, as an editor
bringing a new story would).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from checker.config import Config, load_config
from checker.corpus import read_corpus
from checker.evaluation.gold import GoldStory, load_gold, problems
from checker.records import Article, Report

ECB_QUOTE_WORDS = 6


@dataclass(frozen=True)
class Suite:
    """One collection of stories checked in one run."""

    name: str
    base_dir: Path
    inputs: tuple[str, ...]
    gold_files: tuple[Path, ...]
    use_project_config: bool
    max_quote_words: int | None = None

    def config(self) -> Config:
        if self.use_project_config:
            return load_config(start=self.base_dir)
        return Config()

    def golds(self) -> list[tuple[Path, dict[str, Any]]]:
        return [(p, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in self.gold_files]


def shared_data(root: Path) -> Path:
    base = os.environ.get("CHECKER_SHARED")
    return (Path(base) if base else root.parent / "shared") / "data"


def bundled_suite(root: Path) -> Suite:
    return Suite(
        name="bundled",
        base_dir=root,
        inputs=("reports", "seeds"),
        gold_files=tuple(sorted((root / "tests" / "gold").glob("*.yaml"))),
        use_project_config=True,
    )


def ecbplus_suite(root: Path, data: Path | None = None) -> Suite | None:
    """The ECB+ suite, or None when the shared data is not on this machine."""
    folder = (data or shared_data(root)) / "ecbplus-dev"
    if not folder.is_dir():
        return None
    golds = tuple(sorted((root / "bench" / "gold" / "ecbplus").glob("ecb-*.yaml")))
    clusters = tuple(str(folder / p.stem) for p in golds if (folder / p.stem).is_dir())
    return Suite(
        name="ecbplus",
        base_dir=folder,
        inputs=clusters,
        gold_files=tuple(p for p in golds if (folder / p.stem).is_dir()),
        use_project_config=False,
        max_quote_words=ECB_QUOTE_WORDS,
    )


def read_suite(suite: Suite) -> Sequence[Article]:
    with contextlib.chdir(suite.base_dir):
        config = suite.config()
        return read_corpus(list(suite.inputs), stories=config.stories).articles


def run_suite(suite: Suite, workers: int = 1) -> Report:
    """The checker's report on every story of the suite, in one run."""
    from checker.pipeline import check

    with contextlib.chdir(suite.base_dir):
        return check(list(suite.inputs), config=suite.config(), workers=workers)


def gold_problems(suite: Suite, articles: Sequence[Article]) -> dict[str, list[str]]:
    """Per gold file, what is wrong with it against the reports (schema aside)."""
    out = {}
    for path, data in suite.golds():
        gold: GoldStory = load_gold(data)
        out[path.name] = problems(gold, articles, suite.max_quote_words)
    return out
