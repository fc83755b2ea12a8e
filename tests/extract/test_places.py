"""checker.extract.places on hand-built parses: where a count is of."""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.tokens import Doc, Token

from checker.extract.places import place_scope

VOCAB = spacy.blank("en").vocab


def parse(rows: Sequence[tuple[str, int, str, str, str]]) -> Doc:
    """(word, head index, dep, pos, entity IOB tag) per token; the root is its own head."""
    words, heads, deps, pos, ents = zip(*rows, strict=True)
    return Doc(
        VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos),
        lemmas=[w.lower() for w in words], ents=list(ents),
    )  # fmt: skip


def number(doc: Doc) -> Token:
    return next(t for t in doc if t.pos_ == "NUM")


def test_a_place_after_in_on_the_verb_of_the_count() -> None:
    doc = parse(
        [
            ("Three", 1, "nummod", "NUM", "O"),
            ("people", 2, "nsubj", "NOUN", "O"),
            ("died", 2, "ROOT", "VERB", "O"),
            ("in", 2, "prep", "ADP", "O"),
            ("Hatay", 5, "compound", "PROPN", "B-GPE"),
            ("province", 3, "pobj", "NOUN", "O"),
            (".", 2, "punct", "PUNCT", "O"),
        ]
    )
    assert place_scope(number(doc)) == "Hatay"


def test_a_proper_noun_the_recogniser_took_for_an_organisation_is_a_place() -> None:
    doc = parse(
        [
            ("About", 1, "advmod", "ADV", "O"),
            ("50,000", 2, "nummod", "NUM", "O"),
            ("people", 3, "nsubj", "NOUN", "O"),
            ("marched", 3, "ROOT", "VERB", "O"),
            ("in", 3, "prep", "ADP", "O"),
            ("Thessaloniki", 4, "pobj", "PROPN", "B-ORG"),
            (".", 3, "punct", "PUNCT", "O"),
        ]
    )
    assert place_scope(number(doc)) == "Thessaloniki"


def test_a_population_is_of_the_place_it_is_home_to() -> None:
    doc = parse(
        [
            ("The", 1, "det", "DET", "O"),
            ("quake", 2, "nsubj", "NOUN", "O"),
            ("struck", 2, "ROOT", "VERB", "O"),
            ("Qeshm", 4, "compound", "PROPN", "B-LOC"),
            ("island", 2, "dobj", "NOUN", "O"),
            (",", 4, "punct", "PUNCT", "O"),
            ("home", 2, "advmod", "ADV", "O"),
            ("to", 6, "prep", "ADP", "O"),
            ("120,000", 9, "nummod", "NUM", "O"),
            ("people", 7, "pobj", "NOUN", "O"),
            (".", 2, "punct", "PUNCT", "O"),
        ]
    )
    assert place_scope(number(doc)) == "Qeshm"


def test_a_house_a_person_owns_and_a_month_are_no_places() -> None:
    house = parse(
        [
            ("He", 1, "nsubj", "PRON", "O"),
            ("killed", 1, "ROOT", "VERB", "O"),
            ("3", 3, "nummod", "NUM", "O"),
            ("people", 1, "dobj", "NOUN", "O"),
            ("in", 1, "prep", "ADP", "O"),
            ("Smith", 7, "poss", "PROPN", "B-PERSON"),
            ("'s", 5, "case", "PART", "O"),
            ("house", 4, "pobj", "NOUN", "O"),
        ]
    )
    march = parse(
        [
            ("Ten", 1, "nummod", "NUM", "O"),
            ("people", 2, "nsubj", "NOUN", "O"),
            ("died", 2, "ROOT", "VERB", "O"),
            ("in", 2, "prep", "ADP", "O"),
            ("March", 3, "pobj", "PROPN", "B-DATE"),
        ]
    )
    assert place_scope(number(house)) is None
    assert place_scope(number(march)) is None


def test_a_place_a_where_clause_hangs_from_is_the_count_s() -> None:
    # "Thessaloniki, where another 20,000 people marched"
    doc = parse(
        [
            ("Thessaloniki", 0, "ROOT", "PROPN", "B-GPE"),
            (",", 0, "punct", "PUNCT", "O"),
            ("where", 5, "advmod", "SCONJ", "O"),
            ("20,000", 4, "nummod", "NUM", "O"),
            ("people", 5, "nsubj", "NOUN", "O"),
            ("marched", 0, "relcl", "VERB", "O"),
        ]
    )
    assert place_scope(number(doc)) == "Thessaloniki"


def test_the_streets_of_a_place_are_that_place() -> None:
    # "20,000 people took to the centre of Athens" ("the streets of": lemma "street")
    doc = parse(
        [
            ("20,000", 1, "nummod", "NUM", "O"),
            ("people", 2, "nsubj", "NOUN", "O"),
            ("took", 2, "ROOT", "VERB", "O"),
            ("to", 2, "prep", "ADP", "O"),
            ("the", 5, "det", "DET", "O"),
            ("centre", 3, "pobj", "NOUN", "O"),
            ("of", 5, "prep", "ADP", "O"),
            ("Athens", 6, "pobj", "PROPN", "B-GPE"),
        ]
    )
    assert place_scope(number(doc)) == "Athens"


def test_a_capitalised_word_after_a_sentence_s_in_is_a_place_unless_a_date() -> None:
    # "In Heraklion, 10,000 people marched", Heraklion tagged a common noun
    rows = [
        ("In", 5, "prep", "ADP", "O"),
        ("Heraklion", 0, "pobj", "NOUN", "B-ORG"),
        (",", 5, "punct", "PUNCT", "O"),
        ("10,000", 4, "nummod", "NUM", "O"),
        ("people", 5, "nsubj", "NOUN", "O"),
        ("marched", 5, "ROOT", "VERB", "O"),
    ]
    assert place_scope(number(parse(rows))) == "Heraklion"
    rows[1] = ("December", 0, "pobj", "PROPN", "B-DATE")
    assert place_scope(number(parse(rows))) is None


def test_on_names_a_place_only_when_the_recogniser_says_so() -> None:
    # "200,000 residents live on Qeshm island" but "20 people died on Monday"
    rows = [
        ("200,000", 1, "nummod", "NUM", "O"),
        ("residents", 2, "nsubj", "NOUN", "O"),
        ("live", 2, "ROOT", "VERB", "O"),
        ("on", 2, "prep", "ADP", "O"),
        ("Qeshm", 5, "compound", "PROPN", "B-GPE"),
        ("island", 3, "pobj", "NOUN", "O"),
    ]
    assert place_scope(number(parse(rows))) == "Qeshm"
    rows[4] = ("Monday", 5, "compound", "PROPN", "B-DATE")
    assert place_scope(number(parse(rows))) is None
