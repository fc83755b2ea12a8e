"""The library API in checker/__init__.py: check, quantities, claims, dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import checker
from checker.records import CountValue, DateValue, PublishedBasis, Qualifier, Report

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_0812fcdc0b19a89e.txt"

pytestmark = pytest.mark.slow


def test_quantities_gives_interval_qualifier_and_counted_noun() -> None:
    text = (
        "The compound was stormed by about 20 Tupac Amaru Revolutionary Movement, or MRTA, rebels."
    )
    (q,) = checker.quantities(text)
    assert (q.low, q.high, q.qualifier) == (15, 25, Qualifier.ABOUT)
    assert text[q.start : q.end] == q.text == "about 20"
    assert q.noun == "rebel"


def test_quantities_converts_units_and_keeps_the_original() -> None:
    metres, feet = checker.quantities("a tunnel of 700 meters, or about 2,300 feet")
    assert metres.unit == feet.unit == "m"
    assert feet.original_low is not None and feet.low is not None and feet.high is not None
    assert feet.low <= 701.04 <= feet.high + 40  # about 2,300 ft is roughly 700 m
    assert abs((metres.low or 0) - 700) < 1e-9


def test_claims_resolve_against_the_publication_date() -> None:
    found = checker.claims(
        "The rebels, who stormed the residence 24 days ago, still hold 74 hostages.",
        published=dt.date(1997, 1, 10),
    )
    by_slot = {c.slot: c for c in found}
    assert by_slot["hostages"].value == CountValue(74, 74)
    assert by_slot["hostages"].as_of == dt.date(1997, 1, 10)
    assert by_slot["attack.date"].value == DateValue(dt.date(1996, 12, 17), dt.date(1996, 12, 17))


def test_claims_of_the_seed_alone_leave_its_year_open() -> None:
    found = checker.claims(SEED.read_text(encoding="utf-8"))
    hostages = [c for c in found if c.slot == "hostages"]
    assert hostages and hostages[0].as_of is None  # the seed's own year cannot be fixed


def test_dates_resolve_weekdays_and_relative_days() -> None:
    mentions = checker.dates("stormed 24 days ago; shots early Friday", dt.date(1997, 1, 10))
    assert [(m.text, m.start_date) for m in mentions] == [
        ("24 days ago", dt.date(1996, 12, 17)),
        ("early Friday", dt.date(1997, 1, 10)),
    ]


def test_check_runs_the_whole_pipeline() -> None:
    report = checker.check([SEED], use_cache=False)
    assert isinstance(report, Report)
    (article,) = report.articles
    assert article.published_basis is PublishedBasis.INFERRED
    assert dt.date(1997, 1, 10) in article.published_candidates


PART_A = """---
source: Harbour Light Gazette
published: 2010-05-05
---
ATHENS -- Three people died when a bank was set on fire during a protest on Wednesday.
"""
PART_B = """---
source: Meridian Daily
published: 2010-05-05
---
ATHENS -- Police said two women and one man died in the burning bank on Wednesday.
"""
PART_C = """---
source: Coastal Times
published: 2010-05-05
---
ATHENS -- Officials said three women and one man died in the burning bank on Wednesday.
"""


def test_a_part_is_compared_with_the_same_part_never_with_the_total(tmp_path: Path) -> None:
    story = tmp_path / "athens"
    story.mkdir()
    (story / "a.md").write_text(PART_A, encoding="utf-8")
    (story / "b.md").write_text(PART_B, encoding="utf-8")
    report = checker.check([story])
    assert [c.group for c in report.claims if c.slot == "dead"] == [None, "woman", "man"]
    assert report.findings == ()  # 2 women and 1 man do not contradict 3 people
    (story / "c.md").write_text(PART_C, encoding="utf-8")
    report = checker.check([story])
    assert [(f.type.value, f.slot) for f in report.findings] == [("contradiction", "dead/woman")]


def _quake_report(source: str, sentence: str) -> str:
    return f"---\nsource: {source}\npublished: 2023-02-07\n---\nANTAKYA -- {sentence}\n"


def test_a_group_of_the_dead_is_compared_with_the_same_group_never_with_the_toll(
    tmp_path: Path,
) -> None:
    story = tmp_path / "quake"
    story.mkdir()
    (story / "a.md").write_text(
        _quake_report("Harbour Light Gazette", "The quake killed 300 people on Monday."), "utf-8"
    )
    (story / "b.md").write_text(
        _quake_report("Meridian Daily", "Twelve children were killed on Monday."), "utf-8"
    )
    report = checker.check([story])
    assert [(c.frame, c.group) for c in report.claims if c.slot == "dead"] == [
        ("killed", None),
        ("killed", "child"),
    ]
    assert report.findings == ()  # 12 children are not a toll of 12
    (story / "c.md").write_text(
        _quake_report("Coastal Times", "Fifteen children were killed on Monday."), "utf-8"
    )
    report = checker.check([story])
    assert [(f.type.value, f.slot) for f in report.findings] == [("contradiction", "dead/child")]


def test_ages_of_one_named_person_disagree_at_most_as_a_warning(tmp_path: Path) -> None:
    story = tmp_path / "climb"
    story.mkdir()
    sentences = {
        "a.md": ("Harbour Light Gazette", "Climber Robert Buckley, 32, fell to his death."),
        "b.md": ("Meridian Daily", "A 32-year-old climber, Robert Buckley, died on the ridge."),
        "c.md": ("Coastal Times", "Robert Buckley, 31, died on Saturday."),
        "d.md": ("Alpine Post", "A 63-year-old woman and a 40-year-old man were rescued."),
    }
    for name, (source, sentence) in sentences.items():
        (story / name).write_text(
            f"---\nsource: {source}\npublished: 2013-09-15\n---\nMOUNT COOK -- {sentence}\n",
            "utf-8",
        )
    report = checker.check([story])
    found = [(f.type.value, f.severity.value, f.slot) for f in report.findings]
    assert found == [("contradiction", "warning", "age/robert buckley")]
    assert "birthday" in report.findings[0].message


def test_a_figure_with_a_unit_and_nothing_it_measures_is_kept_not_compared(
    tmp_path: Path,
) -> None:
    story = tmp_path / "heist"
    story.mkdir()
    for name, source, sentence in (
        ("a.md", "Harbour Light Gazette", "Thieves grabbed jewels worth two million euros."),
        ("b.md", "Meridian Daily", "Police said the gang had stolen some 60,000 euros."),
    ):
        (story / name).write_text(
            f"---\nsource: {source}\npublished: 2013-09-09\n---\nPARIS -- {sentence}\n", "utf-8"
        )
    report = checker.check([story])
    assert {c.slot for c in report.claims if c.unit == "EUR"} == {"amount"}
    assert report.findings == ()


BODIES_A = """---
source: Daily Beacon
published: 2013-04-25
---
SAVAR -- Police said 161 people died when the factory building collapsed.
"""
BODIES_B = """---
source: World Desk Radio
published: 2013-04-25
---
SAVAR -- The army says 149 bodies have been recovered so far from the collapsed building.
"""
CRASH_A = """---
source: HWS
published: 2014-07-21
---
KIEV -- The jet was shot down on Thursday. It carried 283 passengers and 15 crew.
All 298 people aboard were killed.
"""
CRASH_B = """---
source: Lowlands Gazette
published: 2014-07-21
---
DONETSK -- Rebels said 251 bodies had been recovered from the crash site.
"""


def test_bodies_recovered_are_the_toll_unless_a_manifest_counts_the_dead(tmp_path: Path) -> None:
    collapse = tmp_path / "collapse"
    collapse.mkdir()
    (collapse / "a.md").write_text(BODIES_A, encoding="utf-8")
    (collapse / "b.md").write_text(BODIES_B, encoding="utf-8")
    findings = checker.check([collapse]).findings
    assert [(f.type.value, f.slot) for f in findings] == [("contradiction", "dead")]
    crash = tmp_path / "crash"
    crash.mkdir()
    (crash / "a.md").write_text(CRASH_A, encoding="utf-8")
    (crash / "b.md").write_text(CRASH_B, encoding="utf-8")
    report = checker.check([crash])
    assert [f for f in report.findings if f.slot in ("dead", "bodies")] == []
    # in a crash the dead died in it: their figure holds on the crash's day
    assert [c.as_of for c in report.claims if c.slot == "dead"] == [dt.date(2014, 7, 17)]


HOSTAGES = """---
source: {source}
published: 1996-12-23
---
LIMA, Peru -- The Tupac Amaru rebels were holding {n} hostages in the Japanese ambassador's
residence on Monday, police said.
"""


def _two_reports(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "a.md").write_text(HOSTAGES.format(source="A", n=103), encoding="utf-8")
    (folder / "b.md").write_text(HOSTAGES.format(source="B", n=250), encoding="utf-8")
    return folder


def test_report_claim_and_config_are_exported() -> None:
    for name in ("Report", "Claim", "Finding", "Article", "InputError", "Config", "render_report"):
        assert name in checker.__all__ and hasattr(checker, name)
    assert checker.Report is Report


def test_check_reads_the_config_the_cli_would_and_uses_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = _two_reports(tmp_path / "data" / "lima")
    monkeypatch.chdir(tmp_path / "data")
    assert [f.slot for f in checker.check(["lima"]).findings] == ["hostages"]
    assert (tmp_path / "data" / ".checker-cache").is_dir()  # beside the data, as the CLI
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\nignore_slots = ["hostages"]\n')
    assert checker.check(["lima"]).findings == ()  # found one folder up, as the CLI does
    explicit = tmp_path / "other.toml"
    explicit.write_text("")
    assert len(checker.check([story], config=explicit).findings) == 1
    assert len(checker.check([story], config=checker.Config()).findings) == 1


def test_a_warm_cached_check_gives_the_same_report(tmp_path: Path) -> None:
    story = _two_reports(tmp_path / "lima")
    cache = tmp_path / "cache"
    cold = checker.check(story, config=checker.Config(), cache_dir=cache)
    assert any(cache.iterdir())
    warm = checker.check(story, config=checker.Config(), cache_dir=cache)
    uncached = checker.check(story, config=checker.Config(), use_cache=False)
    assert checker.render_report(warm, "json") == checker.render_report(cold, "json")
    assert checker.render_report(uncached, "json") == checker.render_report(cold, "json")


def test_a_bad_config_raises_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "checker.toml"
    bad.write_text("ignore_slots = 'home'\n")
    with pytest.raises(checker.ConfigError, match="must be a list of strings"):
        checker.check([tmp_path], config=bad)
