"""Another flight's figures are another happening's."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.place.happenings import BACKGROUND, place_background
from checker.place.vehicles import flight_codes, names_another_flight, story_flights
from checker.records import Article
from tests.factories import article, count_claim

DAY = dt.date(2014, 7, 18)


def _reports(texts: list[str]) -> list[Article]:
    return [replace(article(f"m/{n}", DAY, story="m"), text=text) for n, text in enumerate(texts)]


def test_flight_codes_are_read_with_or_without_a_space() -> None:
    assert flight_codes("Flight MH 17 and MH370, not the A320 or CN-235") == {"MH17", "MH370"}


def test_the_flight_most_reports_name_is_the_story_s() -> None:
    reports = _reports(["MH17 was shot down.", "MH17 fell. MH370 vanished.", "The jet MH17."])
    own = story_flights(reports)["m"]
    assert own == {"MH17"}
    assert names_another_flight("Its flight MH370 vanished with 239 people on board.", own)
    assert not names_another_flight("MH17 and MH370 were both Boeing 777s.", own)
    assert not names_another_flight("The jet carried 298 people.", own)
    assert not names_another_flight("Flight BA38 landed short.", frozenset())


def test_a_figure_of_another_flight_is_background() -> None:
    reports = _reports(["MH17 was shot down.", "MH17 fell.", "MH17 debris."])
    sentence = "Its flight MH370 vanished with 239 people on board."
    other = replace(
        count_claim("m/0", "people.aboard", 239, as_of=DAY, story="m"),
        sentence=sentence,
        quote="239 people",
    )
    (placed,) = place_background([other], reports, {"m": [2014]})
    assert placed.event == BACKGROUND
