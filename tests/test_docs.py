"""The README, the CI entry point and the CI recipes say what the tool does.

- The Quickstart is exactly ``make run`` and ``make test``; ``.ci/run`` runs ``make test``.
- Every CLI command is in the README, and every ``checker ...`` line of the
  README and of the CI recipes parses with the real CLI (no stale option).
- ``docs/ci/github-actions.yml`` and ``.pre-commit-hooks.yaml`` are well formed.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
WORKFLOW = ROOT / "docs" / "ci" / "github-actions.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def readme() -> str:
    return README.read_text(encoding="utf-8")


def section(text: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def code_blocks(text: str, lang: str = "sh") -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", text, re.M | re.S)


def commands(block: str) -> list[str]:
    """Command lines of a shell block, comments and blank lines dropped."""
    out = []
    for line in block.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def test_quickstart_is_exactly_make_run_and_make_test() -> None:
    blocks = code_blocks(section(readme(), "Quickstart"))
    assert len(blocks) == 1
    assert commands(blocks[0]) == ["make run", "make test"]


def test_makefile_has_the_quickstart_targets() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("run", "test"):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_ci_runs_make_test() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!")
    assert "make test" in commands(script)
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111, ".ci/run must be executable"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_in_the_readme(name: str) -> None:
    assert re.search(rf"\bchecker {re.escape(name)}\b", readme()), name


def test_readme_mentions_the_module_entry_point_and_exit_codes() -> None:
    text = readme()
    assert "python -m checker" in text
    for code in ("`0`", "`1`", "`2`"):
        assert code in text


def parse(line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse a ``checker ...`` command line with the real CLI, without running it.

    Files that options require to exist (a baseline, a previous report) are
    created empty in ``tmp_path``, the working directory.
    """
    monkeypatch.chdir(tmp_path)
    args = shlex.split(line)
    assert args[0] == "checker", line
    name, rest = args[1], args[2:]
    assert name in main.commands, line
    command = main.commands[name]
    ctx = click.Context(main, info_name="checker")
    for option in command.params:
        if isinstance(option, click.Option) and getattr(option.type, "exists", False):
            for flag in option.opts:
                if flag in rest:
                    value = Path(rest[rest.index(flag) + 1])
                    value.parent.mkdir(parents=True, exist_ok=True)
                    value.touch()
    with command.make_context(name, rest, parent=ctx) as sub:
        assert sub.params


def readme_command_lines() -> list[str]:
    lines = []
    for block in code_blocks(readme()):
        lines.extend(c for c in commands(block) if c.startswith("checker "))
    return lines


@pytest.mark.parametrize("line", readme_command_lines())
def test_readme_command_lines_parse(
    line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse(line, tmp_path, monkeypatch)


def test_readme_shows_every_command() -> None:
    shown = {shlex.split(line)[1] for line in readme_command_lines()}
    assert shown == set(main.commands)


# --- the CI recipes --------------------------------------------------------------------------


def workflow() -> dict[Any, Any]:
    doc: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return doc


def steps() -> list[dict[str, Any]]:
    jobs = workflow()["jobs"]
    assert len(jobs) == 1
    (job,) = jobs.values()
    result: list[dict[str, Any]] = job["steps"]
    return result


def workflow_command_lines() -> list[str]:
    lines = []
    for step in steps():
        for line in str(step.get("run", "")).splitlines():
            if line.strip().startswith("checker "):
                lines.append(line.strip())
    return lines


def test_workflow_triggers_and_permissions() -> None:
    doc = workflow()
    triggers = doc.get("on", doc.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "pull_request"} <= set(triggers)
    assert doc["permissions"]["security-events"] == "write"


def test_workflow_steps() -> None:
    uses = [s.get("uses", "") for s in steps()]
    assert uses[0].startswith("actions/checkout@")
    setup = next(s for s in steps() if s.get("uses", "").startswith("actions/setup-python@"))
    assert str(setup["with"]["python-version"]) == "3.11"
    cached = {s["with"]["path"] for s in steps() if s.get("uses", "").startswith("actions/cache@")}
    assert cached == {".venv", ".checker-cache"}
    install = next(s for s in steps() if "pip install" in s.get("run", ""))
    assert "pip install" in install["run"]
    upload = next(s for s in steps() if "upload-sarif" in s.get("uses", ""))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "checker.sarif"
    assert "!cancelled()" in upload["if"]
    artifact = next(s for s in steps() if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert artifact["with"]["path"].endswith(".xml")


def test_workflow_runs_checker_once_for_every_output() -> None:
    (line,) = workflow_command_lines()
    args = shlex.split(line)
    assert args[:3] == ["checker", "check", "reports/"]
    assert args[args.index("--format") + 1] == "github"  # annotations and the step summary
    writes = [args[i + 1] for i, a in enumerate(args) if a == "--write"]
    assert writes == ["sarif=checker.sarif", "junit=checker-junit.xml"]
    assert args[args.index("--baseline") + 1] == "checker-baseline.json"
    gate = next(s for s in steps() if "checker check" in s.get("run", ""))
    assert "continue-on-error" not in gate, "the check step decides whether the job fails"
    after = steps()[steps().index(gate) + 1 :]
    assert after and all("!cancelled()" in s["if"] for s in after), "uploads run after a failure"


def test_workflow_uses_upload_sarif_v4_and_cache_keys_any_dataset_repo_has() -> None:
    upload = next(s for s in steps() if "upload-sarif" in s.get("uses", ""))
    assert upload["uses"] == "github/codeql-action/upload-sarif@v4"
    keys = [s["with"]["key"] for s in steps() if s.get("uses", "").startswith("actions/cache@")]
    for key in keys:  # no lock file or pyproject.toml of checker's own
        for name in re.findall(r"hashFiles\(([^)]*)\)", key):
            assert "pyproject" not in name and "requirements" not in name, key
    venv_key = next(k for k in keys if "venv" in k)
    assert "env.CHECKER_SPEC" in venv_key
    assert "news-consistency-checker==" in workflow()["env"]["CHECKER_SPEC"]


@pytest.mark.parametrize("line", workflow_command_lines())
def test_workflow_command_lines_parse(
    line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse(line, tmp_path, monkeypatch)


def hooks() -> list[dict[str, Any]]:
    doc: list[dict[str, Any]] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return doc


def test_pre_commit_hook() -> None:
    (hook,) = hooks()
    assert hook["id"] == "checker"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    assert hook["require_serial"] is True, "all changed reports must be compared in one run"
    assert hook["entry"].split()[:2] == ["checker", "check"]
    assert "--fail-on error" in hook["entry"]
    files = re.compile(hook["files"])
    for name in ("a.md", "r/b.txt", "feed.jsonl", "t.csv", "t.parquet", "page.html"):
        assert files.search(name), name
    for name in ("a.py", "image.png", "a.md.bak", "notes.docx"):
        assert not files.search(name), name


def test_pre_commit_hook_entry_parses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (hook,) = hooks()
    parse(hook["entry"] + " reports/a.md reports/b.md", tmp_path, monkeypatch)
    # With the arguments the file's comment recommends.
    recommended = " --baseline checker-baseline.json reports/"
    parse(hook["entry"] + recommended + " reports/a.md", tmp_path, monkeypatch)


def test_pre_commit_entry_point_is_installed() -> None:
    """``language: python`` installs the package; its ``checker`` script must exist."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^checker = "checker\.cli:main"$', pyproject, re.M)


def test_readme_has_an_install_section_with_the_distribution_name() -> None:
    install = section(readme(), "Install")
    assert "pip install news-consistency-checker" in install
    assert "requirements.lock" in install and "LICENSE" in install


def test_readme_has_a_table_of_exit_codes_and_one_of_formats() -> None:
    from checker.render import Format

    using = section(readme(), "Using it")
    codes = re.findall(r"^\| `(\d)` \|", using, re.M)
    assert codes == ["0", "1", "2"]
    formats = re.findall(r"^\| `([a-z]+)`(?: \(default\))? \|", using, re.M)
    assert sorted(formats) == sorted(f.value for f in Format)


def test_readme_documents_every_config_key() -> None:
    from checker.config_schema import TOP_KEYS

    table = section(readme(), "Configuration")
    for key in TOP_KEYS:
        assert f"| `{key}" in table, key
