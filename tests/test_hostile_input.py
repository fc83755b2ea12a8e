"""Hostile and careless input, as an attacker or a hurried user would give it.

Issue 15's points 1-16 and its "silent oddities", each with the reproducer
the issue gives as a fixed case, then seeded, bounded hypothesis properties:
reading any bytes never raises, ``checker check`` on any small random corpus
never ends in a traceback, and one hostile report among good ones leaves
the good ones reported.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import stat
import threading
from collections.abc import Sequence
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.corpus import read_corpus
from checker.corpus.read import read_file
from checker.records import InputError

GOOD = (
    "---\nsource: {source}\npublished: 1996-12-23\nstory: lima\n---\n"
    "LIMA, Peru -- The rebels were holding {n} hostages in the residence on Monday.\n"
)

BOUNDED = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def run(args: Sequence[object], *, debug: bool = True) -> Result:
    """The CLI in-process with one worker; with ``debug`` an internal error raises
    (CHECKER_DEBUG) instead of becoming a message, so that a crash fails the test."""
    argv = [str(a) for a in args]
    argv[1:1] = ["--workers", "1"]
    env = {"CHECKER_DEBUG": "1"} if debug else {}
    return CliRunner().invoke(main, argv, env=env, catch_exceptions=True)


def no_traceback(result: Result) -> None:
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"crashed: {result.exception!r}") from result.exception
    assert result.exit_code in (0, 1, 2), result.output


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def corpus(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    root = tmp_path / "corpus"
    root.mkdir(exist_ok=True)
    for name, data in files.items():
        path = root / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    return root


def errors_of(path: Path, **kwargs: int) -> list[InputError]:
    return [e for e in read_file(path, path.name, max_bytes=20_000_000, **kwargs)
            if isinstance(e, InputError)]  # fmt: skip


# ------------------------------------------------------------------ 1-6: one file, one message


@pytest.mark.parametrize(
    "value",
    ["1997-02-30", "1997-13-01", "1997-01-10 25:00:00", "1997-01-10T10:00:00+99:00"],
)
def test_1_a_date_like_value_that_is_no_date_is_reported_and_the_report_read(
    tmp_path: Path, value: str
) -> None:
    root = corpus(tmp_path, {"a.md": f"---\npublished: {value}\n---\nRebels held 74 hostages.\n"})
    result = read_corpus([root])
    (article,) = result.articles
    assert article.published is None
    (error,) = result.errors
    assert error.path.endswith("a.md") and "published" in error.message


def test_2_a_text_over_spacys_limit_is_parsed_in_pieces(
    nlp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """spaCy refuses a text over ``nlp.max_length`` (E088); the limit is lowered here
    so that the case runs in a second: the report is cut, not refused."""
    from checker import prefilter
    from checker.extraction import ExtractionOptions, extract_chunk
    from checker.records import Article
    from checker.slots import load_lexicon

    monkeypatch.setattr(nlp, "max_length", 3_000)
    monkeypatch.setattr(prefilter, "MAX_PIECE_CHARS", 1_000)
    filler = "The talks went on through the night without any result at all. " * 80
    text = f"{filler}\n\nRebels held 74 hostages on Monday.\n\n{filler}Police said 9 were hurt.\n"
    assert len(text) > 3 * nlp.max_length  # type: ignore[attr-defined]
    article = Article(id="long", path="long.md", text=text)
    (found,), _ = extract_chunk([(article, ())], load_lexicon(), ExtractionOptions(), nlp)
    assert not hasattr(found, "error"), found
    claims = found.claims  # type: ignore[union-attr]
    assert any(c.quote == "74 hostages" for c in claims)
    assert any(c.start > len(text) - 30 for c in claims)  # the last piece is read too


def test_2_pieces_cover_the_text_and_respect_the_limit() -> None:
    from checker.prefilter import cut

    text = ("word " * 100 + "\n\n") * 30 + "x" * 5_000
    pieces = cut(text, 0, len(text), 1_000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(e - s <= 1_000 for s, e in pieces)
    assert text[pieces[0][1] - 2 : pieces[0][1]] == "\n\n"  # cut at a paragraph


@pytest.mark.parametrize("text", ["9" * 308 + " miles", "9" * 310 + " people died", "1" * 400])
def test_3_a_number_of_hundreds_of_digits_is_no_figure(text: str) -> None:
    from checker.extract.numbers import find_quantities

    assert all(q.low is None or q.low < float("inf") for q in find_quantities(text))


def test_3_and_through_the_public_api(nlp: object) -> None:
    import checker

    assert checker.quantities("9" * 308 + " miles of 12 roads") != []
    assert all(c.value is not None for c in checker.claims("9" * 310 + " people died."))


def test_4_a_lone_surrogate_in_jsonl_is_replaced_and_reported(tmp_path: Path) -> None:
    line = '{"id": "s1", "text": "Rebels held \\ud800 74 hostages.", "title": "T\\udfff"}\n'
    root = corpus(tmp_path, {"feed.jsonl": line})
    result = read_corpus([root])
    (article,) = result.articles
    assert "\ufffd" in article.text and article.title == "T\ufffd"
    assert article.text.encode("utf-8")  # encodable: spaCy and every writer take it
    assert {e.row for e in result.errors} == {1}
    assert any("surrogate" in e.message for e in result.errors)


@pytest.mark.parametrize(
    "line", ["[" * 100_000 + "]" * 100_000, '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}"]
)
def test_5_deeply_nested_json_is_a_row_error(tmp_path: Path, line: str) -> None:
    root = corpus(tmp_path, {"deep.jsonl": line + "\n" + json.dumps({"text": "Rebels held 7."})})
    result = read_corpus([root])
    assert len(result.articles) == 1
    (error,) = result.errors
    assert error.row == 1 and "nested" in error.message


def test_5_a_huge_integer_in_json_is_a_row_error(tmp_path: Path) -> None:
    root = corpus(tmp_path, {"n.jsonl": '{"text": "x", "id": ' + "9" * 5000 + "}\n"})
    (error,) = [e for e in read_corpus([root]).errors if e.row is not None]
    assert error.row == 1 and "JSON" in error.message


@pytest.mark.parametrize("flag", ["-o", "--html"])
def test_6_an_empty_output_path_is_a_usage_error(tmp_path: Path, flag: str) -> None:
    root = corpus(tmp_path, {"a.md": GOOD.format(source="A", n=74)})
    result = run(["check", root, "--no-cache", flag, ""])
    no_traceback(result)
    assert result.exit_code == 2
    assert (
        "cannot write" in result.stderr or "empty" in result.stderr or "directory" in result.stderr
    )


# ------------------------------------------------------------------ 7-9: time and memory


def test_7_sentence_and_text_lookups_agree_with_spacy(nlp: object) -> None:
    from checker.extract.doc_index import first_token_at, sentence_of, text_of

    doc = nlp("Rebels held 74 hostages. Police said 9 were hurt.\n\nTwo died.")  # type: ignore[operator]
    assert text_of(doc) == doc.text
    for tok in doc:
        assert sentence_of(tok) == tok.sent
    assert doc[first_token_at(doc, doc.text.index("Police"))].text == "Police"


def test_7_a_run_without_a_full_stop_is_cut_into_sentences(nlp: object) -> None:
    from checker.nlp import MAX_SENTENCE_TOKENS

    doc = nlp("17 " * (3 * MAX_SENTENCE_TOKENS))  # type: ignore[operator]
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS


def test_8_a_parquet_dictionary_bomb_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    table = pl.DataFrame({"text": ["x" * 100_000] * 200})  # 20 MB of text in a few kilobytes
    table.write_parquet(buffer, compression="zstd")
    assert len(buffer.getvalue()) < 5_000
    path = tmp_path / "bomb.parquet"
    path.write_bytes(buffer.getvalue())
    (error,) = list(read_file(path, "bomb.parquet", max_bytes=1_000_000))
    assert isinstance(error, InputError) and "decodes to" in error.message


def test_8_a_parquet_compression_bomb_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    pl.DataFrame({"text": ["y" * 3_000_000]}).write_parquet(buffer, compression="zstd")
    path = tmp_path / "zip.parquet"
    path.write_bytes(buffer.getvalue())
    (error,) = list(read_file(path, "zip.parquet", max_bytes=1_000_000))
    assert isinstance(error, InputError) and "decodes to" in error.message


def test_8_parquet_that_fits_is_read(tmp_path: Path) -> None:
    pl.DataFrame({"text": ["Rebels held 74 hostages."], "id": ["p"]}).write_parquet(
        tmp_path / "ok.parquet"
    )
    (article,) = read_corpus([tmp_path / "ok.parquet"]).articles
    assert article.id == "p"


@pytest.mark.parametrize("run_of", ["(", ")", '"', "$", "!?", "([{"])
def test_9_long_punctuation_runs_are_cut_for_the_parser(nlp: object, run_of: str) -> None:
    from checker.nlp import parser_view

    text = "Rebels held 74 hostages. " + run_of * (10_000 // len(run_of))
    view = parser_view(text)
    assert len(view) == len(text) and view.startswith("Rebels held 74 hostages.")
    assert max(len(chunk) for chunk in view.split()) < 256
    assert len(nlp.tokenizer(view)) > 100  # type: ignore[attr-defined]


@given(st.text(alphabet=st.sampled_from("([{)]}\"'$!?-.,;:a1 "), min_size=0, max_size=3_000))
@BOUNDED
def test_9_parser_view_keeps_length_and_bounds_every_chunk(text: str) -> None:
    from checker.nlp import parser_view

    view = parser_view(text)
    assert len(view) == len(text)
    assert all(len(chunk) < 256 for chunk in view.split())
    assert all(a == b or b == " " for a, b in zip(text, view, strict=True))


# ------------------------------------------------------------------ 10-11: writes


def test_10_a_symlink_output_writes_its_target_and_stays_a_link(tmp_path: Path) -> None:
    root = corpus(tmp_path, {"a.md": GOOD.format(source="A", n=74)})
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = run(["check", root, "--no-cache", "--format", "json", "-o", link])
    no_traceback(result)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 1


def test_10_a_fifo_output_is_written_as_a_stream(tmp_path: Path) -> None:
    root = corpus(tmp_path, {"a.md": GOOD.format(source="A", n=74)})
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run(["check", root, "--no-cache", "--format", "json", "-o", fifo])
    reader.join(timeout=60)
    no_traceback(result)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO, not replaced by a file
    assert json.loads(got[0])["version"] == 1


def test_10_dash_is_standard_output(tmp_path: Path) -> None:
    root = corpus(tmp_path, {"a.md": GOOD.format(source="A", n=74)})
    result = run(["check", root, "--no-cache", "--format", "json", "-o", "-"])
    no_traceback(result)
    assert json.loads(result.stdout)["version"] == 1
    assert not (tmp_path / "-").exists()


def test_10_device_output_is_never_replaced(tmp_path: Path) -> None:
    from checker.atomic import write_output

    before = os.stat("/dev/null")
    write_output("/dev/null", b"{}")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (before.st_ino, before.st_rdev) == (
        after.st_ino,
        after.st_rdev,
    )


@pytest.mark.parametrize(
    ("command", "flag"),
    [
        ("check", "-o"),
        ("check", "--html"),
        ("extract", "-o"),
        ("baseline", "-o"),
        ("report", "--html"),
    ],
)
def test_11_an_output_that_is_an_input_is_refused(tmp_path: Path, command: str, flag: str) -> None:
    root = corpus(
        tmp_path, {"a.md": GOOD.format(source="A", n=74), "b.md": GOOD.format(source="B", n=72)}
    )
    before = (root / "b.md").read_bytes()
    result = run([command, root, "--no-cache", flag, root / "b.md"])
    no_traceback(result)
    assert result.exit_code == 2
    assert "is the input" in result.stderr
    assert (root / "b.md").read_bytes() == before


def test_11_a_link_to_an_input_is_refused_too(tmp_path: Path) -> None:
    root = corpus(tmp_path, {"a.md": GOOD.format(source="A", n=74)})
    link = tmp_path / "out.json"
    link.symlink_to(root / "a.md")
    before = (root / "a.md").read_bytes()
    result = run(["check", root, "--no-cache", "-o", link])
    assert result.exit_code == 2 and (root / "a.md").read_bytes() == before


# ------------------------------------------------------------------ 12-15: injection

ESCAPES = ("\x1b]0;owned\x07", "\x1b[2J", "\u202e", "\x9b31m", "\u2028")


def test_12_file_names_and_ids_reach_stderr_escaped(tmp_path: Path) -> None:
    root = corpus(
        tmp_path,
        {"ok.md": GOOD.format(source="A", n=74), "bad\x1b]0;owned\x07.md": b"", "x\u202e.txt": b""},
    )
    result = run(["check", root, "--no-cache"])
    no_traceback(result)
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in result.stderr
    assert "\\x1b]0;owned\\x07" in result.stderr and "\\u202e" in result.stderr


def _injected(tmp_path: Path) -> Path:
    evil = 'source: "Wire\\n::error file=evil.md::INJECTED \\u202e \\x9b"\nid: "=HYPERLINK(1)"'
    return corpus(
        tmp_path,
        {
            "a.md": f"---\n{evil}\npublished: 1996-12-23\nstory: lima\n---\n"
            "LIMA -- The rebels were holding 74 hostages in the residence on Monday.\n",
            "b.md": GOOD.format(source="B", n=250),
        },
    )


def test_13_no_line_of_the_text_format_starts_a_workflow_command(tmp_path: Path) -> None:
    result = run(["check", _injected(tmp_path), "--no-cache"])
    no_traceback(result)
    assert "INJECTED" in result.stdout  # the message is there ...
    for line in result.stdout.splitlines():  # ... but never as a command
        assert not line.lstrip().startswith("::"), line


def test_13_and_15_github_format_escapes_breaks_bidi_and_c1(tmp_path: Path) -> None:
    result = run(["check", _injected(tmp_path), "--no-cache", "--format", "github"])
    no_traceback(result)
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("::") for line in lines)  # every line is ours
    assert sum("INJECTED" in line for line in lines) >= 1
    for raw in ("\u202e", "\x9b", "\u2028"):
        assert raw not in result.stdout


def test_14_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    import csv

    root = _injected(tmp_path)
    result = run(["check", root, "--no-cache", "--format", "csv"])
    no_traceback(result)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) > 1
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert any("'=HYPERLINK(1)" in cell for row in rows for cell in row)
    claims = tmp_path / "claims.csv"
    no_traceback(run(["extract", root, "--no-cache", "-o", claims]))
    table = list(csv.reader(io.StringIO(claims.read_text(encoding="utf-8"))))
    ids = [row[table[0].index("article_id")] for row in table[1:]]
    assert "'=HYPERLINK(1)" in ids


def test_15_text_output_escapes_bidi_and_c1(tmp_path: Path) -> None:
    result = run(["check", _injected(tmp_path), "--no-cache"])
    for raw in ("\u202e", "\x9b"):
        assert raw not in result.stdout
    assert "\\u202e" in result.stdout


@pytest.mark.parametrize("text", ["a\x1bb", "\u202eabc", "x\x9by", "l1\nl2", "\u2066z\u2069"])
def test_15_terminal_escaping_is_visible_and_complete(text: str) -> None:
    from checker.render.sanitize import terminal

    shown = terminal(text)
    assert shown.isprintable() and shown != text


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "＝1"])
def test_14_formula_cells_get_an_apostrophe(cell: str) -> None:
    from checker.render.sanitize import csv_cell

    assert csv_cell(cell) == "'" + cell
    assert csv_cell("plain") == "plain"


# ------------------------------------------------------------------ 16: a shared CI cache


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.json") if p.is_file())


def _reseal(path: Path, edit: object) -> None:
    import hashlib

    header, _, payload = path.read_bytes().partition(b"\n")
    data = json.loads(payload)
    edit(data)  # type: ignore[operator]
    new = json.dumps(data).encode()
    fields = header.split(b" ")
    fields[3] = hashlib.sha256(new).hexdigest().encode()
    path.write_bytes(b" ".join(fields) + b"\n" + new)


def _claim_rows(data: object) -> list[list[object]]:
    """The claim rows of an entry: an extraction entry is [claims, names, date problems],
    a story entry [sentences, claims, findings, timelines], a dating entry holds none."""
    if not isinstance(data, list):
        return []
    if len(data) == 3 and isinstance(data[0], list):
        return [row for row in data[0] if isinstance(row, list)]
    if len(data) == 4 and isinstance(data[1], list):
        return [row for row in data[1] if isinstance(row, list)]
    return []


def _warm(tmp_path: Path) -> tuple[Path, Path, str]:
    root = corpus(
        tmp_path, {"a.md": GOOD.format(source="A", n=74), "b.md": GOOD.format(source="B", n=250)}
    )
    cache = tmp_path / "cache"
    first = run(["check", root, "--cache-dir", cache, "--format", "json"])
    no_traceback(first)
    return root, cache, first.stdout


def test_16_a_resealed_entry_of_the_wrong_type_is_recomputed(tmp_path: Path) -> None:
    root, cache, expected = _warm(tmp_path)

    touched = []

    def wrong(data: object) -> None:
        for claim in _claim_rows(data):
            claim[19] = "seven"  # the line
            touched.append(claim)

    for entry in _entries(cache):
        _reseal(entry, wrong)
    assert touched
    for _ in range(2):  # recomputed, and rewritten: the next run is sound too
        again = run(["check", root, "--cache-dir", cache, "--format", "json"])
        no_traceback(again)
        assert again.stdout == expected


def test_16_a_resealed_entry_of_another_report_is_not_trusted(tmp_path: Path) -> None:
    root, cache, expected = _warm(tmp_path)

    touched = []

    def moved(data: object) -> None:
        for claim in _claim_rows(data):
            claim[1] = "someone-else"  # the article id
            touched.append(claim)

    for entry in _entries(cache):
        _reseal(entry, moved)
    assert touched
    again = run(["check", root, "--cache-dir", cache, "--format", "json"])
    assert again.stdout == expected


@pytest.mark.parametrize("kind", ["fifo", "zero", "dir"])
def test_16_an_entry_that_is_no_regular_file_is_a_miss(tmp_path: Path, kind: str) -> None:
    root, cache, expected = _warm(tmp_path)
    for entry in _entries(cache):
        entry.unlink()
        if kind == "fifo":
            os.mkfifo(entry)
        elif kind == "zero":
            entry.symlink_to("/dev/zero")
        else:
            entry.mkdir()
    again = run(["check", root, "--cache-dir", cache, "--format", "json"])
    no_traceback(again)
    assert again.stdout == expected


def test_16_with_a_cache_key_an_entry_resealed_without_it_is_a_miss(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from checker import cache
    from checker.extraction import ReportExtraction

    value = ReportExtraction((), (), ("note",))
    payload = cache.EXTRACTION_CODEC.dumps(value)
    monkeypatch.setenv(cache.CACHE_KEY_VARIABLE, "ci-secret")
    sealed = cache.seal("k" * 64, payload)
    assert cache.unseal("k" * 64, sealed) == payload
    assert cache.EXTRACTION_CODEC.loads(payload) == value
    monkeypatch.setenv(cache.CACHE_KEY_VARIABLE, "someone-else")
    assert cache.unseal("k" * 64, sealed) is None
    monkeypatch.delenv(cache.CACHE_KEY_VARIABLE)
    plain = cache.seal("k" * 64, payload)  # what anyone can compute
    monkeypatch.setenv(cache.CACHE_KEY_VARIABLE, "ci-secret")
    assert cache.unseal("k" * 64, plain) is None


def test_16_read_regular_refuses_oversized_and_special_files(tmp_path: Path) -> None:
    from checker.cache import read_regular

    big = tmp_path / "big"
    big.write_bytes(b"x" * 100)
    assert read_regular(big, 99) is None and read_regular(big, 100) == b"x" * 100
    os.mkfifo(tmp_path / "f")
    assert read_regular(tmp_path / "f", 100) is None
    (tmp_path / "z").symlink_to("/dev/zero")
    assert read_regular(tmp_path / "z", 100) is None


def test_16_stale_temporaries_are_removed(tmp_path: Path) -> None:
    from checker.atomic import write_text_atomic
    from checker.cache import remove_stale_temps

    dead = 2**22 + 12_345  # above pid_max's default: no such process
    (tmp_path / f".out.json.{dead}.abcd1234.tmp").write_text("partial")
    live = tmp_path / f".out.json.{os.getpid()}.abcd1234.tmp"
    live.write_text("being written")
    other = tmp_path / ".someone-elses.tmp"
    other.write_text("not ours")
    write_text_atomic(tmp_path / "out.json", "{}")
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
    assert left == sorted([live.name, other.name])
    shard = tmp_path / "shard"
    shard.mkdir()
    (shard / f".k.json.{dead}.ff00ff00.tmp").write_text("x")
    assert remove_stale_temps(shard) == 1


# ------------------------------------------------------------------ silent oddities


def test_cr_only_line_ends_still_give_front_matter(tmp_path: Path) -> None:
    root = corpus(
        tmp_path, {"mac.md": b"---\rpublished: 1997-01-11\rid: m\r---\rRebels held 71.\r"}
    )
    (article,) = read_corpus([root]).articles
    assert article.id == "m" and str(article.published) == "1997-01-11"


def test_parquet_columns_that_differ_only_in_case_are_reported(tmp_path: Path) -> None:
    table = pl.DataFrame({"Text": ["one text"], "TEXT": ["another"]})
    table.write_parquet(tmp_path / "two.parquet")
    (error,) = errors_of(tmp_path / "two.parquet")
    assert "'Text', 'TEXT'" in error.message


def test_csv_columns_that_differ_only_in_case_are_reported(tmp_path: Path) -> None:
    (tmp_path / "two.csv").write_text("Text,TEXT\none,two\n", encoding="utf-8")
    (error,) = errors_of(tmp_path / "two.csv")
    assert "'Text', 'TEXT'" in error.message


def test_checking_dot_keeps_the_cache_inside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.cache import default_cache_dir

    root = corpus(tmp_path, {"a.md": GOOD.format(source="A", n=74)})
    monkeypatch.chdir(root)
    assert default_cache_dir(["."]) == root.resolve() / ".checker-cache"
    monkeypatch.chdir(tmp_path)
    assert default_cache_dir(["corpus"]) == tmp_path.resolve() / ".checker-cache"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_cache_is_noted(tmp_path: Path) -> None:
    root = corpus(tmp_path, {"a.md": GOOD.format(source="A", n=74)})
    cache = tmp_path / "ro"
    cache.mkdir()
    cache.chmod(0o500)
    try:
        result = run(["check", root, "--cache-dir", cache])
    finally:
        cache.chmod(0o700)
    no_traceback(result)
    assert "could not be written" in result.stderr


@pytest.mark.parametrize("previous", ['{"a": 1}', "[1, 2]", '{"version": 1, "findings": "x"}'])
def test_a_wrong_shape_previous_report_is_refused(tmp_path: Path, previous: str) -> None:
    root = corpus(tmp_path, {"a.md": GOOD.format(source="A", n=74)})
    (tmp_path / "prev.json").write_text(previous, encoding="utf-8")
    result = run(["report", root, "--no-cache", "--html", tmp_path / "r.html",
                  "--previous", tmp_path / "prev.json"])  # fmt: skip
    assert result.exit_code == 2 and "not a checker JSON report" in result.stderr
    assert not (tmp_path / "r.html").exists()


# ------------------------------------------------------------------ faults inside one report


def test_a_report_whose_analysis_raises_is_an_input_error_and_the_rest_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.extraction as extraction

    real = extraction.extract_claims

    def flaky(article: object, *args: object, **kwargs: object) -> object:
        if getattr(article, "id", "").endswith("c"):
            raise RuntimeError("injected fault")
        return real(article, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(extraction, "extract_claims", flaky)
    root = corpus(tmp_path, {f"{k}.md": GOOD.format(source=k, n=74) for k in "abcd"})
    for cache in (["--no-cache"], ["--cache-dir", tmp_path / "cache"]):
        result = run(["check", root, *cache, "--format", "json"])
        no_traceback(result)
        assert result.exit_code == 2  # the input error fails the gate; the rest is reported
        doc = json.loads(result.stdout)
        assert sorted(a["id"] for a in doc["articles"]) == ["a", "b", "d"]
        (error,) = doc["errors"]
        assert error["path"].endswith("c.md") and "injected fault" in error["message"]


def test_a_report_whose_dating_raises_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.dating as dating

    real = dating.resolve_published

    def flaky(published: object, text: str, **kwargs: object) -> object:
        if "BOOM" in text:
            raise ValueError("injected dating fault")
        return real(published, text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dating, "resolve_published", flaky)
    root = corpus(
        tmp_path,
        {"a.md": GOOD.format(source="A", n=74), "b.txt": "LIMA -- BOOM, 12 hostages were freed.\n"},
    )
    result = run(["check", root, "--no-cache", "--format", "json"])
    no_traceback(result)
    doc = json.loads(result.stdout)
    assert [a["id"] for a in doc["articles"]] == ["a"]
    assert "injected dating fault" in doc["errors"][0]["message"]


def test_too_many_numbers_in_one_report_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.extraction as extraction
    from checker.records import Article
    from checker.slots import load_lexicon

    monkeypatch.setattr(extraction, "MAX_NUMBERS_PER_REPORT", 50)
    big = Article(id="big", path="big.md", text="7 dead. " * 60)
    small = Article(id="small", path="small.md", text="Rebels held 74 hostages.")
    found, _ = extraction.extract_chunk(
        [(big, ()), (small, ())], load_lexicon(), extraction.ExtractionOptions()
    )
    assert isinstance(found[0], extraction.ExtractionFailure)
    assert "60 numbers" in found[0].error.message
    assert isinstance(found[1], extraction.ReportExtraction) and found[1].claims


# ------------------------------------------------------------------ properties


@st.composite
def front_matter_files(draw: st.DrawFn) -> bytes:
    keys = st.sampled_from(["id", "title", "source", "published", "url", "story", "x"])
    scalar = st.one_of(
        st.text(max_size=20),
        st.integers(),
        st.sampled_from(["1997-02-30", "1997-13-01", "2001-01-01 25:00", "[", "{a: [", "&a *a"]),
    )
    lines = draw(st.lists(st.tuples(keys, scalar), max_size=5))
    head = "".join(f"{k}: {v}\n" for k, v in lines)
    body = draw(st.sampled_from(["Rebels held 74 hostages.", "", "x", "---", "12 died."]))
    return f"---\n{head}---\n{body}\n".encode("utf-8", "surrogatepass")


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    values = st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30)),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=8,
    )
    rows = draw(
        st.lists(
            st.dictionaries(st.sampled_from(["id", "text", "published", "story", "title"]), values),
            max_size=4,
        )
    )
    text = "\n".join(json.dumps(r) for r in rows)
    noise = draw(st.sampled_from(["", "\n{bad", '\n"\\ud800"', "\n" + "[" * 3000]))
    return (text + noise).encode("utf-8")


any_file = st.one_of(
    st.tuples(
        st.sampled_from(["r.md", "r.txt", "r.jsonl", "r.csv", "r.html", "r.parquet"]),
        st.binary(max_size=400),
    ),
    st.tuples(st.just("f.md"), front_matter_files()),
    st.tuples(st.just("j.jsonl"), jsonl_files()),
)


@given(files=st.lists(any_file, min_size=1, max_size=4))
@settings(BOUNDED, max_examples=60)
def test_reading_any_bytes_never_raises(
    tmp_path_factory: pytest.TempPathFactory, files: list[tuple[str, bytes]]
) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    for k, (name, data) in enumerate(files):
        (root / f"{k}{name}").write_bytes(data)
    result = read_corpus([root])
    assert len(result.articles) + len(result.errors) >= 1
    for article in result.articles:
        article.text.encode("utf-8")  # every text reaches spaCy and the writers


@given(
    files=st.lists(any_file, min_size=1, max_size=3),
    fmt=st.sampled_from(["text", "json", "github", "csv"]),
)
@settings(BOUNDED, max_examples=8)
def test_check_on_a_random_corpus_never_ends_in_a_traceback(
    tmp_path_factory: pytest.TempPathFactory, files: list[tuple[str, bytes]], fmt: str
) -> None:
    root = tmp_path_factory.mktemp("fuzzcli")
    (root / "good.md").write_text(GOOD.format(source="Good", n=74), encoding="utf-8")
    for k, (name, data) in enumerate(files):
        (root / f"{k}{name}").write_bytes(data)
    result = run(["check", root, "--no-cache", "--format", fmt, "--no-fail-on-input-error"])
    no_traceback(result)
    assert result.exit_code in (0, 1)  # the good report is always read


HOSTILE: dict[str, bytes] = {
    "date.md": b"---\npublished: 1997-02-30\n---\nRebels held 9 hostages.\n",
    "digits.md": ("There were " + "9" * 308 + " miles of it and 5 hostages.\n").encode(),
    "surrogate.jsonl": b'{"id": "s", "text": "Rebels held \\ud800 9 hostages."}\n',
    "nested.jsonl": b"[" * 50_000 + b"]" * 50_000 + b"\n",
    "brackets.md": b"Rebels held 9 hostages. " + b"(" * 3_000 + b"\n",
    "bomb.parquet": b"",  # filled below
}


@pytest.mark.parametrize("hostile", sorted(HOSTILE))
def test_one_hostile_report_among_good_ones_leaves_the_others_reported(
    tmp_path: Path, hostile: str
) -> None:
    data = HOSTILE[hostile]
    if hostile == "bomb.parquet":
        buffer = io.BytesIO()
        pl.DataFrame({"text": ["z" * 1_000_000] * 25}).write_parquet(buffer, compression="zstd")
        data = buffer.getvalue()
    good = {f"g{k}.md": GOOD.format(source=f"S{k}", n=74) for k in range(3)}
    root = corpus(tmp_path, {**good, hostile: data})
    result = run(["check", root, "--no-cache", "--format", "json"])
    no_traceback(result)
    doc = json.loads(result.stdout)
    assert {"g0", "g1", "g2"} <= {a["id"] for a in doc["articles"]}
    # no finding among the good ones: only an input error can fail the gate
    assert result.exit_code == (2 if doc["errors"] else 0)
