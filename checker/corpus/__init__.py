"""Read a corpus of news reports into :class:`~checker.records.Article` records.

``read_corpus(paths)`` reads files and directories (see :mod:`.walk` for the
order, ids and stories), one reader per format (:mod:`.text` for ``.md`` and
``.txt`` with or without front matter, :mod:`.table` for ``.jsonl``, ``.csv``
and ``.parquet``, :mod:`.html`); ``-`` is one Markdown report on standard input. Every problem is an
:class:`~checker.records.InputError` naming the file (and row) and the
reason; the rest of the corpus is still read. A problem with one field (a
``published`` value that is not a date, a list where text was expected) is
reported and the report is read without that field.

Text is decoded as UTF-8 (a byte order mark is dropped) and ``\\r\\n`` is
turned into ``\\n``; character offsets refer to this text. Inputs are only
ever opened for reading.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from checker.corpus.limits import DEFAULT_MAX_BYTES, size_message
from checker.corpus.meta import Entry
from checker.corpus.read import read_data, read_file
from checker.corpus.walk import Source, expand, story_config_files
from checker.records import Article, InputError, PublishedBasis

__all__ = ["CorpusResult", "iter_corpus", "read_corpus", "story_config_files"]

_NO_STORIES: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class CorpusResult:
    articles: tuple[Article, ...]
    errors: tuple[InputError, ...]


def read_corpus(
    paths: Sequence[str | Path],
    *,
    stories: Mapping[str, str] = _NO_STORIES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    base_dir: Path | None = None,
) -> CorpusResult:
    """Read every report under ``paths``; see :func:`iter_corpus`."""
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in iter_corpus(paths, stories=stories, max_bytes=max_bytes, base_dir=base_dir):
        if isinstance(item, Article):
            articles.append(item)
        else:
            errors.append(item)
    return CorpusResult(tuple(articles), tuple(errors))


def iter_corpus(
    paths: Sequence[str | Path],
    *,
    stories: Mapping[str, str] = _NO_STORIES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    base_dir: Path | None = None,
) -> Iterator[Article | InputError]:
    """Yield articles and input errors in corpus order, one file at a time.

    Arguments are read in the order given; a file reached twice (the same
    file under two arguments, or through a link) is read once. A report
    whose id was already used is reported and skipped.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    ids: dict[str, str] = {}
    files_read: set[object] = set()
    for arg in paths:
        if str(arg) == STDIN:
            if STDIN in files_read:
                continue
            files_read.add(STDIN)
            for item in _read_stdin(max_bytes):
                if isinstance(item, InputError):
                    yield item
                    continue
                article = _article(item, _stdin_source(), stories)
                ids.setdefault(article.id, STDIN)
                yield article
            continue
        expansion = expand(arg, base_dir=base_dir)
        yield from expansion.errors
        readable = 0
        for source in expansion.sources:
            real = _identity(source.fs_path)
            if real in files_read:
                readable += 1  # read already, under an earlier argument
                continue
            files_read.add(real)
            for item in read_file(source.fs_path, source.display, max_bytes=max_bytes):
                if isinstance(item, InputError):
                    yield item
                    continue
                article = _article(item, source, stories)
                where = source.display + (f" row {item.row}" if item.row is not None else "")
                first = ids.get(article.id)
                if first is not None:
                    yield InputError(
                        source.display,
                        f"duplicate id '{article.id}', already used by {first}; "
                        "this report is skipped",
                        row=item.row,
                    )
                    continue
                ids[article.id] = where
                readable += 1
                yield article
        if expansion.is_dir and readable == 0:
            if expansion.sources:
                count = len(expansion.sources)
                detail = f"{count} file{'s' if count != 1 else ''}, none readable"
            else:
                detail = "the directory is empty or holds only hidden files"
            yield InputError(expansion.display, f"no readable reports in this directory ({detail})")


STDIN = "-"


# Standard input is one report in Markdown or plain text (optional front matter),
# shown as "-", with the id "stdin"; its story is the working directory's name
# (as for a file given there), unless its front matter or ``stories`` names one.
def _stdin_source() -> Source:
    return Source(
        fs_path=Path("stdin.md"),
        display=STDIN,
        rel="stdin.md",
        folder_story=None,
        arg_story=Path.cwd().name or "default",
        story_key=STDIN,
    )


def _read_stdin(max_bytes: int) -> Iterator[Entry | InputError]:
    try:
        data = sys.stdin.buffer.read(max_bytes + 1)
    except (OSError, AttributeError, ValueError) as exc:
        yield InputError(STDIN, f"cannot read standard input: {exc}")
        return
    if len(data) > max_bytes:
        yield InputError(STDIN, size_message(len(data), max_bytes))
        return
    yield from read_data(data, ".md", STDIN, max_bytes=max_bytes)


def _identity(path: Path) -> object:
    """What makes two paths one file: device and inode (links, hard links, ``a/../a``)."""
    try:
        info = os.stat(path)
    except OSError:
        return os.path.realpath(path)  # read_file reports the problem
    return (info.st_dev, info.st_ino)


def _article(entry: Entry, source: Source, stories: Mapping[str, str]) -> Article:
    meta = entry.meta
    if meta.id is not None:
        article_id = meta.id
    elif entry.row is not None:
        article_id = f"{source.default_id}#{entry.row}"
    else:
        article_id = source.default_id
    return Article(
        id=article_id,
        path=source.display,
        text=entry.text,
        title=meta.title,
        source=meta.source,
        url=meta.url,
        story=meta.story or source.story(stories),
        published=meta.published,
        published_basis=(
            PublishedBasis.METADATA if meta.published is not None else PublishedBasis.UNKNOWN
        ),
        published_evidence=meta.published_evidence,
        row=entry.row,
        line_offset=entry.line_offset,
    )
