"""The command line: documentation, exit codes, where outputs go, the module entry point.

Small corpora are written into ``tmp_path`` (one spaCy parse of a few
sentences); the working directory is ``tmp_path`` so that nothing (config,
caches, default output names) is read from or written to the project tree.
Runs of the whole bundled dataset are marked ``slow``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from checker.cli import ExitCode, main

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ("check", "extract", "baseline", "timeline", "report")
READS_CORPUS = frozenset(COMMANDS)


def run(args: Sequence[object], *, catch: bool = False) -> Result:
    """Invoke the CLI in-process with one parser process (fast, same output)."""
    argv = [str(a) for a in args]
    if argv and argv[0] in READS_CORPUS and "--workers" not in argv:
        argv[1:1] = ["--workers", "1"]
    return CliRunner().invoke(main, argv, catch_exceptions=catch)


def write_report(
    folder: Path,
    name: str,
    text: str,
    *,
    published: str,
    source: str,
    story: str | None = None,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    meta = [f'title: "{source} report"', f"source: {source}", f"published: {published}"]
    if story is not None:
        meta.append(f"story: {story}")
    path = folder / name
    path.write_text("---\n" + "\n".join(meta) + "\n---\n" + text + "\n", encoding="utf-8")
    return path


HOSTAGES = (
    "LIMA, Peru -- The Tupac Amaru rebels were holding {n} hostages in the Japanese "
    "ambassador's residence on Monday, {who} said."
)


def agreeing(folder: Path) -> Path:
    """Two reports of the same day with the same hostage count: no finding."""
    write_report(
        folder, "a.md", HOSTAGES.format(n=103, who="police"), published="1996-12-23", source="A"
    )
    write_report(
        folder, "b.md", HOSTAGES.format(n=103, who="officials"), published="1996-12-23", source="B"
    )
    return folder


def contradicting(folder: Path) -> Path:
    """Two reports of the same day with different hostage counts: one error."""
    write_report(
        folder, "a.md", HOSTAGES.format(n=103, who="police"), published="1996-12-23", source="A"
    )
    write_report(
        folder, "b.md", HOSTAGES.format(n=250, who="officials"), published="1996-12-23", source="B"
    )
    return folder


TOLL = "AHMEDABAD, India -- The earthquake that struck Gujarat on Friday has killed {n} people."


def regressing(folder: Path) -> Path:
    """A death toll that falls the next day: a regression (warning), no error."""
    write_report(
        folder, "a.md", TOLL.format(n="1,200"), published="2001-01-27", source="A", story="quake"
    )
    write_report(
        folder, "b.md", TOLL.format(n="900"), published="2001-01-28", source="B", story="quake"
    )
    return folder


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _json(result: Result) -> dict[str, object]:
    doc: dict[str, object] = json.loads(result.stdout)
    return doc


def _findings(result: Result) -> list[dict[str, str]]:
    findings = _json(result)["findings"]
    assert isinstance(findings, list)
    return findings


# --- every command is documented ---------------------------------------------------------


def test_the_documented_commands_exist() -> None:
    assert set(COMMANDS) <= set(main.commands)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = run([name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout
    assert f"checker {name} " in result.stdout, "the example should show the command itself"
    command = main.commands[name]
    assert command.help and command.short_help != "", f"{name} has no docstring"
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            assert getattr(param, "help", None), f"{name} {param.opts} has no help text"


def test_group_help_lists_every_command_with_examples() -> None:
    result = run(["--help"])
    assert result.exit_code == 0
    for name in main.commands:
        assert name in result.stdout
    assert "Example" in result.stdout


def test_version() -> None:
    result = run(["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("checker, version ")


# --- exit codes -----------------------------------------------------------------------------


def test_exit_0_when_reports_agree(tmp_path: Path) -> None:
    result = run(["check", agreeing(tmp_path / "c"), "--format", "json"])
    assert result.exit_code == ExitCode.OK == 0, result.output
    assert _findings(result) == []


def test_exit_1_on_a_same_day_contradiction(tmp_path: Path) -> None:
    result = run(["check", contradicting(tmp_path / "c"), "--format", "json"])
    assert result.exit_code == ExitCode.FINDINGS == 1, result.output
    findings = _findings(result)
    assert [(f["type"], f["severity"], f["slot"]) for f in findings] == [
        ("contradiction", "error", "hostages")
    ]
    assert "103" in findings[0]["message"] and "250" in findings[0]["message"]


def test_exit_1_in_text_format_too(tmp_path: Path) -> None:
    result = run(["check", contradicting(tmp_path / "c")])
    assert result.exit_code == 1
    assert "contradiction" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["check", "{c}", "--format", "yaml"],
        ["check", "{c}", "--fail-on", "sometimes"],
        ["check"],  # no PATHS
        ["extract", "{c}"],  # no --output
        ["timeline", "{c}", "--workers", "0"],
        ["check", "{c}", "--no-such-option"],
        ["no-such-command"],
        ["check", "{c}", "--config", "{c}/missing.toml"],
        ["check", "{c}", "--baseline", "{c}/missing.json"],
    ],
    ids=[
        "bad-format",
        "bad-fail-on",
        "no-paths",
        "extract-without-output",
        "zero-workers",
        "unknown-option",
        "unknown-command",
        "missing-config",
        "missing-baseline",
    ],
)
def test_exit_2_on_usage_errors(tmp_path: Path, args: list[str]) -> None:
    corpus = agreeing(tmp_path / "c")
    result = run([a.format(c=corpus) for a in args])
    assert result.exit_code == ExitCode.USAGE == 2, result.output
    assert result.stdout == ""
    assert result.stderr.strip(), "a usage error must say what is wrong"


def test_exit_2_on_an_unreadable_config(tmp_path: Path) -> None:
    corpus = agreeing(tmp_path / "c")
    config = tmp_path / "checker.toml"
    config.write_text("fail_on = [unclosed\n", encoding="utf-8")
    result = run(["check", corpus, "--config", config])
    assert result.exit_code == 2
    assert str(config) in result.stderr


def test_exit_2_on_a_broken_baseline_naming_the_file(tmp_path: Path) -> None:
    corpus = agreeing(tmp_path / "c")
    baseline = tmp_path / "base.json"
    baseline.write_text("{not json", encoding="utf-8")
    result = run(["check", corpus, "--baseline", baseline])
    assert result.exit_code == 2
    assert "base.json" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_exit_2_when_nothing_could_be_read(tmp_path: Path, command: str) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "blob.txt").write_bytes(bytes(range(256)) * 8)
    extra = {"extract": ["-o", tmp_path / "claims.csv"], "timeline": []}.get(command, [])
    result = run([command, corpus, tmp_path / "missing", *extra])
    assert result.exit_code == 2, result.output
    assert "blob.txt" in result.stderr and "missing" in result.stderr
    assert "no report could be read" in result.stderr
    assert not (tmp_path / "claims.csv").exists()
    assert not (tmp_path / "checker-baseline.json").exists()


def test_exit_2_for_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run(["check", tmp_path / "empty"])
    assert result.exit_code == 2
    assert "no report could be read" in result.stderr


def test_fail_on_warning_turns_warnings_into_exit_1(tmp_path: Path) -> None:
    corpus = regressing(tmp_path / "c")
    default = run(["check", corpus, "--format", "json"])
    assert default.exit_code == 0, default.output
    severities = {f["severity"] for f in _findings(default)}
    assert severities == {"warning"}, "the corpus should give warnings and no error"
    assert run(["check", corpus, "--fail-on", "warning"]).exit_code == 1
    assert run(["check", corpus, "--fail-on", "error"]).exit_code == 0


@pytest.mark.parametrize("make", [agreeing, contradicting, regressing])
def test_fail_on_never_always_exits_0(tmp_path: Path, make: object) -> None:
    corpus = make(tmp_path / "c")  # type: ignore[operator]
    assert run(["check", corpus, "--fail-on", "never"]).exit_code == 0


def test_fail_on_comes_from_config_and_the_option_wins(tmp_path: Path) -> None:
    corpus = contradicting(tmp_path / "c")
    (tmp_path / "checker.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    assert run(["check", corpus]).exit_code == 0  # ./checker.toml is read by default
    assert run(["check", corpus, "--fail-on", "error"]).exit_code == 1


def test_module_entry_point_runs_the_cli(tmp_path: Path) -> None:
    """``python -m checker`` is the same program, exit codes included."""
    corpus = contradicting(tmp_path / "c")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "checker",
            "check",
            str(corpus),
            "--format=json",
            "--workers=1",
            "-q",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert [f["slot"] for f in json.loads(proc.stdout)["findings"]] == ["hostages"]
    usage = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert usage.returncode == 2
    assert "missing" in usage.stderr


# --- outputs go where asked, atomically ------------------------------------------------------


def test_output_creates_parent_dirs_and_leaves_stdout_empty(tmp_path: Path) -> None:
    corpus = agreeing(tmp_path / "c")
    target = tmp_path / "out" / "deep" / "report.json"
    result = run(["check", corpus, "--format", "json", "-o", target])
    assert result.exit_code == 0
    assert result.stdout == ""
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert len(doc["articles"]) == 2
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]


def test_stdout_and_output_file_have_the_same_bytes(tmp_path: Path) -> None:
    corpus = contradicting(tmp_path / "c")
    for fmt in ("text", "json", "csv", "sarif", "github", "junit"):
        to_stdout = run(["check", corpus, "--format", fmt])
        target = tmp_path / f"out.{fmt}"
        to_file = run(["check", corpus, "--format", fmt, "-o", target])
        assert to_stdout.exit_code == to_file.exit_code == 1
        assert target.read_bytes() == to_stdout.stdout_bytes, fmt
        assert "\x1b[" not in to_stdout.stdout, "no colour when stdout is not a terminal"


def test_html_is_written_beside_the_main_output(tmp_path: Path) -> None:
    corpus = agreeing(tmp_path / "c")
    html = tmp_path / "site" / "report.html"
    result = run(["check", corpus, "--format", "json", "-o", tmp_path / "r.json", "--html", html])
    assert result.exit_code == 0
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file())


def test_nothing_is_written_when_rendering_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = agreeing(tmp_path / "c")
    out = tmp_path / "out"
    out.mkdir()
    keep = out / "kept.json"
    keep.write_text("previous run\n", encoding="utf-8")

    def boom(*_args: object, **_kwargs: object) -> Iterator[str]:
        yield '{\n  "version": 1'  # a first piece is written, then the renderer fails
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr("checker.render.render_pieces", boom)
    fresh = run(["check", corpus, "--format", "json", "-o", out / "new.json"], catch=True)
    assert isinstance(fresh.exception, RuntimeError)
    again = run(["check", corpus, "--format", "json", "-o", keep], catch=True)
    assert isinstance(again.exception, RuntimeError)
    assert _leftovers(out) == ["kept.json"]
    assert keep.read_text(encoding="utf-8") == "previous run\n"


@pytest.mark.parametrize(
    "args",
    [
        ["check", "{c}", "--format", "json", "-o", "{target}.json"],
        ["extract", "{c}", "-o", "{target}.parquet"],
        ["extract", "{c}", "-o", "{target}.csv"],
        ["baseline", "{c}", "-o", "{target}.json"],
        ["report", "{c}", "--html", "{target}.html"],
    ],
    ids=["check", "extract-parquet", "extract-csv", "baseline", "report"],
)
def test_a_failed_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """The rename that publishes the file fails: old content stays, no temp file is left."""
    corpus = agreeing(tmp_path / "c")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "result"
    argv = [a.format(c=corpus, target=target) for a in args]
    written = Path(argv[-1])
    written.write_bytes(b"old")
    real_replace = os.replace

    def failing_replace(src: object, dst: object) -> None:
        if Path(str(dst)).parent == out:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", failing_replace)
    result = run(argv, catch=True)
    monkeypatch.undo()
    assert result.exit_code != 0
    assert _leftovers(out) == [written.name]
    assert written.read_bytes() == b"old"


def test_an_unwritable_output_is_exit_2_with_a_message(tmp_path: Path) -> None:
    corpus = agreeing(tmp_path / "c")
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a folder is expected", encoding="utf-8")
    result = run(["check", corpus, "--format", "json", "-o", blocker / "r.json"], catch=True)
    assert result.exit_code == 2
    assert "not-a-dir" in result.stderr


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_extract_writes_the_format_of_the_extension(tmp_path: Path, suffix: str) -> None:
    corpus = agreeing(tmp_path / "c")
    target = tmp_path / "tables" / f"claims{suffix}"
    result = run(["extract", corpus, "-o", target])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0
    if suffix == ".parquet":
        assert target.read_bytes()[:4] == b"PAR1"
    elif suffix == ".jsonl":
        rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
        assert {r["slot"] for r in rows} >= {"hostages"}
    else:
        assert target.read_text(encoding="utf-8").startswith("id,")


def test_extract_refuses_an_unknown_extension(tmp_path: Path) -> None:
    corpus = agreeing(tmp_path / "c")
    result = run(["extract", corpus, "-o", tmp_path / "claims.xlsx"])
    assert result.exit_code == 2
    assert ".xlsx" in result.stderr
    assert not (tmp_path / "claims.xlsx").exists()


def test_baseline_writes_its_default_file_in_the_working_directory(tmp_path: Path) -> None:
    corpus = contradicting(tmp_path / "c")
    result = run(["baseline", corpus])
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "checker-baseline.json").read_text(encoding="utf-8"))
    assert doc["version"] == 1
    assert [e["slot"] for e in doc["findings"]] == ["hostages"]
    checked = run(["check", corpus, "--baseline", tmp_path / "checker-baseline.json"])
    assert checked.exit_code == 0, checked.output


def test_baseline_reason_is_stored(tmp_path: Path) -> None:
    corpus = contradicting(tmp_path / "c")
    result = run(["baseline", corpus, "-o", "b.json", "--reason", "checked with the desk"])
    assert result.exit_code == 0
    doc = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert {e["reason"] for e in doc["findings"]} == {"checked with the desk"}


def test_report_writes_html_where_asked(tmp_path: Path) -> None:
    corpus = contradicting(tmp_path / "c")
    target = tmp_path / "site" / "index.html"
    result = run(["report", corpus, "--html", target])
    assert result.exit_code == 0, result.output
    assert target.is_file()
    assert result.stdout == ""


def test_report_takes_a_previous_json_report(tmp_path: Path) -> None:
    before = agreeing(tmp_path / "c")
    run(["check", before, "--format", "json", "-o", tmp_path / "last.json"])
    shutil.rmtree(before)
    after = contradicting(tmp_path / "c")
    result = run(["report", after, "--html", tmp_path / "r.html", "--previous", "last.json"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r.html").is_file()


def test_report_refuses_a_previous_file_that_is_not_a_report(tmp_path: Path) -> None:
    corpus = agreeing(tmp_path / "c")
    (tmp_path / "last.json").write_text("nope", encoding="utf-8")
    result = run(["report", corpus, "--html", "r.html", "--previous", "last.json"])
    assert result.exit_code == 2
    assert "last.json" in result.stderr
    assert not (tmp_path / "r.html").exists()


# --- timeline -------------------------------------------------------------------------------


def test_timeline_prints_the_chosen_slot(tmp_path: Path) -> None:
    corpus = regressing(tmp_path / "c")
    result = run(["timeline", corpus, "--slot", "dead"])
    assert result.exit_code == 0, result.output
    assert "quake / dead" in result.stdout
    lines = result.stdout.splitlines()
    first = next(i for i, line in enumerate(lines) if "1,200" in line or "1200" in line)
    second = next(i for i, line in enumerate(lines) if "900" in line)
    assert first < second


def test_timeline_of_an_unknown_slot_exits_2(tmp_path: Path) -> None:
    corpus = regressing(tmp_path / "c")
    result = run(["timeline", corpus, "--slot", "unicorns"])
    assert result.exit_code == 2
    assert "unicorns" in result.stderr
    assert result.stdout == ""


@pytest.mark.slow
def test_timeline_of_hostages_on_the_bundled_dataset(tmp_path: Path) -> None:
    for folder in ("reports", "seeds"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    result = run(
        [
            "timeline",
            "reports/lima-1996",
            "seeds",
            "--slot",
            "hostages",
            "--config",
            ROOT / "pyproject.toml",
        ]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["lima-1996", "/", "hostages", "(level", "count)"]
    rows = [line.split() for line in lines[1:] if line.strip()]
    assert all(row[0][:2] == "19" for row in rows), "every row starts with its date"
    dates = [row[0] for row in rows]
    assert dates == sorted(dates)

    def figure(row: list[str]) -> str:
        return row[2] if row[1] in {"↓", "↑", "✗", "~"} else row[1]

    jan10 = [r for r in rows if r[0] == "1997-01-10"]
    assert [figure(r) for r in jan10] == ["74"]
    assert "000_0812fcdc0b19a89e" in " ".join(jan10[0]), "the seed is on the 74 row"
    first_74 = next(i for i, r in enumerate(rows) if figure(r) == "74")
    first_72 = next(i for i, r in enumerate(rows) if figure(r) == "72")
    assert first_74 < first_72
    assert rows[first_74][1] == "↓" and rows[first_72][1] == "↓", "both are falls, not conflicts"
    assert all(figure(r) not in {"74"} for r in rows[first_72:]), "74 never comes back"
