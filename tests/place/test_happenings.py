"""Placement: figures about another happening than the story's are background."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from checker.place.happenings import (
    consensus_day,
    first_report_days,
    place_attackers,
    place_background,
    place_durations,
    place_event_facts,
    place_hostages,
    place_introduced_happenings,
    place_other_onsets,
    story_onsets,
)
from checker.records import AsOfBasis, Kind
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


FIXED = frozenset({"people.aboard", "floors", "rebels", "prisoners.demanded"})
CRASH = dt.date(2014, 7, 17)


def _placed(*claims: object, published: dt.date = dt.date(2014, 7, 20)) -> list[object]:
    onsets = story_onsets(claims)  # type: ignore[arg-type]
    return [
        (c.slot, c.as_of, c.as_of_basis)
        for c in place_event_facts(
            claims,  # type: ignore[arg-type]
            onsets,
            {"mh17/a": published},
            FIXED.__contains__,
        )
        if c.kind.value != "date"
    ]


def test_the_onset_is_the_most_reported_attack_or_disaster_day() -> None:
    crash = [date_claim(f"mh17/{i}", "attack.date", CRASH, story="mh17") for i in "abc"]
    other = date_claim("mh17/d", "incident.date", dt.date(2014, 7, 18), story="mh17")
    rescue = date_claim("mh17/e", "rescue.date", dt.date(2014, 7, 10), story="mh17")
    assert story_onsets([*crash, other, rescue]) == {"mh17": CRASH}


def test_a_fixed_fact_of_the_setting_holds_on_the_onset_day() -> None:
    crash = date_claim("mh17/b", "attack.date", CRASH, story="mh17")
    aboard = count_claim("mh17/a", "people.aboard", 298, as_of=dt.date(2014, 7, 20), story="mh17")
    assert _placed(crash, aboard) == [("people.aboard", CRASH, "story_onset")]


def test_levels_actors_and_demands_keep_the_report_day() -> None:
    day = dt.date(2014, 7, 20)
    crash = date_claim("mh17/b", "attack.date", CRASH, story="mh17")
    missing = count_claim("mh17/a", "people.missing", 2, as_of=day, story="mh17")
    rebels = count_claim("mh17/a", "rebels", 14, as_of=day, story="mh17")
    demanded = count_claim("mh17/a", "prisoners.demanded", 400, as_of=day, story="mh17")
    assert [as_of for _, as_of, _ in _placed(crash, missing, rebels, demanded)] == [day] * 3


def test_a_report_before_the_onset_or_a_figure_dated_in_its_clause_is_left_alone() -> None:
    crash = date_claim("mh17/b", "attack.date", CRASH, story="mh17")
    early = count_claim("mh17/a", "floors", 24, as_of=dt.date(2014, 7, 16), story="mh17")
    dated = replace(
        count_claim("mh17/a", "people.aboard", 295, as_of=dt.date(2014, 7, 18), story="mh17"),
        as_of_basis=AsOfBasis.EVENT,
    )
    assert _placed(crash, early, published=dt.date(2014, 7, 16)) == [
        ("floors", dt.date(2014, 7, 16), "published")
    ]
    assert _placed(crash, dated) == [("people.aboard", dt.date(2014, 7, 18), "event")]


def test_a_happening_weeks_before_the_story_began_is_background() -> None:
    fortnight = dt.date(2013, 5, 8)
    articles = [*ARTICLES, article("rana/c", fortnight, story="rana")]
    earlier = _said(
        "The collapse comes a month after a fire killed 112 workers.", "112 workers", "rana/a"
    )
    own = _said(
        "The inquiry opened two weeks after the collapse that killed 1,100 people.",
        "1,100 people",
        "rana/c",
    )
    weeks = _said(
        "The collapse came just weeks after a driver fatally shot eight people.",
        "eight people",
        "rana/a",
    )
    placed = place_background([earlier, own, weeks], articles, {"rana": [2013]})  # type: ignore[list-item]
    assert [c.event for c in placed] == ["background", "main", "background"]


def test_a_happening_an_event_came_a_day_after_is_background() -> None:
    bombing = _said(
        "The seizure came a day after a woman blew herself up, killing 10 people.",
        "10 people",
        "rana/a",
    )
    own = _said(
        "Mr Buckley's death came a day after 36-year-old Duncan Rait died, one of 2 deaths.",
        "2 deaths",
        "rana/a",
    )
    placed = place_background([bombing, own], ARTICLES, {"rana": [2013]})  # type: ignore[list-item]
    assert [c.event for c in placed] == ["background", "main"]


def test_a_figure_of_a_happening_on_a_day_before_the_story_holds_on_that_day() -> None:
    tazreen = _said(
        "It came after the fire at the Tazreen factory on Nov. 24, which killed 112 people.",
        "112 people",
        "rana/a",
    )
    (placed,) = place_background([tazreen], ARTICLES, {"rana": [2012, 2013]})  # type: ignore[list-item]
    assert (placed.event, placed.as_of) == ("background", dt.date(2012, 11, 24))


def test_other_days_of_a_report_that_gives_the_onset_are_other_happenings() -> None:
    seized = dt.date(2004, 9, 1)
    own = date_claim("beslan/a", "attack.date", seized, story="beslan")
    airliners = date_claim("beslan/a", "attack.date", dt.date(2004, 8, 24), story="beslan")
    wrong = date_claim("beslan/b", "attack.date", dt.date(2004, 9, 2), story="beslan")
    airliners = replace(airliners, sentence="On 24 August two airliners fell, killing 90.")
    killed = count_claim("beslan/a", "dead", 90, as_of=seized, story="beslan")
    killed = replace(killed, sentence=airliners.sentence)
    placed = place_other_onsets([own, airliners, wrong, killed], {"beslan": seized})
    # report b never gives the onset day: its one date may be the wrong one, compared
    assert [c.event for c in placed] == ["main", "background", "main", "background"]
    assert placed[3].as_of == dt.date(2004, 8, 24)  # the airliners' dead, on their day


SIEGE_START, SIEGE_END = dt.date(2004, 9, 1), dt.date(2004, 9, 3)


def _attackers_on(published: dt.date, *, siege: bool, ended: bool) -> dt.date | None:
    rebels = count_claim("s/a", "rebels", 32, as_of=published, story="s")
    held = count_claim("s/b", "hostages", 1100, as_of=SIEGE_START, story="s")
    claims = [rebels, held] if siege else [rebels]
    placed = place_attackers(
        claims,
        {"s": SIEGE_START},
        {"s": SIEGE_END} if ended else {},
        {"s/a": published, "s/b": SIEGE_START},
    )
    return placed[0].as_of


def test_attackers_are_the_onset_figure_once_the_story_is_over() -> None:
    later = dt.date(2004, 9, 5)
    assert _attackers_on(later, siege=True, ended=True) == SIEGE_START
    assert _attackers_on(later, siege=False, ended=False) == SIEGE_START  # a shooting, a robbery


def test_attackers_of_a_siege_still_going_on_are_that_day_s_state() -> None:
    during = dt.date(2004, 9, 2)
    assert _attackers_on(during, siege=True, ended=True) == during
    assert _attackers_on(dt.date(2004, 9, 5), siege=True, ended=False) == dt.date(2004, 9, 5)


QUAKE = dt.date(2005, 11, 27)


def test_a_happening_brought_in_on_another_day_is_background_with_its_figures() -> None:
    other = "On Saturday, more than a dozen people were killed by a quake in eastern China."
    lead = "An earthquake struck southern Iran on Sunday, killing at least 10 people."
    claims = [
        replace(date_claim("q/a", "incident.date", QUAKE - dt.timedelta(days=1)), sentence=other),
        replace(count_claim("q/a", "dead", 13, None, as_of=QUAKE), sentence=other),
        replace(date_claim("q/a", "incident.date", QUAKE), sentence=lead),
        replace(count_claim("q/a", "dead", 10, None, as_of=QUAKE), sentence=lead),
    ]
    placed = place_introduced_happenings(claims, {"test": QUAKE}, ["quake", "earthquake"])
    assert [c.event for c in placed] == ["background", "background", "main", "main"]


def test_a_wrong_day_under_a_definite_noun_stays_to_be_compared() -> None:
    sentence = "The siege, which began on Thursday, Sept. 2, ended in carnage."
    wrong = replace(date_claim("b/a", "attack.date", dt.date(2004, 9, 2)), sentence=sentence)
    placed = place_introduced_happenings([wrong], {"test": dt.date(2004, 9, 1)}, ["siege"])
    assert placed[0].event == "main"


def _held(article_id: str, slot: str, sentence: str, quote: str, published: dt.date) -> object:
    claim = count_claim(article_id, slot, 1100, as_of=published, story="s", quote=quote)
    return replace(claim, sentence=sentence)


def test_how_many_a_siege_took_is_the_onset_figure_and_the_rest_its_last_state() -> None:
    later = dt.date(2004, 9, 9)
    seized = _held(
        "s/a", "people.attacked", "The gunmen seized 1,100 people.", "1,100 people", later
    )
    taken = _held("s/a", "people", "Now 1,100 people were taken hostage.", "1,100 people", later)
    remaining = _held("s/a", "hostages", "Doctors saw the 72 hostages.", "72 hostages", later)
    during = _held("s/b", "hostages", "Doctors saw the 72 hostages.", "72 hostages", SIEGE_START)
    published = {"s/a": later, "s/b": SIEGE_START}
    placed = place_hostages(
        [seized, taken, remaining, during],  # type: ignore[list-item]
        {"s": SIEGE_START},
        {"s": SIEGE_END},
        published,
    )
    assert [c.slot for c in placed] == ["hostages"] * 4
    assert [c.as_of for c in placed] == [SIEGE_START, SIEGE_START, SIEGE_END, SIEGE_START]


def test_a_siege_s_whole_count_told_after_it_is_the_onset_s_but_not_during_it() -> None:
    later, during = dt.date(2004, 9, 5), dt.date(2004, 9, 2)
    said = "Officials say more than 1,100 hostages were held."
    after = _held("s/a", "hostages", said, "more than 1,100 hostages", later)
    perfect = "The rebels have held 72 hostages since February."
    still = _held("s/b", "hostages", perfect, "72 hostages", during)
    placed = place_hostages(
        [after, still],  # type: ignore[list-item]
        {"s": SIEGE_START},
        {"s": SIEGE_END},
        {"s/a": later, "s/b": during},
    )
    assert [c.as_of for c in placed] == [SIEGE_START, during]


def test_how_long_the_event_lasted_holds_on_its_end() -> None:
    later = dt.date(2004, 9, 7)
    siege = replace(
        count_claim("s/a", "siege.duration", 187200, as_of=later, story="s"),
        kind=Kind.QUANTITY,
        unit="s",
    )
    during = replace(siege, article_id="s/b", id="other")
    placed = place_durations(
        [siege, during], {"s": SIEGE_END}, {"s/a": later, "s/b": dt.date(2004, 9, 2)}
    )
    assert [c.as_of for c in placed] == [SIEGE_END, later]  # the second was told during it


def test_a_tie_between_onset_days_goes_to_the_day_the_story_tells_most() -> None:
    onsets = Counter({dt.date(2010, 5, 4): 1, dt.date(2010, 5, 5): 1})
    told = Counter({dt.date(2010, 5, 4): 1, dt.date(2010, 5, 5): 6})
    assert consensus_day(onsets, told) == dt.date(2010, 5, 5)
    assert consensus_day(onsets) == dt.date(2010, 5, 4)


def test_a_happening_months_before_holds_its_figures_on_its_own_day() -> None:
    claim = _said(
        "The collapse comes five months after the fire at the Tazreen factory on Nov. 24, "
        "which killed 112 workers.",
        "112 workers",
        "rana/a",
    )
    (placed,) = place_background([claim], ARTICLES, {"rana": [2012, 2013]})
    assert (placed.event, placed.as_of) == ("background", dt.date(2012, 11, 24))
