"""The same input gives byte-identical output, in every format, whatever the worker count.

Small corpora run in-process; the bundled dataset through the CLI is ``slow``.
Every run reads the corpus by the same relative path from a fresh working
directory, so outputs may not depend on the absolute location either.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("text", "json", "csv", "sarif", "github", "junit")

REPORTS = {
    "wire/1996-12-18-a.md": (
        "1996-12-18",
        "Wire A",
        "LIMA, Peru -- Guerrillas of the Tupac Amaru Revolutionary Movement stormed the "
        "residence of the Japanese ambassador late Tuesday, Dec. 17, and were holding more "
        "than 400 hostages on Wednesday. Police put the attackers at about 20. The rebels "
        "demanded the release of about 400 jailed comrades, Nestor Cerpa Cartolini said.",
    ),
    "wire/1996-12-18-b.md": (
        "1996-12-18",
        "Wire B",
        "LIMA -- Rebels were holding 490 hostages at the residence on Wednesday, a day after "
        "14 guerrillas burst in. Their leader, Nestor Cerpa, wants 300 prisoners freed.",
    ),
    "wire/1996-12-23-c.md": (
        "1996-12-23",
        "Wire C",
        "LIMA -- The rebels were holding 103 hostages on Monday after freeing 225 people the "
        "night before. The 14 rebels stormed the residence on Dec. 17.",
    ),
    "wire/1996-12-23-d.md": (
        "1996-12-23",
        "Wire D",
        "LIMA -- The rebels were still holding 140 hostages on Monday, police said.",
    ),
    "wire/1997-01-10-e.md": (
        "1997-01-10",
        "Wire E",
        "LIMA -- The guerrillas, who stormed the residence 24 days ago, still hold 74 "
        "hostages. About 20 rebels took part in the attack on Dec. 17.",
    ),
}


def write_corpus(folder: Path) -> Path:
    for rel, (published, source, text) in REPORTS.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\ntitle: {source}\nsource: {source}\npublished: {published}\n---\n{text}\n",
            encoding="utf-8",
        )
    return folder


def run_in(workdir: Path, args: Sequence[object], monkeypatch: pytest.MonkeyPatch) -> int:
    """Run the CLI with ``workdir`` as the working directory; return the exit code."""
    argv = [str(a) for a in args]
    if "--workers" not in argv:
        argv[1:1] = ["--workers", "1"]
    with monkeypatch.context() as m:
        m.chdir(workdir)
        result = CliRunner().invoke(main, argv, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code


@pytest.fixture()
def two_dirs(tmp_path: Path) -> tuple[Path, Path]:
    """Two working directories, each with its own copy of the same corpus."""
    first, second = tmp_path / "first", tmp_path / "second-with-another-name"
    write_corpus(first / "corpus")
    write_corpus(second / "corpus")
    return first, second


def test_the_small_corpus_has_findings(
    two_dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = two_dirs
    code = run_in(first, ["check", "corpus", "--format", "json", "-o", "r.json"], monkeypatch)
    assert code == 1
    assert b'"contradiction"' in (first / "r.json").read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_check_format_is_byte_identical(
    two_dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    outputs = []
    for workdir in (*two_dirs, two_dirs[0]):
        target = workdir / f"out.{fmt}"
        target.unlink(missing_ok=True)
        run_in(workdir, ["check", "corpus", "--format", fmt, "-o", target.name], monkeypatch)
        outputs.append(target.read_bytes())
    assert outputs[0], fmt
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_extract_is_byte_identical(
    two_dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    outputs = []
    for workdir in (*two_dirs, two_dirs[0]):
        target = workdir / f"claims{suffix}"
        target.unlink(missing_ok=True)
        run_in(workdir, ["extract", "corpus", "-o", target.name], monkeypatch)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_html_report_and_baseline_are_byte_identical(
    two_dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    pages, baselines = [], []
    for workdir in (*two_dirs, two_dirs[0]):
        run_in(workdir, ["report", "corpus", "--html", "r.html"], monkeypatch)
        run_in(workdir, ["baseline", "corpus", "-o", "b.json"], monkeypatch)
        pages.append((workdir / "r.html").read_bytes())
        baselines.append((workdir / "b.json").read_bytes())
    assert pages[0] == pages[1] == pages[2]
    assert baselines[0] == baselines[1] == baselines[2]


def test_html_with_a_previous_report_is_byte_identical(
    two_dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = []
    for workdir in two_dirs:
        run_in(workdir, ["check", "corpus", "--format", "json", "-o", "last.json"], monkeypatch)
        (workdir / "corpus" / "wire" / "1996-12-23-d.md").unlink()
        run_in(
            workdir,
            ["report", "corpus", "--html", "r.html", "--previous", "last.json"],
            monkeypatch,
        )
        pages.append((workdir / "r.html").read_bytes())
    assert pages[0] == pages[1]


def test_input_order_on_disk_does_not_matter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files created in another order (so another directory order) give the same bytes."""
    forward, backward = tmp_path / "fwd", tmp_path / "bwd"
    write_corpus(forward / "corpus")
    for rel in reversed(list(REPORTS)):
        (backward / "corpus" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(forward / "corpus" / rel, backward / "corpus" / rel)
    for workdir in (forward, backward):
        run_in(workdir, ["check", "corpus", "--format", "json", "-o", "r.json"], monkeypatch)
    assert (forward / "r.json").read_bytes() == (backward / "r.json").read_bytes()


@pytest.mark.slow
def test_worker_count_does_not_change_the_output(
    two_dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = two_dirs
    for workers in ("1", "2"):
        args = ["check", "corpus", "--format", "json", "-o", f"w{workers}.json"]
        run_in(first, [*args, "--workers", workers], monkeypatch)
    assert (first / "w1.json").read_bytes() == (first / "w2.json").read_bytes()


@pytest.fixture(scope="module")
def bundled_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("bundled")
    for folder in ("reports", "seeds"):
        shutil.copytree(ROOT / folder, workdir / folder)
    return workdir


@pytest.mark.slow
def test_bundled_dataset_json_is_byte_identical(
    bundled_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = ROOT / "pyproject.toml"
    for name in ("one.json", "two.json"):
        args = ["check", "reports", "seeds", "--format", "json", "-o", name, "--config", config]
        run_in(bundled_copy, args, monkeypatch)
    one = (bundled_copy / "one.json").read_bytes()
    assert one == (bundled_copy / "two.json").read_bytes()
    assert b'"000_0812fcdc0b19a89e"' in one


def test_the_extraction_cache_does_not_change_the_output(
    two_dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cold cache, warm cache and no cache give the same bytes."""
    first, _ = two_dirs
    runs = [("cold.json", []), ("warm.json", []), ("none.json", ["--no-cache"])]
    for name, extra in runs:
        args = ["check", "corpus", "--format", "json", "-o", name, *extra]
        run_in(first, args, monkeypatch)
    cold = (first / "cold.json").read_bytes()
    assert cold == (first / "warm.json").read_bytes() == (first / "none.json").read_bytes()


def _two_stories(folder: Path) -> Path:
    """The small corpus as story ``wire`` plus a copy with other figures as story ``copy``."""
    write_corpus(folder)
    for path in sorted((folder / "wire").glob("*.md")):
        target = folder / "copy" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            path.read_text(encoding="utf-8").replace("hostages", "captives"), encoding="utf-8"
        )
    return folder


def _entries(cache: Path) -> set[str]:
    return {p.name for p in cache.rglob("*.json")}


def test_an_edited_story_is_compared_again_and_the_others_come_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _two_stories(tmp_path / "corpus")
    cache = tmp_path / "cache"
    base = ["check", "corpus", "--format", "json", "--cache-dir", cache]
    run_in(tmp_path, [*base, "-o", "first.json"], monkeypatch)
    before = _entries(cache)

    edited = corpus / "wire" / "1996-12-23-d.md"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "Officials later said 120 hostages remained.\n",
        encoding="utf-8",
    )
    run_in(tmp_path, [*base, "-o", "warm.json"], monkeypatch)
    run_in(tmp_path, ["check", "corpus", "--format", "json", "-o", "none.json", "--no-cache"],
           monkeypatch)  # fmt: skip
    warm = (tmp_path / "warm.json").read_bytes()
    assert warm == (tmp_path / "none.json").read_bytes()
    assert warm != (tmp_path / "first.json").read_bytes()
    # one new report entry and one new entry for story "wire"; "copy" was reused
    assert len(_entries(cache) - before) == 2

    (corpus / "copy" / "1996-12-18-b.md").unlink()
    run_in(tmp_path, [*base, "-o", "warm2.json"], monkeypatch)
    run_in(tmp_path, ["check", "corpus", "--format", "json", "-o", "none2.json", "--no-cache"],
           monkeypatch)  # fmt: skip
    assert (tmp_path / "warm2.json").read_bytes() == (tmp_path / "none2.json").read_bytes()


def test_a_story_entry_that_does_not_decode_is_recomputed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.cache
    from checker.codec import Codec

    _two_stories(tmp_path / "corpus")
    args = ["check", "corpus", "--format", "json", "--cache-dir", tmp_path / "cache"]
    run_in(tmp_path, [*args, "-o", "cold.json"], monkeypatch)

    def undecodable(self: Codec[object], payload: bytes) -> object:
        raise ValueError("damaged")

    monkeypatch.setattr(type(checker.cache.STORY_CODEC), "loads", undecodable)
    run_in(tmp_path, [*args, "-o", "broken.json"], monkeypatch)
    assert (tmp_path / "cold.json").read_bytes() == (tmp_path / "broken.json").read_bytes()
