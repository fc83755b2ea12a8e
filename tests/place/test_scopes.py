"""Which places are the story's own, and what a count of another place is compared with."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.place.scopes import part_scope, story_places
from checker.records import Article, Claim
from tests.factories import article, count_claim

DAY = dt.date(2005, 11, 27)


def _reports(story: str, texts: list[str]) -> list[Article]:
    return [
        replace(article(f"{story}/{n}", DAY, story=story), text=text)
        for n, text in enumerate(texts)
    ]


def _count(story: str, value: int, scope: str) -> Claim:
    return replace(count_claim(f"{story}/0", "dead", value, as_of=DAY, story=story), scope=scope)


def test_a_place_most_reports_name_is_the_story_s_own() -> None:
    articles = _reports(
        "q",
        [
            "A quake hit Qeshm island. Three died in Tabl.",
            "The Qeshm quake killed ten.",
            "Rescuers reached Qeshm.",
        ],
    )
    island, village = _count("q", 10, "Qeshm"), _count("q", 3, "Tabl")
    own = story_places([island, village], articles)
    assert own == {"q": frozenset({"Qeshm"})}
    assert part_scope(island, own["q"]) is None
    assert part_scope(village, own["q"]) == "Tabl"


def test_of_two_places_most_reports_name_only_the_most_named_is_the_story_s_own() -> None:
    articles = _reports(
        "g",
        [
            "Protesters filled Athens. The rioting spread to Thessaloniki.",
            "In Athens, 30,000 marched; 20,000 marched in Thessaloniki.",
            "Three died in a bank in Athens.",
        ],
    )
    capital, second = _count("g", 30000, "Athens"), _count("g", 20000, "Thessaloniki")
    own = story_places([capital, second], articles)
    assert own == {"g": frozenset({"Athens"})}
    assert part_scope(second, own["g"]) == "Thessaloniki"
