"""One report per row: JSONL, CSV and Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import polars as pl

from checker.corpus import read_corpus
from checker.records import PublishedBasis


def _jsonl(*rows: object) -> str:
    return "".join(json.dumps(row) + "\n" for row in rows)


def test_jsonl_rows(tree) -> None:
    tree.write(
        "feeds/wire.jsonl",
        _jsonl(
            {"id": "r1", "text": "74 hostages remain.", "published": "1997-01-10", "extra": 1},
            {"text": "72 hostages remain.", "title": "Two freed", "story": "lima-1996"},
        )
        + "\n\n",
    )
    result = read_corpus(["feeds"])
    assert result.errors == ()
    first, second = result.articles
    assert first.id == "r1"
    assert first.row == 1
    assert first.published == dt.date(1997, 1, 10)
    assert first.published_basis is PublishedBasis.METADATA
    assert first.story == "feeds"
    assert first.path == "feeds/wire.jsonl"
    assert first.line_offset == 0
    assert second.id == "wire#2"
    assert second.row == 2
    assert second.title == "Two freed"
    assert second.story == "lima-1996"
    assert second.published is None


def test_jsonl_bad_rows_reported_and_others_read(tree) -> None:
    lines = [
        json.dumps({"text": "ok one"}),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps([1, 2]),
        json.dumps({"text": 5}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "ok two", "published": "yesterday"}),
    ]
    tree.write("w.jsonl", "\n".join(lines) + "\n")
    result = read_corpus(["w.jsonl"])
    assert [a.id for a in result.articles] == ["w#1", "w#8"]
    messages = {e.row: e.message for e in result.errors}
    assert all(e.path == "w.jsonl" for e in result.errors)
    assert messages[2].startswith("line 2: not valid JSON")
    assert messages[3] == "line 3: no 'text' field"
    assert messages[5] == "line 5: expected a JSON object, got a list"
    assert messages[6] == "line 6: 'text' must be a string, got int"
    assert messages[7] == "line 7: empty text"
    assert "published: 'yesterday' is not a date or ISO timestamp" in messages[8]
    assert result.errors[0].describe().startswith("w.jsonl:2: line 2")


def test_csv_with_quoted_multiline_text(tree) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "Title", "published", "text"])
    writer.writerow(
        [
            "c1",
            "Siege",
            "1997-04-22T16:00:00-05:00",
            'Troops stormed it.\n\n"All 14 rebels died," he said.',
        ]
    )
    writer.writerow(["", "", "", "Second, row text."])
    tree.write("t.csv", buffer.getvalue())
    result = read_corpus(["t.csv"])
    assert result.errors == ()
    first, second = result.articles
    assert first.id == "c1"
    assert first.title == "Siege"
    assert first.text == 'Troops stormed it.\n\n"All 14 rebels died," he said.'
    assert first.published == dt.datetime(
        1997, 4, 22, 16, tzinfo=dt.timezone(dt.timedelta(hours=-5))
    )
    assert first.row == 1
    assert second.id == "t#2"
    assert second.title is None
    assert second.row == 2


def test_csv_bad_rows(tree) -> None:
    text = 'id,text\na,fine\nb,too,many\nc,\nd\ne,"multi\nline"\nf,also fine\n'
    tree.write("bad.csv", text)
    result = read_corpus(["bad.csv"])
    assert [a.id for a in result.articles] == ["a", "e", "f"]
    errors = {e.row: e.message for e in result.errors}
    assert errors[2] == "row 2 (line 3): 3 fields, but the header has 2"
    assert errors[3] == "row 3 (line 4): empty text"
    assert errors[4] == "row 4 (line 5): 1 fields, but the header has 2"
    assert all(e.path == "bad.csv" for e in result.errors)


def test_csv_without_text_column(tree) -> None:
    tree.write("h.csv", "id,title\n1,x\n")
    tree.write("ok.md", "Body.\n")
    result = read_corpus(["h.csv", "ok.md"])
    assert [e.message for e in result.errors] == [
        "no 'text' column in the CSV header (found: id, title)"
    ]
    assert len(result.articles) == 1


def test_csv_header_only(tree) -> None:
    tree.write("h.csv", "id,text\n")
    result = read_corpus(["h.csv"])
    assert [e.message for e in result.errors] == ["no data rows after the CSV header"]


def test_csv_bad_quoting_reported_per_row(tree) -> None:
    tree.write("q.csv", 'id,text\na,"fine"\nb,"broken"x\nc,fine again\n')
    result = read_corpus(["q.csv"])
    assert [a.id for a in result.articles] == ["a", "c"]
    (error,) = result.errors
    assert error.row == 2
    assert error.message.startswith("row 2 (line 3): bad CSV")


def test_csv_long_field(tree) -> None:
    body = "word " * 60_000
    tree.write("long.csv", f"id,text\nlong,{body}\n")
    result = read_corpus(["long.csv"])
    assert result.errors == ()
    assert result.articles[0].text == body


def test_parquet_written_by_polars(tree) -> None:
    tz = dt.timezone(dt.timedelta(hours=-5))
    frame = pl.DataFrame(
        {
            "id": ["p1", None, "p3"],
            "title": ["One", "Two", None],
            "published": [
                dt.datetime(1997, 1, 10, 8, tzinfo=tz),
                None,
                dt.datetime(1997, 1, 12, 9, tzinfo=tz),
            ],
            "text": ["74 hostages remain.", "72 hostages remain.", None],
        }
    )
    path = tree.root / "d" / "rows.parquet"
    path.parent.mkdir()
    frame.write_parquet(path)
    result = read_corpus(["d"])
    first, second = result.articles
    assert first.id == "p1"
    assert first.published is not None
    assert isinstance(first.published, dt.datetime)
    # Parquet stores instants: a fixed offset comes back as the same instant in UTC.
    assert first.published.utcoffset() is not None
    assert first.published.astimezone(dt.UTC) == dt.datetime(1997, 1, 10, 13, tzinfo=dt.UTC)
    assert first.row == 1
    assert second.id == "rows#2"
    assert second.published is None
    (error,) = result.errors
    assert error.path == "d/rows.parquet"
    assert error.row == 3
    assert error.message == "row 3: no 'text' field"


def test_parquet_dates_and_missing_text_column(tree) -> None:
    pl.DataFrame({"published": [dt.date(1997, 1, 1)], "text": ["x y"]}).write_parquet(
        tree.root / "a.parquet"
    )
    pl.DataFrame({"body": ["x"]}).write_parquet(tree.root / "b.parquet")
    result = read_corpus(["a.parquet", "b.parquet"])
    assert result.articles[0].published == dt.date(1997, 1, 1)
    (error,) = result.errors
    assert error.path == "b.parquet"
    assert error.message == "no 'text' column in the Parquet file (found: body)"


def test_corrupt_parquet(tree) -> None:
    tree.write("c.parquet", b"PAR1 this is not parquet at all")
    tree.write("ok.txt", "Body here.\n")
    result = read_corpus(["c.parquet", "ok.txt"])
    (error,) = result.errors
    assert error.path == "c.parquet"
    assert error.message.startswith("not a readable Parquet file")
    assert len(result.articles) == 1
