"""checker.extract.context on hand-built parses: no model needed, so the fast suite runs it.

Each Doc spells out the heads and labels spaCy's English pipeline gives the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.tokens import Doc, Token

from checker.extract.context import another_happening, other_event, part_of, superseded
from checker.slots import load_lexicon

LEXICON = load_lexicon()
VOCAB = spacy.blank("en").vocab  # English lexical attributes (like_num), no model


def parse(rows: Sequence[tuple[str, int, str, str, str]]) -> Doc:
    """(word, head index, dep, pos, lemma) per token; the root is its own head."""
    words, heads, deps, pos, lemmas = zip(*rows, strict=True)
    return Doc(
        VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos),
        lemmas=list(lemmas), tags=["NNS" if w.endswith("s") and p == "NOUN" else "NN"
                                   for w, p in zip(words, pos, strict=True)],
    )  # fmt: skip


def token(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


# "Police said two women and one man died."
WOMEN_AND_MAN = parse(
    [
        ("Police", 1, "nsubj", "NOUN", "police"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("two", 3, "nummod", "NUM", "two"),
        ("women", 7, "nsubj", "NOUN", "woman"),
        ("and", 3, "cc", "CCONJ", "and"),
        ("one", 6, "nummod", "NUM", "one"),
        ("man", 3, "conj", "NOUN", "man"),
        ("died", 1, "ccomp", "VERB", "die"),
        (".", 1, "punct", "PUNCT", "."),
    ]
)

# "The plane had 298 people aboard, 283 passengers and 15 crew."
TOTAL_THEN_PARTS = parse(
    [
        ("The", 1, "det", "DET", "the"),
        ("plane", 2, "nsubj", "NOUN", "plane"),
        ("had", 2, "ROOT", "VERB", "have"),
        ("298", 4, "nummod", "NUM", "298"),
        ("people", 2, "dobj", "NOUN", "people"),
        ("aboard", 4, "advmod", "ADV", "aboard"),
        (",", 4, "punct", "PUNCT", ","),
        ("283", 8, "nummod", "NUM", "283"),
        ("passengers", 4, "conj", "NOUN", "passenger"),
        ("and", 8, "cc", "CCONJ", "and"),
        ("15", 11, "nummod", "NUM", "15"),
        ("crew", 8, "conj", "NOUN", "crew"),
        (".", 2, "punct", "PUNCT", "."),
    ]
)

# "The death toll rose from 20 to 25."
ROSE_FROM_TO = parse(
    [
        ("The", 2, "det", "DET", "the"),
        ("death", 2, "compound", "NOUN", "death"),
        ("toll", 3, "nsubj", "NOUN", "toll"),
        ("rose", 3, "ROOT", "VERB", "rise"),
        ("from", 3, "prep", "ADP", "from"),
        ("20", 4, "pobj", "NUM", "20"),
        ("to", 4, "prep", "ADP", "to"),
        ("25", 6, "pobj", "NUM", "25"),
        (".", 3, "punct", "PUNCT", "."),
    ]
)

# "Local news originally reported that two victims died."
ORIGINALLY_REPORTED = parse(
    [
        ("Local", 1, "amod", "ADJ", "local"),
        ("news", 3, "nsubj", "NOUN", "news"),
        ("originally", 3, "advmod", "ADV", "originally"),
        ("reported", 3, "ROOT", "VERB", "report"),
        ("that", 7, "mark", "SCONJ", "that"),
        ("two", 6, "nummod", "NUM", "two"),
        ("victims", 7, "nsubj", "NOUN", "victim"),
        ("died", 3, "ccomp", "VERB", "die"),
        (".", 3, "punct", "PUNCT", "."),
    ]
)

# "A separate blast killed 12 people."
SEPARATE_BLAST = parse(
    [
        ("A", 2, "det", "DET", "a"),
        ("separate", 2, "amod", "ADJ", "separate"),
        ("blast", 3, "nsubj", "NOUN", "blast"),
        ("killed", 3, "ROOT", "VERB", "kill"),
        ("12", 5, "nummod", "NUM", "12"),
        ("people", 3, "dobj", "NOUN", "people"),
        (".", 3, "punct", "PUNCT", "."),
    ]
)


def test_conjoined_counts_are_parts_named_by_their_noun() -> None:
    assert part_of(token(WOMEN_AND_MAN, "two")) == "woman"
    assert part_of(token(WOMEN_AND_MAN, "one")) == "man"


def test_a_first_figure_that_sums_the_rest_is_the_total() -> None:
    assert part_of(token(TOTAL_THEN_PARTS, "298")) is None
    assert part_of(token(TOTAL_THEN_PARTS, "283")) == "passenger"
    assert part_of(token(TOTAL_THEN_PARTS, "15")) == "crew"


def test_the_old_level_of_a_change_is_superseded_the_new_one_is_not() -> None:
    assert superseded(token(ROSE_FROM_TO, "20"), LEXICON)
    assert not superseded(token(ROSE_FROM_TO, "25"), LEXICON)


def test_what_was_originally_reported_is_superseded() -> None:
    assert superseded(token(ORIGINALLY_REPORTED, "two"), LEXICON)
    assert not superseded(token(WOMEN_AND_MAN, "two"), LEXICON)


def test_a_separate_happening_is_another_one() -> None:
    assert another_happening(token(SEPARATE_BLAST, "12"), LEXICON)
    assert not another_happening(token(WOMEN_AND_MAN, "two"), LEXICON)


# "The government revised the number of Australians on board down to 27 from 28."
REVISED_DOWN_TO = parse(
    [
        ("The", 1, "det", "DET", "the"),
        ("government", 2, "nsubj", "NOUN", "government"),
        ("revised", 2, "ROOT", "VERB", "revise"),
        ("the", 4, "det", "DET", "the"),
        ("number", 2, "dobj", "NOUN", "number"),
        ("of", 4, "prep", "ADP", "of"),
        ("Australians", 5, "pobj", "PROPN", "Australians"),
        ("on", 2, "prep", "ADP", "on"),
        ("board", 7, "pobj", "NOUN", "board"),
        ("down", 8, "advmod", "ADP", "down"),
        ("to", 9, "prep", "ADP", "to"),
        ("27", 10, "pobj", "NUM", "27"),
        ("from", 2, "prep", "ADP", "from"),
        ("28", 12, "pobj", "NUM", "28"),
        (".", 2, "punct", "PUNCT", "."),
    ]
)

# "Paris also witnessed another robbery on Sunday."
ANOTHER_ROBBERY = parse(
    [
        ("Paris", 2, "nsubj", "PROPN", "Paris"),
        ("also", 2, "advmod", "ADV", "also"),
        ("witnessed", 2, "ROOT", "VERB", "witness"),
        ("another", 4, "det", "DET", "another"),
        ("robbery", 2, "dobj", "NOUN", "robbery"),
        ("on", 2, "prep", "ADP", "on"),
        ("Sunday", 5, "pobj", "PROPN", "Sunday"),
        (".", 2, "punct", "PUNCT", "."),
    ]
)

# "Another group of hostages was freed on Sunday."
ANOTHER_GROUP = parse(
    [
        ("Another", 1, "det", "DET", "another"),
        ("group", 5, "nsubjpass", "NOUN", "group"),
        ("of", 1, "prep", "ADP", "of"),
        ("hostages", 2, "pobj", "NOUN", "hostage"),
        ("was", 5, "auxpass", "AUX", "be"),
        ("freed", 5, "ROOT", "VERB", "free"),
        ("on", 5, "prep", "ADP", "on"),
        ("Sunday", 6, "pobj", "PROPN", "Sunday"),
        (".", 5, "punct", "PUNCT", "."),
    ]
)


def test_the_old_level_is_superseded_when_the_new_one_hangs_under_a_particle() -> None:
    assert superseded(token(REVISED_DOWN_TO, "28"), LEXICON)
    assert not superseded(token(REVISED_DOWN_TO, "27"), LEXICON)


def test_another_robbery_is_another_event_another_group_is_more_of_this_one() -> None:
    assert other_event(token(ANOTHER_ROBBERY, "witnessed"), LEXICON)
    assert other_event(token(ANOTHER_ROBBERY, "robbery"), LEXICON)
    assert not other_event(token(ANOTHER_GROUP, "freed"), LEXICON)
    assert other_event(token(SEPARATE_BLAST, "killed"), LEXICON)  # "a separate blast"
