"""The lemma lookup gives exactly the lemmas of the lemmatizer it wraps."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from checker.nlp_lemmas import LEMMATIZER, LemmaLookup, install, reproducible

SENTENCES = (
    "I ain't gonna saw it: I saw the saw and we sawed logs with saws.",
    "Ms. Ottoline Leyser's Grenfell-Tower flats were better, the best; she'd gone.",
    "The  gap\n\n between  words   stays.  He ran, runs and is running.",
    "12 of them, the 3rd one, £4.5m and xyzzyfoo-ing quuxes.",
)


def test_the_models_lemmatizer_gives_the_same_lemmas(nlp: Any) -> None:
    from checker.nlp import load_pipeline

    assert isinstance(nlp.get_pipe(LEMMATIZER), LemmaLookup)
    reference = load_pipeline(attribute_lookup=False, lemma_lookup=False)
    assert not isinstance(reference.get_pipe(LEMMATIZER), LemmaLookup)
    assert nlp.pipe_names == reference.pipe_names
    seen = []
    for a, b in zip(reference.pipe(SENTENCES * 2), nlp.pipe(SENTENCES * 2), strict=True):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
        seen.extend((t.text, t.pos_, t.lemma_) for t in b)
    # the part of speech is in the key: the noun and the verb "saw" differ
    assert ("saw", "NOUN", "saw") in seen and ("saw", "VERB", "see") in seen
    assert ("na", "PART", "to") in seen  # a lemma the attribute ruler set is kept


def _lookup_lemmatizer(overwrite: bool) -> tuple[Any, Any]:
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe(LEMMATIZER, config={"mode": "lookup", "overwrite": overwrite})
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"cats": "cat", "went": "go", "mice": "mouse"})
    lemmatizer.initialize(lookups=lookups)
    return nlp, lemmatizer


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_lemma_already_set_is_kept_unless_the_lemmatizer_overwrites(overwrite: bool) -> None:
    nlp, lemmatizer = _lookup_lemmatizer(overwrite)
    assert reproducible(lemmatizer)
    words = ["cats", "went", "home", "cats", "mice"]
    preset = ["", "walk", "", "", ""]

    def doc() -> Any:
        made = Doc(nlp.vocab, words=words)
        for token, lemma in zip(made, preset, strict=True):
            token.lemma_ = lemma
        return made

    by_spacy = [t.lemma_ for t in lemmatizer(doc())]
    by_lookup = [t.lemma_ for t in LemmaLookup(lemmatizer)(doc())]
    assert by_lookup == by_spacy
    assert by_spacy[1] == ("go" if overwrite else "walk")
    assert by_spacy[0] == by_spacy[3] == "cat"
    assert LemmaLookup(lemmatizer)(Doc(nlp.vocab, words=[])).text == ""


class _ReadsMore(Lemmatizer):
    def is_base_form(self, token: Any) -> bool:
        return bool(token.dep_)


def test_a_lemmatizer_that_may_read_more_than_the_key_is_kept() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(LEMMATIZER, config={"mode": "lookup"})
    original = nlp.get_pipe(LEMMATIZER)
    original.__class__ = _ReadsMore
    assert not reproducible(original)
    assert install(nlp) is False
    assert nlp.get_pipe(LEMMATIZER) is original
    assert install(spacy.blank("en")) is False  # no lemmatizer at all


def test_installing_wraps_the_lemmatizer_in_its_place() -> None:
    nlp, lemmatizer = _lookup_lemmatizer(False)
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("sentencizer", name="after")
    assert install(nlp) is True
    assert nlp.pipe_names == ["sentencizer", LEMMATIZER, "after"]
    wrapper = nlp.get_pipe(LEMMATIZER)
    assert isinstance(wrapper, LemmaLookup) and wrapper.lemmatizer is lemmatizer
    assert [t.lemma_ for t in nlp("The mice went")] == ["The", "mouse", "go"]


def test_rule_lemmas_are_keyed_by_part_of_speech_and_morphology() -> None:
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe(LEMMATIZER, config={"mode": "rule"})
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""]], "verb": [["ed", ""]]})
    lookups.add_table("lemma_index", {"noun": ["saw", "log"], "verb": ["saw"]})
    lookups.add_table("lemma_exc", {"verb": {"saw": ["see"]}})
    lemmatizer.initialize(lookups=lookups)
    assert reproducible(lemmatizer)
    words = ["saw", "saw", "sawed", "logs", "saw", "saw", "logs"]
    pos = ["VERB", "NOUN", "VERB", "NOUN", "NOUN", "VERB", "NOUN"]
    morphs = ["", "", "", "", "Number=Sing", "VerbForm=Inf", "Number=Plur"]

    def doc() -> Any:
        return Doc(nlp.vocab, words=words, pos=pos, morphs=morphs)

    by_spacy = [t.lemma_ for t in lemmatizer(doc())]
    wrapper = LemmaLookup(lemmatizer)
    assert [t.lemma_ for t in wrapper(doc())] == by_spacy
    assert [t.lemma_ for t in wrapper(doc())] == by_spacy  # from the cache
    assert by_spacy == ["see", "saw", "saw", "log", "saw", "saw", "log"]
