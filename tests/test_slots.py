"""The default lexicon: nationality words."""

from __future__ import annotations

import pytest

from checker.slots import load_lexicon


@pytest.mark.parametrize(
    ("word", "adjective"),
    [
        ("Australians", "australian"),
        ("Dutch", "dutch"),
        ("Britons", "british"),
        ("Dutchmen", "dutch"),
        ("Swiss", "swiss"),
        ("New Zealanders", "new zealand"),
        ("Filipinos", "filipino"),
    ],
)
def test_a_nationality_word_gives_its_adjective(word: str, adjective: str) -> None:
    assert load_lexicon().nationality(word) == adjective


@pytest.mark.parametrize("word", ["passengers", "people", "rebels", "Mens", "s"])
def test_other_words_are_no_nationality(word: str) -> None:
    assert load_lexicon().nationality(word) is None
