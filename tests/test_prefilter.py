"""The pre-filter: sentence splitting and the claim candidate test (pure, no spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.prefilter import may_hold_claim, plan, split_sentences, takes_up_predecessor


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_after_terminal_punctuation() -> None:
    text = 'Rebels hold the house. Police wait outside! "Will they leave?" Nobody knows.'
    assert _sentences(text) == [
        "Rebels hold the house.",
        "Police wait outside!",
        '"Will they leave?"',
        "Nobody knows.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The house was stormed on Dec. 17 by rebels.",
        "Gen. Jose Williams led the raid.",
        "Archbishop Juan L. Cipriani visited.",
        "The U.S. Embassy said nothing.",
        "It began at 8:20 p.m. on Tuesday.",
        "Mr. Aoki and Dr. Smith were held.",
    ],
)
def test_abbreviations_do_not_split(text: str) -> None:
    assert _sentences(text) == [text]


def test_blank_lines_and_headings_split() -> None:
    text = "Shots Ring Out\n\nLIMA, Peru -- Rebels fired.\nPolice said so.\n\n  Last line  \n"
    assert _sentences(text) == [
        "Shots Ring Out",
        "LIMA, Peru -- Rebels fired.",
        "Police said so.",
        "Last line",
    ]


def test_spans_are_offsets_into_the_text() -> None:
    text = "  One. Two.\n\nThree.  "
    for s, e in split_sentences(text):
        assert text[s:e] == text[s:e].strip()
        assert text[s:e]


@pytest.mark.parametrize(
    "sentence",
    [
        "They hold 74 hostages.",
        "Twelve were freed.",
        "Dozens of police arrived.",
        "A handful of rebels remain.",
        "None of the rebels left.",
        "It happened on Tuesday.",
        "The talks resume in March.",
        "The raid came yesterday.",
        "Talks stalled last week.",
        "They met at noon.",
        "The siege lasted through Christmas.",
    ],
)
def test_claim_candidates(sentence: str) -> None:
    assert may_hold_claim(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels are led by a veteran commander.",
        "Witnesses described a blast at a garden wall.",
        "The government may yet negotiate.",
        "Mediators say they are running out of ideas.",
    ],
)
def test_not_claim_candidates(sentence: str) -> None:
    assert not may_hold_claim(sentence)


def test_plan_groups_consecutive_claim_sentences() -> None:
    text = (
        "Rebels hold 74 hostages. They freed 4 on Friday.\n\n"
        "Mediators say they are running out of ideas.\n\n"
        "Talks resume on Monday."
    )
    p = plan(text)
    parts = [text[s:e] for s, e in p.claim_parts]
    assert parts == [
        "Rebels hold 74 hostages. They freed 4 on Friday.\n\n",
        "Talks resume on Monday.",
    ]
    assert p.total == len(text)
    assert p.claim_chars == sum(len(x) for x in parts)
    # sentences tile the text from the first sentence on
    assert [s for s, _ in p.sentences][1:] == [e for _, e in p.sentences][:-1]


def test_a_figure_that_takes_up_its_predecessor_is_parsed_with_it() -> None:
    text = (
        "The gang had rigged the hall. Russian commandos charged in under fire. "
        "Ten of them died trying to carry children out. The town mourned."
    )
    parts = [text[s:e] for s, e in plan(text).claim_parts]
    assert parts == [
        "Russian commandos charged in under fire. Ten of them died trying to carry children out. "
    ]


@pytest.mark.parametrize(
    ("sentence", "takes_up"),
    [
        ("Thirty-one were killed in the fighting.", True),
        ("Ten of them died.", True),
        ("31 were killed.", True),
        ("Ten soldiers died.", False),
        ("The toll rose to 31.", False),
    ],
)
def test_takes_up_predecessor(sentence: str, takes_up: bool) -> None:
    assert takes_up_predecessor(sentence) is takes_up


def test_plan_of_empty_text() -> None:
    p = plan("")
    assert p.claim_parts == () and p.sentences == ()


def test_every_figure_and_date_of_the_bundled_dataset_is_kept(project_root: Path) -> None:
    """Pre-filter parity: every mention the number and date layers find is in a claim part."""
    from checker.config import load_config
    from checker.corpus import read_corpus
    from checker.extract.dates import find_dates
    from checker.extract.numbers import find_quantities

    config = load_config(project_root / "pyproject.toml")
    corpus = read_corpus([project_root / "reports", project_root / "seeds"], stories=config.stories)
    assert corpus.articles
    missed = []
    for a in corpus.articles:
        parts = plan(a.text).claim_parts
        spans = [(q.start, q.end, q.text) for q in find_quantities(a.text)]
        spans += [(d.start, d.end, d.text) for d in find_dates(a.text, a.published)]
        for s, e, t in spans:
            if not any(ps <= s and e <= pe for ps, pe in parts):
                missed.append((a.id, t))
    assert missed == []


def test_a_sentence_whose_only_figure_is_a_zero_is_parsed() -> None:
    assert may_hold_claim("There were no survivors.")
    assert may_hold_claim("No casualties were reported at the scene.")
    assert not may_hold_claim("The crowd knew.")
