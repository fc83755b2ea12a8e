"""HTML reports: the article text is extracted with the stdlib parser.

Nothing is executed or fetched. Dropped: ``script``, ``style``, ``noscript``,
``template``, ``svg``, ``iframe``, ``nav``, ``aside``, ``form``, ``footer``,
and ``header`` unless it is inside ``<article>``/``<main>`` (where it holds
the headline). When the page has ``<article>`` content it is used, else
``<main>``, else the whole body. Block elements become paragraphs separated
by a blank line; whitespace inside a paragraph is collapsed (``<pre>`` kept).

Metadata: ``og:title`` > first ``<h1>`` > ``<title>`` for the title;
``og:site_name`` for the source; ``article:published_time`` (or a
``<time datetime>``) for the publication date; ``og:url`` or
``<link rel=canonical>`` for the url. The text is extracted, so character
offsets (and ``line_offset = 0``) refer to the extracted text, not the
HTML source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

from checker.corpus.meta import Entry, Meta, parse_published
from checker.records import InputError

_DROP = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "nav", "aside", "form", "footer"}
)
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4",
        "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "br", "hr", "tr",
        "table", "figure", "figcaption", "address", "body", "html", "title", "td", "th", "nav",
        "aside", "form", "caption", "details", "summary",
    }
)  # fmt: skip
_VOID = frozenset(
    {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
     "track", "wbr", "param"}
)  # fmt: skip
_SPACE = re.compile(r"\s+")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.drop_depth = 0
        self.article_depth = 0
        self.main_depth = 0
        self.pre_depth = 0
        self.in_title = False
        self.h1_depth = 0
        self.paragraph: list[str] = []
        self.blocks: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.h1_done = False
        self.meta: dict[str, str] = {}
        self.time_values: list[str] = []
        self.canonical: str | None = None

    # -- structure ---------------------------------------------------------------
    def _dropping(self, tag: str) -> bool:
        if tag in _DROP:
            return True
        return tag == "header" and not (self.article_depth or self.main_depth)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            if key and "content" in values:
                self.meta.setdefault(key.strip().lower(), values["content"].strip())
            return
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href", "").strip() or None
            return
        if tag == "time" and values.get("datetime") and not self.drop_depth:
            self.time_values.append(values["datetime"].strip())
        if tag in _VOID:
            if tag in _BLOCK and not self.drop_depth:
                self._flush()
            return
        if tag in _BLOCK and not self.drop_depth:
            self._flush()
        self.stack.append(tag)
        if self.drop_depth or self._dropping(tag):
            self.drop_depth += 1
        if tag == "article":
            self.article_depth += 1
        elif tag == "main":
            self.main_depth += 1
        elif tag == "pre":
            self.pre_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "h1":
            self.h1_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return  # stray end tag
        while self.stack:
            open_tag = self.stack.pop()
            self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in _BLOCK and not self.drop_depth:
            self._flush()
        if self.drop_depth:
            self.drop_depth -= 1
        if tag == "article":
            self.article_depth -= 1
        elif tag == "main":
            self.main_depth -= 1
        elif tag == "pre":
            self.pre_depth -= 1
        elif tag == "title":
            self.in_title = False
        elif tag == "h1":
            self.h1_depth -= 1
            if self.h1_parts:
                self.h1_done = True

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.h1_depth and not self.h1_done and not self.drop_depth:
            self.h1_parts.append(data)
        if self.drop_depth:
            return
        self.paragraph.append(data)

    def _flush(self) -> None:
        raw = "".join(self.paragraph)
        self.paragraph = []
        text = raw.strip("\n") if self.pre_depth else _SPACE.sub(" ", raw).strip()
        if not text.strip():
            return
        self.blocks["body"].append(text)
        if self.article_depth:
            self.blocks["article"].append(text)
        if self.main_depth:
            self.blocks["main"].append(text)

    def finish(self) -> None:
        self.close()
        while self.stack:
            self._close(self.stack.pop())
        self._flush()


def _clean(parts: list[str]) -> str | None:
    text = _SPACE.sub(" ", "".join(parts)).strip()
    return text or None


def read_html(text: str, where: str) -> Iterator[Entry | InputError]:
    """Extract one report from an HTML page."""
    parser = _Extractor()
    parser.feed(text)
    parser.finish()
    blocks = parser.blocks["article"] or parser.blocks["main"] or parser.blocks["body"]
    body = "\n\n".join(blocks)
    if not body.strip():
        yield InputError(where, "no article text found in the HTML")
        return
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
