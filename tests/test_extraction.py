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
    from checker.extraction import ExtractionOptions, extract_articles
    from checker.pipeline import date_articles, story_years
    from checker.slots import load_lexicon

    config = load_config(project_root / "pyproject.toml")
    lexicon = load_lexicon(config)
    articles = date_articles(
        read_corpus([corpus / "reports"], stories=config.stories).articles[:12], lexicon
    )
    years = story_years(articles)
    options = ExtractionOptions(chunk_size=3)
    one = extract_articles(articles, lexicon, years=years, workers=1, options=options)
    two = extract_articles(articles, lexicon, years=years, workers=2, options=options)
    assert one.claims == two.claims and one.name_mentions == two.name_mentions
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
    from checker.cache import ClaimCache
    from checker.corpus import read_corpus
    from checker.extraction import extract_articles
    from checker.pipeline import date_articles, story_years
    from checker.slots import load_lexicon

    root = tmp_path / "data"
    shutil.copytree(corpus, root)
    config = load_config(project_root / "pyproject.toml")
    lexicon = load_lexicon(config)

    def run(cache: ClaimCache | None) -> tuple[object, object]:
        articles = date_articles(
            read_corpus([root / "reports"], stories=config.stories).articles, lexicon
        )
        result = extract_articles(articles, lexicon, years=story_years(articles), cache=cache)
        return result, articles

    cache = ClaimCache(tmp_path / "cache")
    first, articles = run(cache)
    assert first.stats.parsed == len(articles)  # type: ignore[attr-defined]
    victim = sorted((root / "reports" / "lima-1996").glob("*.md"))[5]
    victim.write_text(
        victim.read_text(encoding="utf-8") + "\nOfficials said 3 more hostages were freed.\n",
        encoding="utf-8",
    )
    warm, _ = run(cache)
    fresh, _ = run(None)
    assert warm.stats.parsed == 1  # type: ignore[attr-defined]
    assert warm.claims == fresh.claims  # type: ignore[attr-defined]
    assert warm.name_mentions == fresh.name_mentions  # type: ignore[attr-defined]


def test_prefilter_parity(corpus: Path, project_root: Path) -> None:
    """With and without the pre-filter: the same claims and names, up to a sentence's edges."""
    from checker.corpus import read_corpus
    from checker.extraction import ExtractionOptions, run_extraction
    from checker.pipeline import date_articles
    from checker.slots import load_lexicon

    config = load_config(project_root / "pyproject.toml")
    lexicon = load_lexicon(config)
    articles = date_articles(
        read_corpus([corpus / "reports"], stories=config.stories).articles[::4], lexicon
    )
    whole = run_extraction(articles, lexicon, options=ExtractionOptions(prefilter=False))
    pre = run_extraction(articles, lexicon, options=ExtractionOptions(prefilter=True))
    for a, b in zip(whole[:3], pre[:3], strict=True):
        assert [c.id for c in a] == [c.id for c in b]
    assert whole[3] == pre[3]  # date-consistency problems do not depend on the parse
    claims_w, claims_p = whole[0], pre[0]
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
    names_w, names_p = whole[1], pre[1]
    assert [(c.slot, c.value, c.quote, c.start, c.end) for c in names_w] == [
        (c.slot, c.value, c.quote, c.start, c.end) for c in names_p
    ]
    # sentence edges may differ (the whole-document parse glues a timestamp or a
    # transcript's speaker label onto a sentence); each sentence still holds its name
    assert all(c.quote in c.sentence for c in names_p)
    assert whole[2] == pre[2]  # spelling findings
