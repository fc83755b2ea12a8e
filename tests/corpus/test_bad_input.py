"""Bad input: one clear message naming the file (and row); the rest is read."""

from __future__ import annotations

import builtins
import hashlib
import os
from pathlib import Path

import polars as pl
import pytest

from checker.corpus import read_corpus
from checker.records import PublishedBasis

GOOD = "good.md"


def _read_with_good(tree, rel: str, content: str | bytes, **kwargs: object):
    """Write one bad file beside a good one; read the directory."""
    tree.write(f"c/{rel}", content)
    tree.write(f"c/{GOOD}", "---\nid: good\n---\nA readable report.\n")
    result = read_corpus(["c"], **kwargs)  # type: ignore[arg-type]
    assert [a.id for a in result.articles] == ["good"], result.errors
    return result


def _only_error(result):
    (error,) = result.errors
    return error


def test_not_utf8(tree) -> None:
    result = _read_with_good(tree, "latin.txt", "Lima, Perú -- 72 hostages.\n".encode("latin-1"))
    error = _only_error(result)
    assert error.path == "c/latin.txt"
    assert error.message == "not valid UTF-8 at byte 9 (line 1, 0xfa); save the file as UTF-8"


def test_utf16_named(tree) -> None:
    error = _only_error(_read_with_good(tree, "u16.txt", "Hostages freed\n".encode("utf-16")))
    assert error.message == "UTF-16 text, not UTF-8; save the file as UTF-8"


def test_not_utf8_offset_counts_bom(tree) -> None:
    result = _read_with_good(tree, "bom.txt", b"\xef\xbb\xbfab\ncd\xff\n")
    assert _only_error(result).message.startswith("not valid UTF-8 at byte 8 (line 2, 0xff)")


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\xef\xbb\xbf  \n"])
def test_empty_file(tree, content: bytes) -> None:
    error = _only_error(_read_with_good(tree, "empty.md", content))
    assert (error.path, error.message) == ("c/empty.md", "empty file")


@pytest.mark.parametrize(
    "content",
    [b"text with a \x00 NUL byte\n", bytes(range(1, 32)) * 10 + b"some text", b"\x89PNG\r\n\x1a\n"],
)
def test_binary_file(tree, content: bytes) -> None:
    error = _only_error(_read_with_good(tree, "picture.txt", content))
    assert (error.path, error.message) == ("c/picture.txt", "binary file, not text")


def test_malformed_front_matter(tree) -> None:
    error = _only_error(
        _read_with_good(tree, "fm.md", "---\ntitle: ok\nsource: [unclosed\n---\nBody.\n")
    )
    assert error.path == "c/fm.md"
    assert error.message.startswith("front matter is not valid YAML (line ")
    line = int(error.message.split("(line ")[1].split(":")[0])
    assert 3 <= line <= 4


def test_malformed_front_matter_mapping_values(tree) -> None:
    error = _only_error(_read_with_good(tree, "fm.md", "---\nid: x\ntitle: a: b\n---\nBody.\n"))
    assert error.message == (
        "front matter is not valid YAML (line 3: mapping values are not allowed here)"
    )


def test_front_matter_not_a_mapping(tree) -> None:
    error = _only_error(_read_with_good(tree, "list.md", "---\n- a\n- b\n---\nBody.\n"))
    assert (error.path, error.message) == (
        "c/list.md",
        "front matter must be a mapping of keys to values, got a list",
    )


def test_front_matter_never_closed(tree) -> None:
    error = _only_error(_read_with_good(tree, "open.md", "---\nid: x\nBody without end.\n"))
    assert error.message == "front matter opened with '---' on line 1 is never closed with '---'"


def test_front_matter_without_body(tree) -> None:
    error = _only_error(_read_with_good(tree, "nobody.md", "---\nid: x\n---\n\n"))
    assert error.message == "no text after the front matter"


def test_bad_published_is_a_warning_and_article_is_read(tree) -> None:
    tree.write("c/bad.md", "---\npublished: not a date\n---\nBody.\n")
    tree.write("c/num.md", "---\npublished: 1997\n---\nBody.\n")
    result = read_corpus(["c"])
    assert [a.id for a in result.articles] == ["bad", "num"]
    for article in result.articles:
        assert article.published is None
        assert article.published_basis is PublishedBasis.UNKNOWN
    assert [(e.path, e.message) for e in result.errors] == [
        ("c/bad.md", "published: 'not a date' is not a date or ISO timestamp; read without a date"),
        ("c/num.md", "published: 1997 is not a date or ISO timestamp; read without a date"),
    ]


def test_wrong_type_field_is_a_warning(tree) -> None:
    tree.write("c/t.md", "---\ntitle: [a, b]\n---\nBody.\n")
    result = read_corpus(["c"])
    assert result.articles[0].title is None
    assert [e.message for e in result.errors] == ["title: expected text, got a list; field ignored"]


def test_file_above_size_limit(tree) -> None:
    error = _only_error(_read_with_good(tree, "big.txt", "x" * 2_530, max_bytes=2_000))
    assert (error.path, error.message) == ("c/big.txt", "file is 2.5 kB, above the 2 kB limit")


def test_size_message_in_megabytes() -> None:
    from checker.corpus.limits import size_message

    assert size_message(25_300_000, 20_000_000) == "file is 25.3 MB, above the 20 MB limit"
    assert size_message(20_000_001, 20_000_000) == (
        "file is 20,000,001 bytes, above the 20,000,000-byte limit"
    )


def test_unsupported_extension(tree) -> None:
    error = _only_error(_read_with_good(tree, "data.xyz", "Some text.\n"))
    assert (error.path, error.message) == (
        "c/data.xyz",
        "unsupported file type '.xyz'; expected .md, .txt, .jsonl, .csv, .parquet or .html",
    )


def test_no_extension(tree) -> None:
    error = _only_error(_read_with_good(tree, "README", "Some text.\n"))
    assert error.message.startswith("unsupported file type (no extension); expected .md")


def test_missing_path(tree) -> None:
    tree.write("ok.md", "Body.\n")
    result = read_corpus(["nope/missing.md", "ok.md"])
    assert [(e.path, e.message) for e in result.errors] == [
        ("nope/missing.md", "no such file or directory")
    ]
    assert len(result.articles) == 1


def test_broken_symlink_in_directory(tree) -> None:
    tree.write("c/good.md", "Body.\n")
    os.symlink(tree.root / "gone.md", tree.root / "c" / "link.md")
    result = read_corpus(["c"])
    assert [(e.path, e.message) for e in result.errors] == [
        ("c/link.md", "no such file or directory")
    ]


def test_directory_with_no_readable_reports(tree) -> None:
    tree.write("bad/a.md", b"")
    tree.write("bad/b.txt", b"\x00\x01")
    (tree.root / "empty" / ".hidden").mkdir(parents=True)
    tree.write("empty/.hidden/x.md", "Hidden.\n")
    tree.write("ok.md", "Body.\n")
    result = read_corpus(["bad", "empty", "ok.md"])
    assert [(e.path, e.message) for e in result.errors] == [
        ("bad/a.md", "empty file"),
        ("bad/b.txt", "binary file, not text"),
        ("bad", "no readable reports in this directory (2 files, none readable)"),
        (
            "empty",
            "no readable reports in this directory "
            "(the directory is empty or holds only hidden files)",
        ),
    ]
    assert len(result.articles) == 1


def test_permission_denied_simulated(tree, monkeypatch) -> None:
    target = tree.write("c/locked.md", "Secret.\n")
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):
        if Path(file) == Path("c/locked.md") or Path(file) == target:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    tree.write("c/good.md", "---\nid: good\n---\nA readable report.\n")
    result = read_corpus(["c"])
    assert [a.id for a in result.articles] == ["good"]
    assert [(e.path, e.message) for e in result.errors] == [("c/locked.md", "permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_permission_denied_real(tree) -> None:
    path = tree.write("c/locked.md", "Secret.\n")
    tree.write("c/good.md", "Body.\n")
    path.chmod(0)
    try:
        result = read_corpus(["c"])
    finally:
        path.chmod(0o644)
    assert [a.path for a in result.articles] == ["c/good.md"]
    assert [(e.path, e.message) for e in result.errors] == [("c/locked.md", "permission denied")]


def test_permission_denied_on_directory_listing(tree, monkeypatch) -> None:
    tree.write("c/good.md", "Body.\n")
    tree.write("c/sub/x.md", "Body.\n")
    real_scandir = os.scandir

    def fake_scandir(path):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    result = read_corpus(["c"])
    assert [a.path for a in result.articles] == ["c/good.md"]
    assert [(e.path, e.message) for e in result.errors] == [("c/sub", "permission denied")]


def test_fifo_is_not_read(tree) -> None:
    tree.write("c/good.md", "Body.\n")
    os.mkfifo(tree.root / "c" / "pipe.md")
    result = read_corpus(["c"])
    assert [(e.path, e.message) for e in result.errors] == [("c/pipe.md", "not a regular file")]


def _digest(root: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            info = path.stat()
            out[path.relative_to(root).as_posix()] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                info.st_mtime_ns,
            )
    return out


def test_inputs_are_never_modified(tree) -> None:
    tree.write("c/a.md", "---\nid: a\npublished: 1997-01-10\n---\nBody.\r\n")
    tree.write("c/b.txt", b"\xef\xbb\xbfHeadline\r\n\r\nBody.\r\n")
    tree.write("c/c.jsonl", '{"text": "row"}\n{bad\n')
    tree.write("c/d.csv", "id,text\nd,row\n")
    tree.write("c/e.html", "<p>Para</p><script>x()</script>")
    tree.write("c/f.txt", b"\xff\xfe")
    tree.write("c/g.md", "---\n- a\n---\nBody.\n")
    pl.DataFrame({"text": ["row"]}).write_parquet(tree.root / "c" / "h.parquet")
    before = _digest(tree.root)
    result = read_corpus(["c"])
    assert len(result.articles) == 6
    assert _digest(tree.root) == before
