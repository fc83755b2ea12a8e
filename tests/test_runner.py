"""The runners: a Dask cluster gives the bytes of a local run, cold, warm and without a
cache, with one or two local workers beside it; dask is imported only when asked for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.config import ConfigError, config_from_mapping
from tests.test_determinism import ROOT, run_in, write_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A local Dask cluster of two worker processes, one thread each, started as the
    README says (``--preload checker.runner``)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        preload=["checker.runner"],
    ) as local:
        yield str(local.scheduler_address)


def _models_loaded() -> tuple[int, tuple[int, int, int]]:
    import gc

    from checker.nlp import load_pipeline

    return load_pipeline.cache_info().currsize, gc.get_threshold()


def test_preloaded_workers_have_the_model_before_any_run(cluster: str) -> None:
    from distributed import Client

    from checker.runner import GC_THRESHOLD

    with Client(cluster) as client:
        loaded = client.run(_models_loaded)
    assert len(loaded) == 2
    assert all(size == 1 and tuple(gc) == GC_THRESHOLD for size, gc in loaded.values())


def _json(workdir: Path, name: str, monkeypatch: pytest.MonkeyPatch, *extra: object) -> bytes:
    args = ["check", "corpus", "--format", "json", "-o", name, "--cache-dir", "cache", *extra]
    run_in(workdir, args, monkeypatch)
    return (workdir / name).read_bytes()


def test_dask_gives_the_bytes_of_a_local_run(
    cluster: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local, remote = tmp_path / "local", tmp_path / "dask"
    write_corpus(local / "corpus")
    write_corpus(remote / "corpus")
    expected = _json(local, "none.json", monkeypatch, "--no-cache")
    assert b'"contradiction"' in expected
    assert _json(local, "w2.json", monkeypatch, "--no-cache", "--workers", "2") == expected
    runs = {
        "cold": _json(remote, "cold.json", monkeypatch, "--scheduler", cluster),
        "warm": _json(remote, "warm.json", monkeypatch, "--scheduler", cluster),
        "none": _json(remote, "none.json", monkeypatch, "--scheduler", cluster, "--no-cache"),
        "w2": _json(remote, "w2.json", monkeypatch, "--scheduler", cluster, "--workers", "2"),
    }
    assert {name: data == expected for name, data in runs.items()} == dict.fromkeys(runs, True)
    assert any((remote / "cache").rglob("*.json"))  # the cache stays on the client


def test_an_edited_report_through_dask_matches_a_local_run(
    cluster: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path / "corpus")
    _json(tmp_path, "first.json", monkeypatch, "--scheduler", cluster)
    edited = tmp_path / "corpus" / "wire" / "1996-12-23-d.md"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "Officials later said 120 hostages remained.\n",
        encoding="utf-8",
    )
    warm = _json(tmp_path, "warm.json", monkeypatch, "--scheduler", cluster)
    assert warm == _json(tmp_path, "local.json", monkeypatch, "--no-cache")
    assert warm != (tmp_path / "first.json").read_bytes()


def test_the_bundled_dataset_through_dask_is_byte_identical(
    cluster: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    for folder in ("reports", "seeds"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    base = ["check", "reports", "seeds", "--format", "json", "--config", ROOT / "pyproject.toml"]
    run_in(tmp_path, [*base, "-o", "local.json", "--no-cache", "--workers", "2"], monkeypatch)
    run_in(tmp_path, [*base, "-o", "dask.json", "--no-cache", "--scheduler", cluster],
           monkeypatch)  # fmt: skip
    assert (tmp_path / "local.json").read_bytes() == (tmp_path / "dask.json").read_bytes()


def test_the_scheduler_comes_from_the_environment(
    cluster: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path / "corpus")
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["check", "corpus", "--format", "json", "--no-cache", "-v"], catch_exceptions=False
    )
    assert result.exit_code == 1, result.output
    assert f"scheduler: {cluster}" in result.stderr
    assert json.loads(result.stdout)["findings"]


def test_importing_checker_does_not_import_dask() -> None:
    code = (
        "import sys, checker, checker.cli, checker.pipeline, checker.runner\n"
        "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_a_scheduler_without_dask_is_a_clear_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path / "corpus")
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["check", "corpus", "--no-cache", "--scheduler", "tcp://127.0.0.1:1"]
    )
    assert result.exit_code == 2
    assert "dask is not installed" in result.stderr
    assert "news-consistency-checker[dask]" in result.stderr


def test_an_unreachable_scheduler_is_a_clear_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    from checker.runner import DaskRunner, RunnerError

    monkeypatch.setattr(DaskRunner, "CONNECT_TIMEOUT", "1s")
    write_corpus(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["check", "corpus", "--no-cache", "--scheduler", "tcp://127.0.0.1:9"]
    )
    assert result.exit_code == 2, result.output
    assert "no Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert issubclass(RunnerError, RuntimeError)


@pytest.mark.parametrize(
    ("value", "ok"),
    [("tcp://scheduler:8786", True), ("tls://10.0.0.1:8786", True), ("scheduler:8786", False),
     ("http://x:1", False), (8786, False)],
)  # fmt: skip
def test_the_scheduler_key_is_checked(value: Any, ok: bool) -> None:
    if ok:
        assert config_from_mapping({"scheduler": value}).scheduler == value
        return
    with pytest.raises(ConfigError, match="scheduler"):
        config_from_mapping({"scheduler": value})
