"""Markdown and plain-text reports: optional YAML front matter, raw wire text.

Front matter is a YAML mapping between a ``---`` line at the very start of
the file and the next ``---`` (or ``...``) line. The article text is the
body after the closing line, verbatim; ``line_offset`` counts the lines
before it, so a character offset ``start`` in the text is on line
``line_offset + text[:start].count("\\n") + 1`` of the file.

Without front matter the whole file is the text (so offsets are exact) and
the title is guessed from the first line that looks like a headline,
skipping wire boilerplate such as "Get the latest updates..." or
". Last Updated: 07/27/2016". The publication date is left for the
publication-date stage (basis ``unknown``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace

import yaml

from checker.corpus.meta import Entry, Meta, meta_from_mapping
from checker.published import is_timestamp_line
from checker.records import InputError

# libyaml's parser when the wheel has it (it does on the usual platforms): the
# same safe constructor, several times faster on large corpora.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeLoader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader, except that a scalar that looks like a date but is none
    (``1997-02-30``, hour 25, offset ``+99:00``) stays text, for the ``published``
    check to report, instead of raising ``ValueError`` out of the parser."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_SAFE_LOADER = _SafeLoader

_OPEN = re.compile(r"---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)

_BOILERPLATE = re.compile(
    r"""
    ^\W*(?:last\s+updated|updated|published|posted|get\s+the\s+latest|advertisement
    |subscribe|sign\s+(?:up|in)|log\s*in|share\s+(?:this|on)|click\s+here|follow\s+us
    |read\s+more|related|skip\s+to|copyright|all\s+rights\s+reserved|photo|image|video
    |listen|watch|menu|home|breaking\s+news)\b
    | ^\W*by\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?:and\s+)?(?-i:[A-Z])[\w.'’-]*){0,4}\W*$   # byline
    | ^\W*https?:// | ^\W*www\.
    | ^[\W\d_]*$                                   # punctuation, numbers, dates only
    | ^\W*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})
    """,
    re.I | re.X,
)
# "LIMA, Peru --", "WASHINGTON (AP) -", "PARIS —": the body has started.
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}(?:,[^\n]{0,40}?)?(?:\s*\([^)]{1,20}\))?\s*(?:--|—|–|-\s)"
)
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
# "BESLAN, Russia, Sept. 1 (CPA) --": the agency tag of a wire dateline
_AGENCY = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40},[^\n()]{0,40}?\(([A-Z][A-Za-z&.]{0,14}[A-Za-z.])\)\s*(?:--|—|–|-\s)"
)
_MAX_TITLE = 160
_TITLE_SCAN_LINES = 12


def read_text(text: str, where: str) -> Iterator[Entry | InputError]:
    """Read one decoded, newline-normalised ``.md``/``.txt`` file."""
    if not _OPEN.match(text):
        yield Entry(text=text, meta=Meta(title=guess_title(text), source=guess_source(text)))
        return
    start = _OPEN.match(text)
    assert start is not None
    close = _CLOSE.search(text, start.end())
    if close is None:
        yield InputError(
            where, "front matter opened with '---' on line 1 is never closed with '---'"
        )
        return
    raw = text[start.end() : close.start()]
    try:
        data = yaml.load(raw, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        yield InputError(
            where, "front matter is not valid YAML " + _yaml_where(_python_error(raw, exc))
        )
        return
    except (ValueError, OverflowError, RecursionError) as exc:  # 5,000 digits, deep nesting
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        yield InputError(where, f"front matter cannot be read ({reason})")
        return
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        yield InputError(where, f"front matter must be a mapping of keys to values, got {kind}")
        return
    body_start = close.end() + 1 if close.end() < len(text) else close.end()
    body = text[body_start:]
    line_offset = text[:body_start].count("\n")
    if not body.strip():
        yield InputError(where, "no text after the front matter")
        return
    meta, problems = meta_from_mapping(
        {str(k): v for k, v in data.items()}, evidence="front matter 'published'"
    )
    for problem in problems:
        yield InputError(where, problem)
    if meta.title is None:
        meta = replace(meta, title=guess_title(body))
    if meta.source is None:
        meta = replace(meta, source=guess_source(body))
    yield Entry(text=body, meta=meta, line_offset=line_offset)


def _python_error(raw: str, exc: yaml.YAMLError) -> yaml.YAMLError:
    """The pure-Python parser's error for ``raw``: the same wording whichever parser ran."""
    try:
        yaml.load(raw, Loader=yaml.SafeLoader)
    except yaml.YAMLError as python_exc:
        return python_exc
    return exc


def _yaml_where(exc: yaml.YAMLError) -> str:
    """``(line 3: mapping values are not allowed here)`` with file line numbers."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is None:
        return f"({problem})"
    # The YAML block starts on line 2 of the file; marks are 0-based.
    return f"(line {mark.line + 2}: {problem})"


def guess_title(text: str) -> str | None:
    """The first early line that looks like a headline, or None.

    Markdown headings win; boilerplate lines are skipped; a dateline or a
    long sentence means the body has begun and there is no headline.
    """
    seen = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > _TITLE_SCAN_LINES:
            return None
        heading = _MD_HEADING.match(stripped)
        if heading:
            return heading.group(1) or None
        if _BOILERPLATE.search(stripped) or is_timestamp_line(stripped):
            continue
        if _DATELINE.match(stripped):
            return None
        if len(stripped) > _MAX_TITLE or len(stripped.split()) < 2:
            if len(stripped) > _MAX_TITLE:
                return None
            continue
        if stripped.endswith((".", ",", ";", ":")) and not stripped.endswith("..."):
            return None
        return stripped
    return None


def guess_source(text: str) -> str | None:
    """The agency a wire dateline names ("LIMA, Dec. 18 (Reuters) --"), or None."""
    for k, line in enumerate(text.split("\n")):
        if k >= _TITLE_SCAN_LINES * 2:
            break
        tag = _AGENCY.match(line.strip())
        if tag:
            return tag.group(1)
    return None
