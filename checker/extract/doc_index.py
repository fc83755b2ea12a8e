"""Per-document lookups that spaCy recomputes on every access, computed once.

``Doc.text`` joins every token again on each call and ``Token.sent`` walks to
the sentence's ends; called once per figure they make a report with many
figures quadratic. Both are kept in the document's ``user_data`` the first
time they are asked for (a parsed document is not changed after parsing).
"""

from __future__ import annotations

import bisect
from typing import Any

Doc = Any  # spacy.tokens.Doc
Span = Any  # spacy.tokens.Span
Token = Any  # spacy.tokens.Token

_TEXT = "checker.text"
_STARTS = "checker.sentence_starts"


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per document."""
    data: dict[Any, Any] | None = getattr(doc, "user_data", None)
    if data is None:
        return str(doc.text)
    text = data.get(_TEXT)
    if text is None:
        text = data[_TEXT] = doc.text
    return str(text)


def _starts(doc: Doc) -> list[int] | None:
    data: dict[Any, Any] | None = getattr(doc, "user_data", None)
    if data is None:
        return None
    starts = data.get(_STARTS)
    if starts is None:
        try:
            starts = [s.start for s in doc.sents]
        except ValueError:  # no sentence boundaries: let spaCy say so
            return None
        data[_STARTS] = starts
    return starts


def sentence_of(tok: Token) -> Span:
    """``tok.sent`` by a binary search over the document's sentence starts."""
    doc = tok.doc
    starts = _starts(doc)
    if not starts:
        return tok.sent
    k = bisect.bisect_right(starts, tok.i) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k] : end]


_IDX = "checker.token_starts"


def first_token_at(doc: Doc, char: int) -> int:
    """The index of the first token that starts at or after character ``char``."""
    data: dict[Any, Any] | None = getattr(doc, "user_data", None)
    starts = None if data is None else data.get(_IDX)
    if starts is None:
        starts = [t.idx for t in doc]
        if data is not None:
            data[_IDX] = starts
    return bisect.bisect_left(starts, char)
