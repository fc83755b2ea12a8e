"""The model's lemmatizer, read and written as arrays with its results cached per key.

spaCy's ``Lemmatizer.__call__`` walks the tokens in Python: for each one it builds
a ``Token``, reads its lemma, calls ``rule_lemmatize`` (which builds a
``MorphAnalysis`` for its cache key) and sets ``lemma_`` through the string
store, some 7 µs a token. The rule lemmatizer's result is a function of the
token's (ORTH, POS, MORPH): its own cache is keyed so, and the paths that skip
that cache (no part of speech, a space, a base form read by ``is_base_form``)
read nothing else. :class:`LemmaLookup` reads those columns and LEMMA for a
whole document at once, asks the wrapped lemmatizer (its own ``lemmatize``,
with its own cache) only for a key it has not seen, and writes the lemmas
back at once; a token that already has a lemma (from the attribute ruler) is
left alone unless the lemmatizer overwrites.

:func:`install` wraps only a lemmatizer whose results it knows depend on
nothing else: spaCy's ``Lemmatizer`` or ``EnglishLemmatizer`` in "rule" or
"lookup" mode with none of the methods involved overridden.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FACTORY", "LEMMATIZER", "LemmaLookup", "install", "reproducible"]

FACTORY = "checker_lemma_lookup"
LEMMATIZER = "lemmatizer"
_STAGING = "checker_lemma_lookup_staging"

# Distinct keys kept before the cache starts over (memory stays bounded).
CACHE_LIMIT = 1 << 18


class LemmaLookup:
    """The pipeline component: the wrapped lemmatizer's lemmas, by array."""

    def __init__(self, lemmatizer: Any) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self._columns = [ORTH, POS, MORPH, LEMMA]
        self._lemma = [LEMMA]
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        if len(doc) == 0:
            return doc
        lemmatizer = self.lemmatizer
        if not getattr(lemmatizer, "_validated", True):  # as its own __call__ does, once
            from spacy.errors import Errors

            lemmatizer._validate_tables(Errors.E1004)
        overwrite = bool(lemmatizer.overwrite)
        cache = self._cache
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(self._columns).tolist()):
            if lemma and not overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = self._lemma_of(doc[i], key)
            lemmas.append(value)
        values = doc.to_array(self._lemma)  # an array of the right shape and type, refilled
        values[:] = lemmas
        doc.from_array(self._lemma, values)
        return doc

    def _lemma_of(self, token: Any, key: tuple[int, int, int]) -> int:
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        value: int = self.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])
        self._cache[key] = value
        return value


def reproducible(lemmatizer: Any) -> bool:
    """Whether ``lemmatizer``'s lemma of a token depends on its (ORTH, POS, MORPH)
    only, and is what :class:`LemmaLookup` computes from them."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    kind = type(lemmatizer)
    if kind not in (Lemmatizer, EnglishLemmatizer):
        return False  # a subclass may read more of the token
    mode = str(getattr(lemmatizer, "mode", ""))
    expected = {"rule": kind.rule_lemmatize, "lookup": kind.lookup_lemmatize}.get(mode)
    bound = getattr(lemmatizer, "lemmatize", None)
    return expected is not None and getattr(bound, "__func__", None) is expected


def _make_lookup(nlp: Any, name: str) -> LemmaLookup:
    return LemmaLookup(nlp.get_pipe(LEMMATIZER))


def install(nlp: Any) -> bool:
    """Wrap ``nlp``'s lemmatizer in a :class:`LemmaLookup`, under the same name and
    in the same place, when :func:`reproducible`; True if it did."""
    from spacy.language import Language

    if LEMMATIZER not in nlp.pipe_names or not reproducible(nlp.get_pipe(LEMMATIZER)):
        return False
    if FACTORY not in Language.factories:
        Language.factory(FACTORY, func=_make_lookup)
    nlp.add_pipe(FACTORY, name=_STAGING, after=LEMMATIZER)
    nlp.remove_pipe(LEMMATIZER)
    nlp.rename_pipe(_STAGING, LEMMATIZER)
    return True
