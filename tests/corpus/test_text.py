"""Markdown and text reports: front matter, raw wire text, titles, offsets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checker.corpus import read_corpus
from checker.corpus.text import guess_title
from checker.records import PublishedBasis

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_0812fcdc0b19a89e.txt"

FRONT = """---
id: lima-day-1
title: Rebels seize embassy residence
source: Test Wire
published: 1996-12-18T06:30:00-05:00
url: https://example.org/lima-1
story: lima-1996
section: world
---
LIMA, Peru -- Rebels held 490 people on Wednesday.

About 20 rebels stormed the party.
"""


def test_front_matter_fields_and_timestamp_with_tz(tree) -> None:
    tree.write("reports/a.md", FRONT)
    result = read_corpus(["reports"])
    assert result.errors == ()
    (article,) = result.articles
    assert article.id == "lima-day-1"
    assert article.title == "Rebels seize embassy residence"
    assert article.source == "Test Wire"
    assert article.url == "https://example.org/lima-1"
    assert article.story == "lima-1996"
    tz = dt.timezone(dt.timedelta(hours=-5))
    assert article.published == dt.datetime(1996, 12, 18, 6, 30, tzinfo=tz)
    assert article.published_basis is PublishedBasis.METADATA
    assert article.published_evidence
    assert article.text.startswith("LIMA, Peru --")
    assert article.path == "reports/a.md"
    assert article.row is None


def test_line_offset_gives_source_line(tree) -> None:
    path = tree.write("a.md", FRONT)
    (article,) = read_corpus([path.name]).articles
    start = article.text.index("About 20 rebels")
    line = article.line_offset + article.text[:start].count("\n") + 1
    source_lines = path.read_text().split("\n")
    assert source_lines[line - 1].startswith("About 20 rebels")
    assert article.line_offset == 9


def test_published_forms(tree) -> None:
    tree.write("c/date.md", "---\npublished: 1997-01-10\n---\nText.\n")
    tree.write("c/string.md", "---\npublished: '1997-01-10T08:00:00Z'\n---\nText.\n")
    tree.write("c/naive.md", "---\npublished: '1997-01-10 08:00'\n---\nText.\n")
    tree.write("c/none.md", "---\ntitle: No date\n---\nText.\n")
    result = read_corpus(["c"])
    assert result.errors == ()
    by_id = {a.id: a for a in result.articles}
    assert by_id["date"].published == dt.date(1997, 1, 10)
    assert by_id["string"].published == dt.datetime(1997, 1, 10, 8, tzinfo=dt.UTC)
    assert by_id["naive"].published == dt.datetime(1997, 1, 10, 8)
    assert by_id["naive"].published_basis is PublishedBasis.METADATA
    assert by_id["none"].published is None
    assert by_id["none"].published_basis is PublishedBasis.UNKNOWN


def test_markdown_without_front_matter(tree) -> None:
    text = "# Hostages freed\n\nPolice said 225 hostages were freed.\n"
    tree.write("notes/x.md", text)
    (article,) = read_corpus(["notes"]).articles
    assert article.text == text
    assert article.title == "Hostages freed"
    assert article.published is None
    assert article.published_basis is PublishedBasis.UNKNOWN
    assert article.line_offset == 0


def test_title_from_heading_when_front_matter_has_none(tree) -> None:
    tree.write("x.md", "---\nid: x1\n---\n\n## Siege ends\n\nAll 14 rebels died.\n")
    (article,) = read_corpus(["x.md"]).articles
    assert article.title == "Siege ends"


def test_raw_wire_text_like_the_seed(tree) -> None:
    data = SEED.read_bytes()
    tree.write("wire/seed.txt", data)
    (article,) = read_corpus(["wire"]).articles
    assert article.title == "Shots Ring Out in Peru Compound"
    # Boilerplate stays in the text: offsets are exact against the file.
    assert article.text == data.decode("utf-8").replace("\r\n", "\n")
    assert article.text.startswith("Get the latest updates")
    assert ". Last Updated: 07/27/2016" in article.text
    assert article.published is None
    assert article.published_basis is PublishedBasis.UNKNOWN
    assert article.source is None


def test_crlf_normalised_and_bom_dropped(tree) -> None:
    tree.write("w.txt", b"\xef\xbb\xbfHeadline here\r\n\r\nLIMA -- Body.\r\n")
    (article,) = read_corpus(["w.txt"]).articles
    assert article.text == "Headline here\n\nLIMA -- Body.\n"
    assert article.title == "Headline here"


def test_crlf_front_matter_line_offset(tree) -> None:
    tree.write("w.md", b"---\r\nid: w\r\n---\r\nLine one.\r\nLine two.\r\n")
    (article,) = read_corpus(["w.md"]).articles
    assert article.text == "Line one.\nLine two.\n"
    assert article.line_offset == 3


def test_unknown_front_matter_keys_ignored_and_numbers_as_text(tree) -> None:
    tree.write("n.md", "---\nid: 42\ntags: [a, b]\n---\nBody text.\n")
    result = read_corpus(["n.md"])
    assert result.errors == ()
    assert result.articles[0].id == "42"


def test_empty_front_matter_is_allowed(tree) -> None:
    tree.write("e.md", "---\n---\nBody text.\n")
    result = read_corpus(["e.md"])
    assert result.errors == ()
    assert result.articles[0].text == "Body text.\n"
    assert result.articles[0].line_offset == 2


def test_guess_title_skips_boilerplate() -> None:
    assert guess_title("Advertisement\n\nBy Jane Doe\n\nQuake kills 300 in Chile\n\nSANTIAGO --")
    assert guess_title("Subscribe now\nUpdated 12:30 GMT\nQuake kills 300\n") == "Quake kills 300"
    assert guess_title("LIMA, Peru -- Marxist guerrillas holding 74 hostages.\n") is None
    assert guess_title("The rebels, who stormed a party 24 days ago, are armed.\n") is None
    assert guess_title("") is None
