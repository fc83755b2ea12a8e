"""Which places are the story's own, and what a count of another place is compared with."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.place.scopes import part_scope, story_places
from tests.factories import article, count_claim

DAY = dt.date(2005, 11, 27)


def test_a_place_most_reports_name_is_the_story_s_own() -> None:
    articles = [
        replace(article(f"q/{n}", DAY, story="q"), text=text)
        for n, text in enumerate(
            [
                "A quake hit Qeshm island. Three died in Tabl.",
                "The Qeshm quake killed ten.",
                "Rescuers reached Qeshm.",
            ]
        )
    ]
    island = replace(count_claim("q/0", "dead", 10, as_of=DAY, story="q"), scope="Qeshm")
    village = replace(count_claim("q/0", "dead", 3, as_of=DAY, story="q"), scope="Tabl")
    own = story_places([island, village], articles)
    assert own == {"q": frozenset({"Qeshm"})}
    assert part_scope(island, own["q"]) is None
    assert part_scope(village, own["q"]) == "Tabl"


def test_of_two_places_most_reports_name_only_the_most_named_is_the_story_s_own() -> None:
    articles = [
        replace(article(f"g/{n}", DAY, story="g"), text=text)
        for n, text in enumerate(
            [
                "Protesters filled Athens. The rioting spread to Thessaloniki.",
                "In Athens, 30,000 marched; 20,000 marched in Thessaloniki.",
                "Three died in a bank in Athens.",
            ]
        )
    ]
    capital = replace(count_claim("g/1", "people", 30000, as_of=DAY, story="g"), scope="Athens")
    second = replace(
        count_claim("g/1", "people", 20000, as_of=DAY, story="g"), scope="Thessaloniki"
    )
    own = story_places([capital, second], articles)
    assert own == {"g": frozenset({"Athens"})}
    assert part_scope(second, own["g"]) == "Thessaloniki"
