"""Title-case headlines in sentence case for the parser (checker.extract.headlines)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from checker.extract.headlines import is_title_case, restore_case, sentence_cased
from tests.factories import count_claim


def test_a_title_case_headline_is_sentence_cased_and_prose_is_not() -> None:
    text = (
        "Powerful Quake in Iran Kills 10; 80 Hurt and 7 Villages Damaged\n\n"
        "TEHRAN (AP) -- A strong earthquake struck southern Iran on Sunday, officials said.\n"
        "NYPD Officers Shoot Teen In Brooklyn"
    )
    cased = sentence_cased(text)
    assert (
        cased.splitlines()[0] == "Powerful quake in iran kills 10; 80 hurt and 7 villages damaged"
    )
    assert cased.splitlines()[2] == text.splitlines()[2]
    assert cased.splitlines()[3] == "NYPD officers shoot teen in brooklyn"


def test_short_lines_and_sentences_are_no_headlines() -> None:
    assert not is_title_case("The Quake Struck Southern Iran On Sunday.")
    assert not is_title_case("Updated 9:28 AM")
    assert is_title_case("Hiller Kills Two In Kraft Plant Shooting")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_sentence_casing_keeps_every_offset(text: str) -> None:
    assert len(sentence_cased(text)) == len(text)


def test_quotes_and_sentences_come_back_as_written() -> None:
    text = "Hiller Kills Two In Kraft Plant Shooting\n\nShe was arrested."
    parsed = sentence_cased(text)
    claim = count_claim("a", "dead", 2, as_of=None, quote=parsed[7:16])
    claim = replace(claim, start=7, end=16, sentence=parsed[:40])
    (back,) = restore_case([claim], text, parsed)
    assert back.quote == "Kills Two"
    assert back.sentence == "Hiller Kills Two In Kraft Plant Shooting"
