"""Which gold files the scoreboard reads, and the ECB+ part skipping cleanly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from checker.evaluation import plain
from checker.evaluation.suite import bundled_suite, ecbplus_suite, shared_data

ROOT = Path(__file__).resolve().parents[2]
ECB_GOLD = sorted((ROOT / "bench" / "gold" / "ecbplus").glob("ecb-*.yaml"))


def test_the_bundled_suite_reads_every_story_gold() -> None:
    suite = bundled_suite(ROOT)
    assert {p.stem for p in suite.gold_files} == {
        p.name for p in (ROOT / "reports").iterdir() if p.is_dir() and not p.name.startswith(".")
    }
    assert suite.inputs == ("reports", "seeds")


def test_without_the_shared_data_the_ecbplus_suite_is_absent(tmp_path: Path) -> None:
    assert ecbplus_suite(ROOT, data=tmp_path) is None


def test_the_ecbplus_suite_checks_only_clusters_with_gold(tmp_path: Path) -> None:
    for name in ("ecb-8", "ecb-99"):
        (tmp_path / "ecbplus-dev" / name).mkdir(parents=True)
    suite = ecbplus_suite(ROOT, data=tmp_path)
    assert suite is not None
    assert [Path(p).name for p in suite.inputs] == ["ecb-8"]
    assert not suite.use_project_config
    assert suite.max_quote_words == 6


def test_shared_data_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_SHARED", "/somewhere")
    assert shared_data(ROOT) == Path("/somewhere/data")
    monkeypatch.delenv("CHECKER_SHARED")
    assert shared_data(ROOT) == ROOT.parent / "shared" / "data"


@pytest.mark.parametrize("path", ECB_GOLD, ids=[p.stem for p in ECB_GOLD])
def test_ecbplus_gold_validates_against_the_schema(path: Path) -> None:
    """The shape only: the texts they annotate are not part of the project."""
    schema = json.loads((ROOT / "schemas" / "gold.schema.json").read_text(encoding="utf-8"))
    data = plain(yaml.safe_load(path.read_text(encoding="utf-8")))
    errors = list(Draft202012Validator(schema).iter_errors(data))
    assert not errors, [e.message[:200] for e in errors[:5]]
    assert data["corpus"] == "ecbplus-dev" and data["story"] == path.stem
    quotes = [c["quote"] for a in data["articles"] for c in a["claims"] or []]
    assert all(len(q.split()) <= 6 for q in quotes)
