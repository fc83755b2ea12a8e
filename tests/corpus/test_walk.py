"""Path expansion, order, ids, stories and duplicates."""

from __future__ import annotations

import os
from pathlib import Path

from checker.corpus import iter_corpus, read_corpus
from checker.records import Article, InputError


def test_sorted_recursive_order_and_hidden_skipped(tree) -> None:
    for rel in [
        "reports/z.md",
        "reports/b/2.txt",
        "reports/a.md",
        "reports/b/10.txt",
        "reports/.hidden.md",
        "reports/.git/config.md",
        "reports/.checker-cache/x.md",
        "reports/b/.DS_Store",
    ]:
        tree.write(rel, f"Text of {rel}.\n")
    result = read_corpus(["reports"])
    assert result.errors == ()
    assert [a.path for a in result.articles] == [
        "reports/a.md",
        "reports/b/10.txt",
        "reports/b/2.txt",
        "reports/z.md",
    ]
    assert [a.id for a in result.articles] == ["a", "b/10", "b/2", "z"]


def test_stories_rules(tree) -> None:
    tree.write("reports/lima-1996/x.md", "Text.\n")
    tree.write("reports/lima-1996/deep/y.md", "Text.\n")
    tree.write("reports/top.md", "Text.\n")
    tree.write("reports/meta.md", "---\nstory: from-meta\n---\nText.\n")
    tree.write("seeds/s.txt", "Text.\n")
    tree.write("loose/one.txt", "Text.\n")
    result = read_corpus(["reports", "seeds", "loose/one.txt"])
    stories = {a.path: a.story for a in result.articles}
    assert stories == {
        "reports/lima-1996/deep/y.md": "lima-1996",
        "reports/lima-1996/x.md": "lima-1996",
        "reports/meta.md": "from-meta",
        "reports/top.md": "reports",
        "seeds/s.txt": "seeds",
        "loose/one.txt": "loose",
    }


def test_stories_mapping_globs(tree) -> None:
    tree.write("seeds/s.txt", "Text.\n")
    tree.write("reports/lima/x.md", "Text.\n")
    tree.write("reports/meta.md", "---\nstory: from-meta\n---\nText.\n")
    mapping = {"seeds/*": "lima-1996", "reports/*": "mapped"}
    result = read_corpus(["seeds", "reports"], stories=mapping)
    stories = {a.path: a.story for a in result.articles}
    assert stories == {
        "seeds/s.txt": "lima-1996",
        "reports/lima/x.md": "mapped",  # mapping wins over the folder
        "reports/meta.md": "from-meta",  # metadata wins over the mapping
    }


def test_stories_matched_relative_to_base_dir(tree, monkeypatch) -> None:
    tree.write("project/seeds/s.txt", "Text.\n")
    monkeypatch.chdir(tree.root / "project" / "seeds")
    result = read_corpus(
        ["s.txt"], stories={"seeds/*": "lima-1996"}, base_dir=tree.root / "project"
    )
    (article,) = result.articles
    assert article.path == "s.txt"
    assert article.story == "lima-1996"


def test_ids_for_file_argument_and_metadata(tree) -> None:
    tree.write("a/b/report.final.md", "Text.\n")
    tree.write("a/b/other.md", "---\nid: custom\n---\nText.\n")
    result = read_corpus(["a/b/report.final.md", "a/b/other.md"])
    assert [a.id for a in result.articles] == ["report.final", "custom"]
    assert [a.path for a in result.articles] == ["a/b/report.final.md", "a/b/other.md"]


def test_path_as_given(tree) -> None:
    tree.write("reports/x.md", "Text.\n")
    relative = read_corpus(["./reports/"]).articles
    assert [a.path for a in relative] == ["reports/x.md"]
    absolute = read_corpus([tree.root / "reports"]).articles
    assert [a.path for a in absolute] == [(tree.root / "reports" / "x.md").as_posix()]
    assert absolute[0].id == "x"
    here = read_corpus(["."]).articles
    assert [(a.path, a.id) for a in here] == [("reports/x.md", "reports/x")]
    assert here[0].story == "reports"


def test_duplicate_ids_later_one_skipped(tree) -> None:
    tree.write("c/a.md", "First.\n")
    tree.write("c/a.txt", "Second.\n")
    tree.write("c/b.md", "---\nid: a\n---\nThird.\n")
    tree.write("c/rows.jsonl", '{"id": "a", "text": "Fourth."}\n{"text": "Fifth."}\n')
    result = read_corpus(["c"])
    assert [a.text for a in result.articles] == ["First.\n", "Fifth."]
    assert [(e.path, e.row) for e in result.errors] == [
        ("c/a.txt", None),
        ("c/b.md", None),
        ("c/rows.jsonl", 1),
    ]
    for error in result.errors:
        assert error.message == ("duplicate id 'a', already used by c/a.md; this report is skipped")


def test_duplicate_id_names_first_row(tree) -> None:
    tree.write("r.jsonl", '{"id": "x", "text": "One."}\n{"id": "x", "text": "Two."}\n')
    (error,) = read_corpus(["r.jsonl"]).errors
    assert (
        error.message == "duplicate id 'x', already used by r.jsonl row 1; this report is skipped"
    )
    assert error.row == 2


def test_same_file_twice_read_once(tree) -> None:
    tree.write("seeds/s.txt", "Text.\n")
    result = read_corpus(["seeds/s.txt", "seeds"])
    assert result.errors == ()
    assert len(result.articles) == 1


def test_symlinked_file_read_once(tree) -> None:
    tree.write("d/real.md", "Text.\n")
    os.symlink(tree.root / "d" / "real.md", tree.root / "d" / "zlink.md")
    result = read_corpus(["d"])
    assert [a.path for a in result.articles] == ["d/real.md"]


def test_hard_linked_file_read_once(tree) -> None:
    tree.write("d/real.md", "Text.\n")
    os.link(tree.root / "d" / "real.md", tree.root / "d" / "zlink.md")
    result = read_corpus(["d"])
    assert [a.path for a in result.articles] == ["d/real.md"]


def test_iter_corpus_streams_in_order(tree) -> None:
    tree.write("s/a.md", "Text.\n")
    tree.write("s/b.xyz", "Text.\n")
    tree.write("s/c.md", "Text.\n")
    items = list(iter_corpus(["s"]))
    assert [type(i) for i in items] == [Article, InputError, Article]
    result = read_corpus(["s"])
    assert result.articles == tuple(i for i in items if isinstance(i, Article))


def test_single_path_argument_as_string(tree) -> None:
    tree.write("s/a.md", "Text.\n")
    assert len(read_corpus("s").articles) == 1  # type: ignore[arg-type]


def test_deterministic(tree) -> None:
    for i in range(20):
        tree.write(f"r/{i % 3}/{i}.md", f"Report {i}.\n")
    assert read_corpus(["r"]) == read_corpus([Path("r")])
