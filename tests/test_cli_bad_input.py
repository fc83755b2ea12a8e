"""Bad input through the CLI: one message per bad file, the rest still checked.

Each case puts one bad file beside good reports. The good reports are still
checked; ``check`` exits 2 (an input could not be read) unless
``--no-fail-on-input-error``, when the exit code follows the good reports (0
or 1). Stderr names the bad file once, the JSON report lists it in ``errors``
(path, row, message), and no input byte changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from checker.cli import main
from tests.render.validators import validator

GOOD = (
    "---\ntitle: Standoff\nsource: {source}\npublished: 1996-12-23\nstory: lima\n---\n"
    "LIMA, Peru -- The Tupac Amaru rebels were holding {n} hostages in the Japanese "
    "ambassador's residence on Monday, police said.\n"
)

# name -> (file name, bytes, expected row, words the message must contain)
BAD: dict[str, tuple[str, bytes, int | None, str]] = {
    "non-utf8": (
        "latin1.md",
        GOOD.format(source="Latin", n=103).replace("police", "caf\u00e9").encode("latin-1"),
        None,
        "UTF-8",
    ),
    "empty": ("empty.md", b"", None, "empty"),
    "whitespace-only": ("blank.txt", b"  \n\n\t\n", None, "empty"),
    "binary": ("photo.txt", bytes(range(256)) * 16, None, "binary"),
    "malformed-front-matter": (
        "broken.md",
        b"---\ntitle: [unclosed\npublished: 1996-12-23\n---\nLIMA -- Rebels hold 103 hostages.\n",
        None,
        "front matter",
    ),
    "malformed-jsonl-line": (
        "feed.jsonl",
        b'{"id": "j1", "published": "1996-12-23", "story": "lima", '
        b'"text": "LIMA -- The rebels held 103 hostages on Monday."}\n{not json\n',
        2,
        "JSON",
    ),
    "csv-wrong-field-count": (
        "table.csv",
        b"id,published,story,text\n"
        b'c1,1996-12-23,lima,"LIMA -- The rebels held 103 hostages on Monday."\n'
        b"c2,1996-12-23\n",
        2,
        "field",
    ),
    "unknown-extension": ("notes.docx", b"PK\x03\x04 not really a document", None, ".docx"),
}


def run(args: Sequence[object]) -> Result:
    argv = [str(a) for a in args]
    argv[1:1] = ["--workers", "1"]
    return CliRunner().invoke(main, argv, catch_exceptions=False)


def digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its bytes (and nothing else)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _lines_naming(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if name in line]


@pytest.mark.parametrize("case", sorted(BAD))
def test_one_bad_file_beside_a_good_report(tmp_path: Path, case: str) -> None:
    name, data, row, words = BAD[case]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD.format(source="Good", n=103), encoding="utf-8")
    (corpus / name).write_bytes(data)
    before = digest(corpus)

    result = run(["check", corpus, "--format", "json"])

    assert result.exit_code == 2, result.output  # the bad input fails the gate
    relaxed = run(["check", corpus, "--format", "json", "--no-fail-on-input-error"])
    assert relaxed.exit_code == 0, relaxed.output  # the good report has no finding
    assert relaxed.stdout == result.stdout
    named = _lines_naming(result.stderr, name)
    assert len(named) == 1, result.stderr
    assert words.lower() in named[0].lower()
    doc = json.loads(result.stdout)
    errors = [e for e in doc["errors"] if e["path"].endswith(name)]
    assert len(errors) == 1, doc["errors"]
    assert errors[0]["row"] == row
    assert words.lower() in errors[0]["message"].lower()
    assert doc["summary"]["errors"] == len(doc["errors"])
    assert "good" in {a["id"] for a in doc["articles"]}
    for error in doc["errors"]:
        validator("error.schema.json").validate(error)
    assert digest(corpus) == before


def test_every_bad_case_together_with_a_contradiction(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(GOOD.format(source="A", n=103), encoding="utf-8")
    (corpus / "b.md").write_text(GOOD.format(source="B", n=250), encoding="utf-8")
    for name, data, _row, _words in BAD.values():
        (corpus / name).write_bytes(data)
    missing = tmp_path / "gone-away"
    before = digest(corpus)

    result = run(["check", corpus, missing, "--format", "json", "-o", tmp_path / "r.json"])

    assert result.exit_code == 2, result.output  # the bad input first
    relaxed = run([
        "check", corpus, missing, "--format", "json", "--no-fail-on-input-error", "-q"
    ])  # fmt: skip
    assert relaxed.exit_code == 1, relaxed.output  # then the contradiction
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [f["slot"] for f in doc["findings"] if f["severity"] == "error"] == ["hostages"]
    names = [name for name, *_ in BAD.values()] + ["gone-away"]
    for name in names:
        assert len(_lines_naming(result.stderr, name)) == 1, (name, result.stderr)
    listed = sorted(Path(e["path"]).name for e in doc["errors"])
    assert listed == sorted(names)
    gone = next(e for e in doc["errors"] if e["path"].endswith("gone-away"))
    assert gone["row"] is None and "no such file" in gone["message"]
    assert digest(corpus) == before


@pytest.mark.parametrize("fmt", ["text", "sarif", "junit", "github", "csv"])
def test_bad_input_is_reported_on_stderr_whatever_the_format(tmp_path: Path, fmt: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD.format(source="Good", n=103), encoding="utf-8")
    (corpus / "empty.md").write_bytes(b"")
    result = run(["check", corpus, "--format", fmt])
    assert result.exit_code == 2, result.output
    assert len(_lines_naming(result.stderr, "empty.md")) == 1


def test_row_errors_keep_the_good_rows_of_the_same_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for case in ("malformed-jsonl-line", "csv-wrong-field-count"):
        name, data, _row, _words = BAD[case]
        (corpus / name).write_bytes(data)
    result = run(["check", corpus, "--format", "json", "--no-fail-on-input-error"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert sorted(a["id"] for a in doc["articles"]) == ["c1", "j1"]
    assert {c["slot"] for c in doc["claims"]} >= {"hostages"}
    assert sorted((Path(e["path"]).name, e["row"]) for e in doc["errors"]) == [
        ("feed.jsonl", 2),
        ("table.csv", 2),
    ]
    # The text summary on stderr shows file and row together.
    assert any("feed.jsonl:2" in line for line in result.stderr.splitlines())


@pytest.mark.parametrize("command", ["extract", "baseline", "report", "timeline"])
def test_other_commands_skip_bad_files_and_never_touch_inputs(tmp_path: Path, command: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD.format(source="Good", n=103), encoding="utf-8")
    for name, data, _row, _words in BAD.values():
        (corpus / name).write_bytes(data)
    before = digest(corpus)
    extra = {
        "extract": ["-o", tmp_path / "claims.jsonl"],
        "baseline": ["-o", tmp_path / "base.json"],
        "report": ["--html", tmp_path / "r.html"],
        "timeline": [],
    }[command]
    result = run([command, corpus, *extra])
    assert result.exit_code == 0, result.output
    for name, *_ in BAD.values():
        assert len(_lines_naming(result.stderr, name)) == 1, (name, result.stderr)
    assert digest(corpus) == before, "inputs must not change and nothing may be added beside them"


def test_only_bad_files_is_exit_2(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for case in ("binary", "empty", "non-utf8", "unknown-extension"):
        name, data, _row, _words = BAD[case]
        (corpus / name).write_bytes(data)
    result = run(["check", corpus, "--format", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    for case in ("binary", "empty", "non-utf8", "unknown-extension"):
        assert len(_lines_naming(result.stderr, BAD[case][0])) == 1


def test_a_missing_path_beside_a_good_one_is_not_fatal(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text(GOOD.format(source="Good", n=103), encoding="utf-8")
    result = run(["check", good, tmp_path / "nowhere.md", "--format", "json"])
    assert result.exit_code == 2, result.output  # fails the gate, but is still checked
    doc = json.loads(result.stdout)
    assert [(Path(e["path"]).name, e["row"]) for e in doc["errors"]] == [("nowhere.md", None)]
