"""The cache's keys: a sha256 over everything a stage reads, and the context every
key covers (format, version, the package's own code, the model, the config)."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from checker.extraction import ExtractionOptions
from checker.records import Article

# The version of the entries' format: part of every key and of every entry's header.
FORMAT = 8


@lru_cache(maxsize=1)
def code_hash() -> str:
    """sha256 over the checker package's .py and .toml files (path and bytes)."""
    root = Path(__file__).resolve().parent  # the checker package
    digest = hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.suffix in (".py", ".toml") and p.is_file())
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def model_signature() -> str:
    """spaCy version and the model's lang_name-version, read without loading either."""
    from importlib.metadata import PackageNotFoundError, version

    from checker.nlp import MODEL_PACKAGES

    try:
        spacy_version = version("spacy")
    except PackageNotFoundError:  # pragma: no cover - spaCy is a dependency
        spacy_version = "?"
    for name in MODEL_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        meta_path = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        lang, model, ver = meta.get("lang", "en"), meta.get("name", name), meta.get("version", "?")
        return f"spacy-{spacy_version}:{lang}_{model}-{ver}"
    return f"spacy-{spacy_version}:none"


def cache_context(config_fingerprint: str, extra: str = "") -> str:
    """The part of every key that does not depend on the report."""
    from checker.version import __version__

    parts = [str(FORMAT), __version__, code_hash(), model_signature(), config_fingerprint, extra]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _jsonable(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "value"):  # enums
        return value.value
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    return value


def article_key(article: Article, story_years: Sequence[int], context: str) -> str:
    """The cache key of one report's extraction."""
    payload = [
        context,
        article.id,
        article.path,
        article.story,
        _jsonable(article.published),
        type(article.published).__name__,
        str(getattr(article.published, "tzinfo", None)),
        article.published_basis.value,
        article.published_evidence,
        _jsonable(article.published_upper_bound),
        _jsonable(article.published_candidates),
        article.row,
        article.line_offset,
        list(story_years),
        article.text,
    ]
    blob = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def story_key(
    story: str, articles: Sequence[Article], article_keys: Sequence[str], context: str
) -> str:
    """The cache key of one story's comparison: its reports' extraction keys, in
    corpus order, and the report fields comparison reads that those keys leave out."""
    reports = [
        [key, a.title, a.source, a.url] for a, key in zip(articles, article_keys, strict=True)
    ]
    blob = json.dumps([context, "story", story, reports], ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def extraction_keys(
    articles: Sequence[Article],
    years: Mapping[str, Sequence[int]],
    config_fingerprint: str = "",
    options: ExtractionOptions | None = None,
) -> list[str]:
    """The cache key of each report's extraction (:func:`article_key`)."""
    context = cache_context(config_fingerprint, (options or ExtractionOptions()).fingerprint())
    return [article_key(a, tuple(years.get(a.story, ())), context) for a in articles]


def dating_key(
    text: str, published: dt.date | dt.datetime | None, story_years: Sequence[int], context: str
) -> str:
    """The cache key of one report's publication dating."""
    payload = [context, "dating", _jsonable(published), type(published).__name__,
               list(story_years), text]  # fmt: skip
    blob = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()
