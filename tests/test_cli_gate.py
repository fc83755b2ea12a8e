"""The CI gate through the CLI: input errors, every CI format, stdin, colour, -v, -V.

A malformed report beside a good one fails the run (exit 2) and is listed in
every format's output, not only on stderr; ``--no-fail-on-input-error`` (or
``fail_on_input_error = false``) relaxes that to the findings' exit code.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from checker import __version__
from checker.cli import main
from checker.cli_support import use_color
from checker.render import Format
from tests.render.validators import VALIDATORS

GOOD = (
    "---\ntitle: Standoff\nsource: Wire\npublished: 1996-12-23\nstory: lima\n---\n"
    "LIMA, Peru -- The Tupac Amaru rebels were holding 103 hostages in the Japanese "
    "ambassador's residence on Monday, police said.\n"
)
MALFORMED = "---\ntitle: [unclosed\npublished: 1996-12-23\n---\nLIMA -- Rebels hold 103 hostages.\n"


def run(args: Sequence[object], **kwargs: object) -> Result:
    argv = [str(a) for a in args]
    argv[1:1] = ["--workers", "1"]
    return CliRunner().invoke(main, argv, catch_exceptions=False, **kwargs)  # type: ignore[arg-type]


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "broken.md").write_text(MALFORMED, encoding="utf-8")
    return folder


def _listed(fmt: str, out: str) -> bool:
    """Whether ``out`` (in ``fmt``) names the broken report as an input error."""
    if fmt == "json":
        return [e["path"] for e in json.loads(out)["errors"]] == ["corpus/broken.md"]
    if fmt == "sarif":
        (invocation,) = json.loads(out)["runs"][0]["invocations"]
        (note,) = invocation["toolExecutionNotifications"]
        uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        return uri == "corpus/broken.md" and invocation["executionSuccessful"] is False
    if fmt == "junit":
        root = ET.fromstring(out)
        return root.attrib["errors"] == "1" and "corpus/broken.md" in out
    if fmt == "gitlab":
        (issue,) = [i for i in json.loads(out) if i["check_name"] == "input-error"]
        return issue["location"]["path"] == "corpus/broken.md" and issue["severity"] == "blocker"
    if fmt == "github":
        return "::error file=corpus/broken.md,title=input error::" in out
    return "corpus/broken.md" in out and "ERRORS (1)" in out  # text


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab", "junit"])
def test_a_malformed_report_fails_the_gate_and_is_listed_in_every_ci_format(
    corpus: Path, fmt: str
) -> None:
    result = run(["check", "corpus", "--format", fmt])
    assert result.exit_code == 2, result.output
    assert _listed(fmt, result.stdout), result.stdout
    VALIDATORS[Format(fmt)](result.stdout)
    assert "front matter" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab", "junit"])
def test_relaxed_the_exit_code_follows_the_findings_and_the_error_is_still_listed(
    corpus: Path, fmt: str
) -> None:
    result = run(["check", "corpus", "--format", fmt, "--no-fail-on-input-error"])
    assert result.exit_code == 0, result.output
    assert _listed(fmt, result.stdout)


def test_the_config_relaxes_the_gate_and_the_option_wins(corpus: Path) -> None:
    (corpus.parent / "checker.toml").write_text("fail_on_input_error = false\n")
    assert run(["check", "corpus"]).exit_code == 0
    assert run(["check", "corpus", "--fail-on-input-error"]).exit_code == 2


def test_github_format_appends_a_step_summary(corpus: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    (corpus / "other.md").write_text(GOOD.replace("103", "250"), encoding="utf-8")
    result = run(
        ["check", "corpus", "--format", "github"], env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.exit_code == 2
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## checker: 1 error; 1 input error\n")
    assert "| error | contradiction | lima | hostages |" in text
    assert "| corpus/broken.md |" in text
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 2  # one finding, one input error


def test_no_step_summary_outside_github_actions(corpus: Path, tmp_path: Path) -> None:
    result = run(["check", "corpus", "--format", "github"], env={"GITHUB_STEP_SUMMARY": ""})
    assert result.exit_code == 2
    assert not list(tmp_path.glob("*.md"))


def test_a_report_on_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(GOOD.replace("103", "250"), encoding="utf-8")
    result = run(["check", "-", "a.md", "--format", "json"], input=GOOD.encode())
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)
    assert sorted((a["id"], a["path"]) for a in doc["articles"]) == [("a", "a.md"), ("stdin", "-")]
    assert [f["type"] for f in doc["findings"]] == ["contradiction"]


def test_empty_standard_input_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(["check", "-"], input=b"")
    assert result.exit_code == 2
    assert "-: empty file" in result.stderr


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("choice", "env", "tty", "expected"),
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # empty is unset, as no-color.org says
        ("auto", {"TERM": "dumb"}, True, False),
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("always", {"NO_COLOR": "1"}, False, True),
        ("never", {}, True, False),
    ],
)
def test_colour_choice(choice: str, env: dict[str, str], tty: bool, expected: bool) -> None:
    stream = _Tty() if tty else io.StringIO()
    assert use_color(choice, stream, to_file=False, environ=env) is expected


def test_color_always_and_never_through_the_cli(corpus: Path) -> None:
    coloured = run(["check", "corpus", "--color", "always", "-q"])
    assert "\x1b[" in coloured.stdout
    plain = run(["check", "corpus", "--color", "never", "-q"], env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in plain.stdout
    assert run(["check", "corpus", "--color", "sometimes"]).exit_code == 2


def test_color_is_never_written_to_a_file(corpus: Path, tmp_path: Path) -> None:
    run(["check", "corpus", "--color", "always", "-o", tmp_path / "out.txt"])
    assert "\x1b[" not in (tmp_path / "out.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_flags(flag: str) -> None:
    result = CliRunner().invoke(main, [flag])
    assert result.exit_code == 0
    assert result.output == f"checker, version {__version__}\n"


def test_verbose_says_which_config_and_cache(corpus: Path) -> None:
    (corpus.parent / "checker.toml").write_text("fail_on = 'error'\n")
    result = run(["check", "corpus", "-v", "--no-fail-on-input-error"])
    assert result.exit_code == 0
    assert f"config: {corpus.parent / 'checker.toml'}" in result.stderr
    assert "cache: " in result.stderr
    assert "read 1 reports in 1 stories" in result.stderr
    quiet = run(["check", "corpus", "--no-fail-on-input-error"])
    assert "config:" not in quiet.stderr


def test_excel_csv_from_check_and_extract(corpus: Path, tmp_path: Path) -> None:
    (corpus / "broken.md").unlink()
    (corpus / "other.md").write_text(GOOD.replace("103", "250").replace("police", "Néstor"))
    result = run(["check", "corpus", "--format", "csv", "--excel", "-o", tmp_path / "f.csv"])
    assert result.exit_code == 1
    assert (tmp_path / "f.csv").read_bytes().startswith(b"\xef\xbb\xbfid,type,")
    result = run(["extract", "corpus", "--excel", "-o", tmp_path / "claims.csv"])
    assert result.exit_code == 0, result.output
    data = (tmp_path / "claims.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,") and "Néstor".encode() in data
    assert run(["check", "corpus", "--excel"]).exit_code == 2
    assert run(["extract", "corpus", "--excel", "-o", tmp_path / "c.jsonl"]).exit_code == 2


def test_one_run_writes_every_ci_output(corpus: Path, tmp_path: Path) -> None:
    result = run(
        [
            "check", "corpus", "--format", "github",
            "--write", "sarif=out/c.sarif", "--write", "junit=out/j.xml",
            "--write", "gitlab=out/gl.json",
        ]
    )  # fmt: skip
    assert result.exit_code == 2
    assert _listed("github", result.stdout)
    for fmt, name in (("sarif", "c.sarif"), ("junit", "j.xml"), ("gitlab", "gl.json")):
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        VALIDATORS[Format(fmt)](text)
        assert _listed(fmt, text)


@pytest.mark.parametrize("value", ["sarif", "sarif=", "pdf=x.pdf"])
def test_a_bad_write_is_a_usage_error(corpus: Path, value: str) -> None:
    result = run(["check", "corpus", "--write", value])
    assert result.exit_code == 2
    assert "--write" in result.stderr


def test_the_cli_offers_every_format() -> None:
    from checker.cli_support import FORMATS_CHOICE

    assert sorted(FORMATS_CHOICE) == sorted(f.value for f in Format)
