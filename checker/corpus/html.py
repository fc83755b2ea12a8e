"""HTML reports: the article text is extracted by trafilatura.

trafilatura (a maintained main-content extractor) drops what is not the
article: menus, "Related" and "Most read" link lists, cookie and consent
banners, share bars, comments, scripts and forms, so none of their figures
become claims. It is asked for precision first, and for recall when that
leaves nothing; nothing is executed or fetched. Each block it keeps (a
paragraph, a list item, a table row, a line broken by ``<br>``) becomes a
paragraph, separated by a blank line, which ends a sentence. The headline is
the report's ``title``, not part of its text (as with front matter).

Metadata comes from the page's own tags, read with the stdlib parser:
``og:title`` > first ``<h1>`` > ``<title>`` for the title; ``og:site_name``
for the source; ``article:published_time`` (or a ``<time datetime>``) for
the publication date, time zone kept; ``og:url`` or ``<link rel=canonical>``
for the url. The text is extracted, so character offsets (and
``line_offset = 0``) refer to the extracted text, not the HTML source.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from html.parser import HTMLParser

import trafilatura

from checker.corpus.meta import Entry, Meta, parse_published
from checker.records import InputError

# trafilatura logs its own view of a page it finds thin; the reader reports that itself.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_SPACE = re.compile(r"\s+")
# Where a page's metadata sits is never inside these.
_SKIP = frozenset({"script", "style", "noscript", "template", "svg"})


class _Metadata(HTMLParser):
    """The page's own metadata tags, the first ``<h1>`` and the ``<title>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.time_values: list[str] = []
        self.canonical: str | None = None
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._in_title = False
        self._h1_depth = 0
        self._h1_done = False
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            if key and "content" in values:
                self.meta.setdefault(key.strip().lower(), values["content"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href", "").strip() or None
        elif tag == "time" and values.get("datetime") and not self._skip_depth:
            self.time_values.append(values["datetime"].strip())
        elif tag == "title":
            self._in_title = True
        elif tag == "h1" and not self._h1_done:
            self._h1_depth += 1
        elif tag in _SKIP:
            self._skip_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "h1" and self._h1_depth:
            self._h1_depth -= 1
            self._h1_done = self._h1_done or bool("".join(self.h1_parts).strip())
        elif tag in _SKIP and self._skip_depth:
            self._skip_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif self._h1_depth and not self._h1_done and not self._skip_depth:
            self.h1_parts.append(data)


def _clean(parts: list[str]) -> str | None:
    text = _SPACE.sub(" ", "".join(parts)).strip()
    return text or None


def article_text(html: str) -> str:
    """The article's text: one paragraph per block trafilatura keeps ("" if none)."""
    text = None
    for precise in (True, False):
        text = trafilatura.extract(
            html,
            output_format="txt",
            favor_precision=precise,
            include_comments=False,
            include_tables=True,
            include_links=False,
            include_images=False,
            deduplicate=False,
        )
        if text and text.strip():
            break
    if not text:
        return ""
    paragraphs = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return "\n\n".join(p for p in paragraphs if p)


def read_html(text: str, where: str) -> Iterator[Entry | InputError]:
    """Extract one report from an HTML page."""
    body = article_text(text)
    if not body:
        yield InputError(where, "no article text found in the HTML")
        return
    parser = _Metadata()
    parser.feed(text)
    parser.close()
    meta = parser.meta
    title = meta.get("og:title") or _clean(parser.h1_parts) or _clean(parser.title_parts)
    published = None
    evidence = None
    raw = meta.get("article:published_time") or meta.get("datepublished")
    if raw:
        published, problem = parse_published(raw)
        if problem:
            yield InputError(where, problem.replace("published:", "article:published_time:", 1))
        else:
            evidence = "<meta article:published_time>"
    if published is None:
        for value in parser.time_values:
            published, _ = parse_published(value)
            if published is not None:
                evidence = "<time datetime>"
                break
    yield Entry(
        text=body + "\n",
        meta=Meta(
            title=title or None,
            source=meta.get("og:site_name") or None,
            url=meta.get("og:url") or parser.canonical,
            published=published,
            published_evidence=evidence,
        ),
    )
