"""The attribute lookup sets exactly what spaCy's attribute ruler sets.

Two kinds of cases: rules written here, run by spaCy's ``AttributeRuler`` and by
:class:`AttributeLookup` over the same hand-built documents (precedence, indices,
predicates, matching on the values from before the ruler); and the installed
model's own rules over sentences chosen to fire its multi-token, dependency and
space patterns. Then the fallback: what the lookup cannot reproduce leaves the
ruler in place.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from checker.nlp_attributes import (
    RULER,
    AttributeLookup,
    Unsupported,
    compile_rules,
    install,
)

Row = tuple[str, str, str, str, str]


def rows(doc: Any) -> list[Row]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def build(nlp: Any, words: list[str], tags: list[str], deps: list[str] | None = None) -> Any:
    spaces = [not w.isspace() for w in words]
    heads = list(range(len(words))) if deps else None
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads)


def both(patterns: list[dict[str, Any]], words: list[str], tags: list[str],
         deps: list[str] | None = None) -> tuple[list[Row], list[Row]]:  # fmt: skip
    """(what the ruler sets, what the lookup sets) on the same document."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(RULER)
    ruler.add_patterns(patterns)
    lookup = AttributeLookup(nlp.vocab, ruler.patterns)
    by_ruler = ruler(build(nlp, words, tags, deps))
    by_lookup = lookup(build(nlp, words, tags, deps))
    return rows(by_ruler), rows(by_lookup)


WORDS = ["Let", "'s", "go", "gon", "na", "win", "\n\n", "it"]
TAGS = ["VB", "PRP", "VB", "VBG", "TO", "VB", "_SP", "PRP"]
DEPS = ["ROOT", "nsubj", "ccomp", "aux", "aux", "xcomp", "dep", "dobj"]


def test_a_later_rule_overrides_an_earlier_one_on_the_same_token() -> None:
    patterns = [
        {"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "VERB", "LEMMA": "first"}},
        {"patterns": [[{"LOWER": "go"}]], "attrs": {"LEMMA": "second"}},
        {"patterns": [[{"LOWER": "go", "TAG": "VB"}]], "attrs": {"MORPH": "VerbForm=Inf"}},
    ]
    ruler, lookup = both(patterns, WORDS, TAGS, DEPS)
    assert ruler == lookup
    assert ruler[2] == ("VB", "VERB", "VerbForm=Inf", "second", "ccomp")
    assert ruler[0][3] == "first"


def test_multi_token_rules_set_the_token_at_their_index_in_rule_order() -> None:
    patterns = [
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
        {"patterns": [[{"LOWER": "let"}, {"LOWER": "'s"}]], "attrs": {"LEMMA": "us"}, "index": -1},
        # a one-token rule after a multi-token one wins on their common token...
        {"patterns": [[{"LOWER": "na"}]], "attrs": {"LEMMA": "later"}},
        # ...and a multi-token rule after a one-token one wins too
        {"patterns": [[{"TAG": "VBG"}]], "attrs": {"LEMMA": "early"}},
        {"patterns": [[{"TAG": "VBG"}, {"TAG": "TO"}, {"TAG": "VB"}]], "attrs": {"LEMMA": "late"}},
    ]
    ruler, lookup = both(patterns, WORDS, TAGS, DEPS)
    assert ruler == lookup
    assert [r[3] for r in ruler[:5]] == ["", "us", "", "late", "later"]


def test_predicates_and_dependency_and_space_patterns() -> None:
    patterns = [
        {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux"]}}]],
         "attrs": {"POS": "AUX"}},
        {"patterns": [[{"LOWER": {"REGEX": "^l.t$"}}]], "attrs": {"POS": "VERB"}},
        {"patterns": [[{"DEP": "dobj"}, ]], "attrs": {"MORPH": "Case=Acc"}},
        {"patterns": [[{"TAG": "_SP", "IS_SPACE": False}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep2"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP2", "POS": "SPACE"}},
        {"patterns": [[{"DEP": "ROOT"}, {"LOWER": {"IN": ["'s", "is"]}}]],
         "attrs": {"POS": "PRON"}, "index": 1},
    ]  # fmt: skip
    ruler, lookup = both(patterns, WORDS, TAGS, DEPS)
    assert ruler == lookup
    assert ruler[3][1] == "AUX" and ruler[4][1] == ""  # "na" is TO
    assert ruler[0][1] == "VERB" and ruler[1][1] == "PRON"
    assert ruler[6] == ("_SP2", "SPACE", "", "", "dep2")
    assert ruler[7][2] == "Case=Acc"


def test_matching_reads_the_values_from_before_the_ruler() -> None:
    # The first rule retags "go"; the second still sees its old tag.
    patterns = [
        {"patterns": [[{"LOWER": "go"}]], "attrs": {"TAG": "NN"}},
        {"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "VERB"}},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    ]
    ruler, lookup = both(patterns, WORDS, TAGS, DEPS)
    assert ruler == lookup
    assert ruler[2][:2] == ("NN", "VERB")


def test_a_document_without_tokens_or_without_a_parse() -> None:
    patterns = [{"patterns": [[{"DEP": "nsubj"}]], "attrs": {"POS": "PRON"}}]
    assert both(patterns, [], []) == ([], [])
    ruler, lookup = both(patterns, ["it", "rains"], ["PRP", "VBZ"])
    assert ruler == lookup == [("PRP", "", "", "", ""), ("VBZ", "", "", "", "")]


# ------------------------------------------------------------------ the installed model


SENTENCES = (
    "I ain't gonna wait, y'all. C'mon, let's go: we gotta win.",
    "It gets worse and he got 3 of them. There is a cat, there's a dog.",
    "I told you it was me, but I did it. You saw it and it saw you.",
    "Do you have it? He does. They did what they had to do, and that was that.",
    "The  gap\n\n between  words   stays.  ",
    "Which one?  These are those that fell, all 12 of them.\n",
)


def test_the_models_rules_give_the_same_tokens(nlp: Any) -> None:
    from checker.nlp import load_pipeline

    assert isinstance(nlp.get_pipe(RULER), AttributeLookup)
    reference = load_pipeline(attribute_lookup=False)
    assert not isinstance(reference.get_pipe(RULER), AttributeLookup)
    seen = []
    for a, b in zip(reference.pipe(SENTENCES), nlp.pipe(SENTENCES), strict=True):
        assert rows(a) == rows(b)
        assert [t.head.i for t in a] == [t.head.i for t in b]
        seen.extend((t.text, t.lemma_, t.pos_) for t in a)
    # the model's multi-token and space rules did fire
    assert ("ai", "be", "AUX") in seen
    assert ("gon", "go", "VERB") in seen
    assert ("'s", "us", "PRON") in seen
    assert any(text.isspace() and pos == "SPACE" for text, _, pos in seen)


def test_the_installed_lookup_keeps_the_rulers_place_and_patterns(nlp: Any) -> None:
    from checker.nlp import load_pipeline

    reference = load_pipeline(attribute_lookup=False)
    assert nlp.pipe_names == reference.pipe_names
    config = nlp.config["components"][RULER]
    assert config["patterns"] == reference.get_pipe(RULER).patterns


# ------------------------------------------------------------------ the fallback


@pytest.mark.parametrize(
    "rule",
    [
        {"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"POS": "DET"}},
        {"patterns": [[{"LOWER": "a"}]], "attrs": {"NORM": "an"}},
        {"patterns": [[{"LOWER": "a"}]], "attrs": {"POS": "DET"}, "index": 1},
        {"patterns": [[{"LOWER": {"FUZZY": "an"}}]], "attrs": {"POS": "DET"}},
        {"patterns": [[{"MORPH": {"IS_SUPERSET": ["Number=Sing"]}}]], "attrs": {"POS": "DET"}},
        {"patterns": [[{"_": {"flag": True}}]], "attrs": {"POS": "DET"}},
        {"patterns": [[{"ENT_TYPE": "ORG"}]], "attrs": {"POS": "PROPN"}},
    ],
    ids=["operator", "norm", "index", "fuzzy", "morph-set", "extension", "entity"],
)
def test_a_rule_it_cannot_reproduce_keeps_the_ruler(rule: dict[str, Any]) -> None:
    nlp = spacy.blank("en")
    if "_" in rule["patterns"][0][0]:
        from spacy.tokens import Token

        Token.set_extension("flag", default=False, force=True)
    ruler = nlp.add_pipe(RULER)
    ruler.add_patterns([{"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}}, rule])
    with pytest.raises(Unsupported):
        compile_rules(nlp.vocab, ruler.patterns)
    assert install(nlp) is False
    assert nlp.get_pipe(RULER) is ruler


def test_installing_replaces_a_reproducible_ruler_in_place() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe(RULER)
    nlp.add_pipe("sentencizer", name="after")
    ruler.add_patterns([{"patterns": [[{"LOWER": "the"}]], "attrs": {"POS": "DET"}}])
    assert install(nlp) is True
    assert nlp.pipe_names == ["sentencizer", RULER, "after"]
    assert isinstance(nlp.get_pipe(RULER), AttributeLookup)
    assert [t.pos_ for t in nlp("The cat")] == ["DET", ""]
    assert install(spacy.blank("en")) is False  # no ruler at all
