"""A story's own checker.toml: found beside its reports, applied to that story only."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Config, ConfigError, load_story_config, with_story
from checker.corpus import read_corpus, story_config_files

REPORT = """---
title: Siege day two
published: 1996-12-19
---
The group demanded freedom for 400 jailed comrades on Thursday.
"""


def _corpus(tmp_path: Path, story_toml: str | None) -> Path:
    root = tmp_path / "reports"
    for story in ("siege", "other"):
        (root / story).mkdir(parents=True)
        (root / story / "1996-12-19-wire.md").write_text(REPORT, encoding="utf-8")
    if story_toml is not None:
        (root / "siege" / "checker.toml").write_text(story_toml, encoding="utf-8")
    return root


STORY_TOML = '[lexicon.nouns]\nprisoners = ["jailed comrade", "comrade"]\n'


def test_a_story_config_is_not_read_as_a_report(tmp_path: Path) -> None:
    root = _corpus(tmp_path, STORY_TOML)
    corpus = read_corpus([root])
    assert corpus.errors == ()
    assert sorted(a.id for a in corpus.articles) == [
        "other/1996-12-19-wire",
        "siege/1996-12-19-wire",
    ]


def test_story_configs_are_found_under_the_corpus_and_in_the_story_folder(tmp_path: Path) -> None:
    root = _corpus(tmp_path, STORY_TOML)
    expected = root / "siege" / "checker.toml"
    assert story_config_files([root]) == {"siege": expected}
    assert story_config_files([root / "siege"]) == {"siege": expected}
    assert story_config_files([root / "other", root / "other" / "1996-12-19-wire.md"]) == {}


def test_with_story_adds_vocabulary_and_overrides_behaviour(tmp_path: Path) -> None:
    path = tmp_path / "checker.toml"
    path.write_text(
        STORY_TOML + '[behaviour]\n"prisoners.demanded" = "level"\nignore_slots = ["shots"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError):  # ignore_slots landed inside [behaviour]: not a behaviour
        load_story_config(path)
    path.write_text(
        'ignore_slots = ["shots"]\n' + STORY_TOML + '[behaviour]\n"prisoners.demanded" = "level"\n',
        encoding="utf-8",
    )
    base = Config(lexicon={"nouns": {"prisoners": ("inmate",)}}, ignore_slots=("side",))
    merged = with_story(base, load_story_config(path))
    assert merged.lexicon["nouns"]["prisoners"] == ("inmate", "jailed comrade", "comrade")
    assert merged.behaviour["prisoners.demanded"].value == "level"
    assert merged.ignore_slots == ("side", "shots")
    assert base.lexicon["nouns"]["prisoners"] == ("inmate",)


def test_run_wide_keys_are_refused_in_a_story_config(tmp_path: Path) -> None:
    path = tmp_path / "checker.toml"
    path.write_text('fail_on = "warning"\n[stories]\n"x/*" = "y"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="fail_on, stories cannot be set for one story"):
        load_story_config(path)


@pytest.mark.slow
def test_the_vocabulary_applies_to_its_story_only(tmp_path: Path) -> None:
    from checker.pipeline import check

    root = _corpus(tmp_path, STORY_TOML)
    report = check([root])
    slots = {(c.story, c.slot) for c in report.claims if c.quote.startswith("400")}
    assert ("siege", "prisoners.demanded") in slots
    assert not any(story == "other" and slot.startswith("prisoners") for story, slot in slots)


@pytest.mark.slow
def test_a_broken_story_config_is_reported_and_the_story_still_checked(tmp_path: Path) -> None:
    from checker.pipeline import check

    root = _corpus(tmp_path, "[lexicon.nouns\n")
    report = check([root])
    assert [e.path for e in report.errors] == [(root / "siege" / "checker.toml").as_posix()]
    assert {a.story for a in report.articles} == {"siege", "other"}
    assert {c.story for c in report.claims if c.quote.startswith("400")} == {"siege", "other"}


def test_only_counts_the_lexicon_can_name_are_compared() -> None:
    from checker.slots import load_lexicon

    lexicon = load_lexicon()
    assert lexicon.is_comparable_count("hostages")
    assert lexicon.is_comparable_count("miner.killed")
    assert lexicon.is_comparable_count("crew.killed")
    # "27 Australians": people of one nationality, compared only with what befell them
    assert lexicon.is_comparable_count("people.aboard")
    assert lexicon.is_comparable_count("boat.arrested")
    assert not lexicon.is_comparable_count("boat")
    assert not lexicon.is_comparable_count("round")
    assert not lexicon.is_comparable_count("village.seen")
    # "298 people", "two people shot": of whom, and what happened to them? Kept, not compared
    assert "people" in lexicon.doubtful_slots
    assert not lexicon.is_comparable_count("people")
    assert not lexicon.is_comparable_count("people.shot")
    assert lexicon.is_comparable_count("people.killed")
    assert not lexicon.is_comparable_count("bullet.deployed")  # "two bullets struck his leg"
    assert lexicon.is_comparable_count("soldiers.deployed")


BUNDLED_STORIES = ("beslan-2004", "grenfell-2017", "lima-1996", "mh17-2014", "rana-plaza-2013")


@pytest.mark.slow
@pytest.mark.parametrize("story", BUNDLED_STORIES)
def test_a_bundled_story_alone_gives_the_findings_it_gives_among_the_others(
    story: str, bundled_report: object
) -> None:
    """No story leans on another's configuration (only Lima has one): checked alone,
    with the project's settings, each story raises exactly the findings it raises
    in the whole bundled run (the seed report is Lima's too)."""
    import os

    from checker.config import load_config
    from checker.pipeline import check

    root = Path(__file__).resolve().parent.parent
    cwd = os.getcwd()
    os.chdir(root)
    try:
        inputs = [f"reports/{story}", *(["seeds"] if story == "lima-1996" else [])]
        alone = check(inputs, config=load_config(root / "pyproject.toml"))
    finally:
        os.chdir(cwd)
    together = _findings(bundled_report, story)
    assert together, f"{story} raises no finding at all"
    assert _findings(alone, story) == together


def _findings(report: object, story: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """Each finding as what it says (ids and report ids hang on the input root)."""
    from checker.records import Report

    assert isinstance(report, Report)
    quotes = {c.id: c.quote for c in report.claims}
    return sorted(
        (f.type.value, f.severity.value, f.slot, tuple(sorted(quotes[i] for i in f.claim_ids)))
        for f in report.findings
        if f.story == story
    )
