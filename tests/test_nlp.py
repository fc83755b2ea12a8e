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


def test_a_month_s_abbreviation_before_a_day_ends_no_sentence() -> None:
    nlp = spacy.blank("en")
    doc = paragraph_breaks(nlp("the fire on Nov. 24, which killed 112 workers"))
    day = next(t for t in doc if t.text == "24")
    assert day.is_sent_start is False
