"""Property tests: no input makes the reader raise; offsets map back to lines."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.corpus import read_corpus
from checker.records import Article, InputError

SUFFIXES = [".md", ".txt", ".jsonl", ".csv", ".html", ".parquet"]

_noise = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    st.sampled_from(
        [b"---\n", b"---\n- a\n---\n", b'{"text": 1}\n', b"id,text\n", b"<p>", b"PAR1"]
    ).flatmap(lambda head: st.binary(max_size=100).map(lambda tail: head + tail)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_noise, suffix=st.sampled_from(SUFFIXES))
def test_reader_never_raises(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{suffix}"
        path.write_bytes(data)
        result = read_corpus([path])
        for item in (*result.articles, *result.errors):
            assert isinstance(item, Article | InputError)
        for error in result.errors:
            assert error.path == path.as_posix()
            assert error.message
        for article in result.articles:
            assert article.text.strip()


_line = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc")),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(
    meta_lines=st.integers(min_value=0, max_value=5),
    body=st.lists(_line, min_size=1, max_size=8),
    crlf=st.booleans(),
)
def test_line_offsets_map_back_to_source(meta_lines: int, body: list[str], crlf: bool) -> None:
    body = [*body, "MARKER here"]
    front = ["---", *(f"k{i}: v" for i in range(meta_lines)), "---"]
    newline = "\r\n" if crlf else "\n"
    source = newline.join([*front, *body]) + newline
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.md"
        path.write_bytes(source.encode("utf-8"))
        (article,) = read_corpus([path]).articles
    start = article.text.index("MARKER")
    line = article.line_offset + article.text[:start].count("\n") + 1
    assert source.split(newline)[line - 1] == "MARKER here"
