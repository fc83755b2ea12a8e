"""The pipeline's own component: a blank line ends a sentence."""

from __future__ import annotations

import spacy

from checker.nlp import paragraph_breaks


def test_a_blank_line_starts_a_sentence_and_a_single_break_does_not() -> None:
    nlp = spacy.blank("en")
    doc = paragraph_breaks(
        nlp("Freed hostages say captors number 14\n\nLIMA -- The unit\nholds 72.")
    )
    starts = [t.text for t in doc if t.is_sent_start]
    assert "LIMA" in starts
    assert "holds" not in starts
