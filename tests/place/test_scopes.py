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
