"""Configuration: found upwards like ruff's, every key and type checked, no tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.config import Config, ConfigError, config_from_mapping, find_config_file, load_config
from checker.records import Behaviour, FindingType, Severity

# raw [tool.checker] table -> words its error must hold
BAD: list[tuple[dict[str, object], list[str]]] = [
    ({"lexicon": {"nons": {"hostages": ["detainee"]}}}, ["tool.checker.lexicon.nons", "'nouns'"]),
    ({"ignore_slots": "home"}, ["tool.checker.ignore_slots", "list of strings", '["home"]']),
    ({"ignore_slots": ["home", 3]}, ["tool.checker.ignore_slots[1]", "string"]),
    ({"same_time_window_days": "two"}, ["tool.checker.same_time_window_days", "whole number"]),
    ({"same_time_window_days": -1}, ["at least 0"]),
    ({"same_time_window_days": True}, ["whole number"]),
    ({"fail_on": "eror"}, ["tool.checker.fail_on", "'error'"]),
    ({"fail_on_input_error": "no"}, ["tool.checker.fail_on_input_error", "true or false"]),
    ({"severtiy": {"stale": "info"}}, ["tool.checker.severtiy", "'severity'"]),
    ({"severity": {"stael": "info"}}, ["tool.checker.severity.stael", "'stale'"]),
    ({"severity": {"stale": "fatal"}}, ["tool.checker.severity.stale", "error, warning, info"]),
    ({"behaviour": {"hostages": "talley"}}, ["tool.checker.behaviour.hostages", "'tally'"]),
    ({"behaviour": ["hostages"]}, ["tool.checker.behaviour", "must be a table"]),
    ({"tolerance": {"dead": "10%"}}, ["tool.checker.tolerance.dead", "number"]),
    ({"tolerance": {"dead": -0.1}}, ["tool.checker.tolerance.dead", "from 0 up"]),
    ({"stories": {"seeds/*": 1996}}, ["tool.checker.stories.seeds/*", "string"]),
    ({"lexicon": {"nouns": {"hostages": [1]}}}, ["tool.checker.lexicon.nouns.hostages[0]"]),
    ({"lexicon": {"people": {"word": ["x"]}}}, ["tool.checker.lexicon.people.word", "'words'"]),
    ({"lexicon": {"slot_aliases": {"a.b": ["c"]}}}, ["tool.checker.lexicon.slot_aliases.a.b"]),
]


@pytest.mark.parametrize(("raw", "words"), BAD, ids=[str(raw) for raw, _ in BAD])
def test_every_bad_key_or_value_is_named(raw: dict[str, object], words: list[str]) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_mapping(raw, source="pyproject.toml", prefix="tool.checker")
    message = str(info.value)
    assert message.startswith("pyproject.toml: ")
    for word in words:
        assert word in message


def test_good_values_are_converted() -> None:
    config = config_from_mapping(
        {
            "ignore_slots": ["shots"],
            "same_time_window_days": 2,
            "fail_on": "warning",
            "fail_on_input_error": False,
            "severity": {"stale": "info"},
            "behaviour": {"hostages.released": "tally"},
            "tolerance": {"prisoners.demanded": 1},
            "lexicon": {"nouns": {"hostages": "detainee"}, "slot_aliases": {"a.b": "c.d"}},
        }
    )
    assert config.ignore_slots == ("shots",)
    assert config.same_time_window_days == 2
    assert config.fail_on == "warning" and config.fail_on_input_error is False
    assert config.severity == {FindingType.STALE: Severity.INFO}
    assert config.behaviour == {"hostages.released": Behaviour.TALLY}
    assert config.tolerance == {"prisoners.demanded": 1.0}
    assert config.lexicon == {
        "nouns": {"hostages": ("detainee",)},
        "slot_aliases": {"a.b": ("c.d",)},
    }


def test_the_config_is_found_in_a_folder_above(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\nfail_on = "warning"\n')
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n')  # no [tool.checker]
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config_file(deep) == tmp_path / "pyproject.toml"
    assert load_config(start=deep).fail_on == "warning"


def test_checker_toml_wins_in_the_same_folder_and_the_nearest_folder_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\nfail_on = "warning"\n')
    (tmp_path / "checker.toml").write_text('fail_on = "never"\n')
    assert load_config(start=tmp_path).fail_on == "never"
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.checker]\nsame_time_window_days = 3\n")
    config = load_config(start=inner)
    assert config.same_time_window_days == 3 and config.fail_on == "error"


def test_no_config_anywhere_is_the_defaults(tmp_path: Path) -> None:
    if find_config_file(tmp_path) is not None:
        pytest.skip("a config file above the temporary folder")
    assert load_config(start=tmp_path) == Config()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[tool.checker.lexicon.nons]\nhostages = ['detainee']\n", "did you mean 'nouns'?"),
        ("[tool.checker]\nignore_slots = 'home'\n", "must be a list of strings"),
        ("[tool.checker]\nsame_time_window_days = 'two'\n", "must be a whole number"),
        ("[tool.checker\n", "not valid TOML"),
    ],
)
def test_a_bad_config_is_exit_2_with_one_line_and_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, words: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("Rebels hold 74 hostages.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub")  # found upwards
    result = CliRunner().invoke(main, ["check", "a.md"], catch_exceptions=False)
    assert result.exit_code == 2
    assert words in result.stderr
    assert "Traceback" not in result.output
    assert result.stderr.count("\n") == 1
