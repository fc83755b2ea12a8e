"""Extraction orchestration: workers, cache and pre-filter do not change the output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.config import load_config
from checker.records import Report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, project_root: Path) -> Path:
    """A copy of the bundled dataset, so that caches and edits stay in a temp dir."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(project_root / "reports", root / "reports")
    shutil.copytree(project_root / "seeds", root / "seeds")
    return root


def _json(report: Report) -> str:
    from checker.render import Format, RenderOptions, render

    return render(report, Format("json"), RenderOptions())


def _check(root: Path, project_root: Path, **kw: object) -> Report:
    from checker.pipeline import check

    config = load_config(project_root / "pyproject.toml")
    return check([root / "reports", root / "seeds"], config=config, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def cold(corpus: Path, project_root: Path) -> str:
    return _json(_check(corpus, project_root, workers=1))


def test_workers_give_byte_identical_json(corpus: Path, project_root: Path, cold: str) -> None:
    assert _json(_check(corpus, project_root, workers=2)) == cold


def test_pool_with_small_chunks_matches_in_process(corpus: Path, project_root: Path) -> None:
    from checker.corpus import read_corpus
    from checker.extraction import ExtractionOptions
    from checker.extraction_run import extract_reports
    from checker.pipeline import date_articles
    from checker.runner import LocalRunner
    from checker.slots import load_lexicon

    config = load_config(project_root / "pyproject.toml")
    lexicon = load_lexicon(config)
    articles = date_articles(
        read_corpus([corpus / "reports"], stories=config.stories).articles[:12], lexicon
    )
    options = ExtractionOptions(chunk_size=3)
    one = extract_reports(articles, lexicon, runner=LocalRunner(1), options=options)
    two = extract_reports(articles, lexicon, runner=LocalRunner(2), options=options)
    assert one.results == two.results and one.claims
    assert two.stats.parsed == 12


def test_cold_and_warm_runs_are_identical(
    corpus: Path, project_root: Path, cold: str, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = _json(_check(corpus, project_root, workers=1, use_cache=True, cache_dir=cache))
    assert first == cold
    assert any(cache.rglob("*.json"))
    warm = _json(_check(corpus, project_root, workers=1, use_cache=True, cache_dir=cache))
    assert warm == cold


def test_an_edited_report_is_the_only_one_parsed(
    corpus: Path, project_root: Path, tmp_path: Path
) -> None:
    from checker.cache import EXTRACTION_CODEC, ClaimCache, extraction_keys
    from checker.corpus import read_corpus
    from checker.dating import story_years
    from checker.extraction_run import Extraction, extract_reports
    from checker.memo import Memo, NullStore
    from checker.pipeline import date_articles
    from checker.slots import load_lexicon

    root = tmp_path / "data"
    shutil.copytree(corpus, root)
    config = load_config(project_root / "pyproject.toml")
    lexicon = load_lexicon(config)

    def run(cache: ClaimCache | None) -> tuple[Extraction, list[object]]:
        articles = date_articles(
            read_corpus([root / "reports"], stories=config.stories).articles, lexicon
        )
        memo = Memo(cache if cache is not None else NullStore(), EXTRACTION_CODEC)
        keys = extraction_keys(articles, story_years(articles), config.fingerprint())
        result = extract_reports(articles, lexicon, memo=memo, keys=keys)
        return result, list(articles)

    cache = ClaimCache(tmp_path / "cache")
    first, articles = run(cache)
    assert first.stats.parsed == len(articles)
    victim = sorted((root / "reports" / "lima-1996").glob("*.md"))[5]
    victim.write_text(
        victim.read_text(encoding="utf-8") + "\nOfficials said 3 more hostages were freed.\n",
        encoding="utf-8",
    )
    warm, _ = run(cache)
    fresh, _ = run(None)
    assert warm.stats.parsed == 1 and warm.stats.cached == len(articles) - 1
    assert warm.results == fresh.results


def test_the_batch_size_changes_nothing(corpus: Path, project_root: Path) -> None:
    """spaCy batches of one text and of the default size give the same claims and names."""
    from checker.corpus import read_corpus
    from checker.extraction import ExtractionOptions
    from checker.extraction_run import extract_reports
    from checker.pipeline import date_articles
    from checker.runner import LocalRunner
    from checker.slots import load_lexicon

    config = load_config(project_root / "pyproject.toml")
    lexicon = load_lexicon(config)
    articles = date_articles(
        read_corpus([corpus / "reports"], stories=config.stories).articles[1::6], lexicon
    )
    default = ExtractionOptions()
    assert default.batch_size > 24  # a chunk's claim parts in one batch or few
    ones = ExtractionOptions(batch_size=1)
    big = extract_reports(articles, lexicon, runner=LocalRunner(1), options=default)
    one = extract_reports(articles, lexicon, runner=LocalRunner(1), options=ones)
    assert big.results == one.results and big.claims
    assert any(r.names for r in big.results)  # names: the entity pass is batched too


def test_prefilter_parity(corpus: Path, project_root: Path) -> None:
    """With and without the pre-filter: the same claims and names, up to a sentence's edges."""
    from checker.corpus import read_corpus
    from checker.extraction import ExtractionOptions
    from checker.extraction_run import run_extraction
    from checker.pipeline import date_articles
    from checker.slots import load_lexicon

    config = load_config(project_root / "pyproject.toml")
    lexicon = load_lexicon(config)
    articles = date_articles(
        read_corpus([corpus / "reports"], stories=config.stories).articles[::4], lexicon
    )
    whole = run_extraction(articles, lexicon, options=ExtractionOptions(prefilter=False))
    pre = run_extraction(articles, lexicon, options=ExtractionOptions(prefilter=True))
    for a, b in [
        (whole.claims, pre.claims),
        (whole.names, pre.names),
        (whole.spelling, pre.spelling),
    ]:
        assert [c.id for c in a] == [c.id for c in b]
    assert whole.date_problems == pre.date_problems  # they do not depend on the parse
    claims_w, claims_p = whole.claims, pre.claims
    same = sum(x == y for x, y in zip(claims_w, claims_p, strict=True))
    assert same >= len(claims_w) - 3
    for x, y in zip(claims_w, claims_p, strict=True):
        assert (x.slot, x.value, x.as_of, x.quote, x.start, x.end) == (
            y.slot,
            y.value,
            y.as_of,
            y.quote,
            y.start,
            y.end,
        )
    names_w, names_p = whole.names, pre.names
    assert [(c.slot, c.value, c.quote, c.start, c.end) for c in names_w] == [
        (c.slot, c.value, c.quote, c.start, c.end) for c in names_p
    ]
    # sentence edges may differ (the whole-document parse glues a timestamp or a
    # transcript's speaker label onto a sentence); each sentence still holds its name
    assert all(c.quote in c.sentence for c in names_p)
    assert whole.spelling == pre.spelling
