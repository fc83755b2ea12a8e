"""Placement: figures about another happening than the story's are background."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.place import first_report_days, place_background
from tests.factories import article, count_claim, date_claim

START = dt.date(2013, 4, 24)
ARTICLES = [
    article("rana/a", START, story="rana"),
    article("rana/b", dt.date(2014, 4, 24), story="rana"),
]


def _said(sentence: str, quote: str, article_id: str = "rana/b") -> object:
    claim = count_claim(article_id, "dead", 112, as_of=START, story="rana", quote=quote)
    return replace(claim, sentence=sentence)


def _events(*claims: object) -> list[str]:
    return [c.event for c in place_background(claims, ARTICLES, {"rana": [2013, 2014]})]  # type: ignore[arg-type]


def test_the_story_starts_with_its_first_report() -> None:
    assert first_report_days(ARTICLES) == {"rana": START}


def test_a_toll_dated_before_the_story_is_background() -> None:
    earlier = _said(
        "The fire at the Tazreen factory on Nov. 24, 2012 killed 112 people.", "112 people"
    )
    last_year = _said("Last year's fire killed 112 people.", "112 people", "rana/a")
    assert _events(earlier, last_year) == ["background", "background"]


def test_the_story_own_day_named_in_a_retrospective_is_main() -> None:
    claim = _said("The building fell on April 24, 2013, killing 1,134 people.", "1,134 people")
    assert _events(claim) == ["main"]


def test_a_date_that_measures_against_the_past_does_not_date_the_figure() -> None:
    since = _said("It killed 1,134 people, the deadliest since the 1987 fire.", "1,134 people")
    than = _said("More than 1,134 died, more than in 2005, officials said.", "1,134")
    weekday = _said("On Sunday 300 people were still missing.", "300 people", "rana/a")
    assert _events(since, than, weekday) == ["main", "main", "main"]


def test_the_nearest_date_decides_within_a_sentence() -> None:
    claim = _said(
        "In 2005 a factory collapse killed 64, and on Wednesday 87 people died here.", "87 people"
    )
    assert _events(claim) == ["main"]


def test_a_date_claim_long_before_the_story_is_background() -> None:
    old = date_claim("rana/b", "attack.date", dt.date(2012, 11, 24), story="rana")
    own = date_claim("rana/b", "attack.date", dt.date(2013, 4, 23), story="rana")
    assert _events(old, own) == ["background", "main"]


def test_years_after_another_happening_makes_its_figure_background() -> None:
    other = _said(
        "It struck almost two years after Bam was flattened by a quake that killed 26,000.",
        "26,000",
        "rana/a",
    )
    anniversary = _said(
        "A year after the building fell and killed 1,134 people, survivors marched.",
        "1,134 people",
    )
    before_it = _said("Some 1,134 people died, two years after the inspection.", "1,134 people")
    assert _events(other, anniversary, before_it) == ["background", "main", "main"]
