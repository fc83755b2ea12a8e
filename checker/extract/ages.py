"""People's ages: "a 36-year-old Australian", "Robert Pitman, 24,", "aged 47".

An age is a quantity of frame ``age`` (slot ``age``, unit ``year``) whose
``scope`` is the person it belongs to, by given name and surname ("Duncan
Rait" -> ``duncan rait``), so that only ages of one person are compared. An age of nobody
named ("a 63-year-old woman") keeps ``scope`` empty and is never compared:
two unnamed people of a story are as likely different people as the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from checker.extract.clauses import span_tokens
from checker.records import CountValue

AGE_SLOT = "age"
AGE_UNIT = "year"
_OLDEST = 120

# "36-year-old", "36 - year - old" (tokenised copy), "36 year old"
_YEAR_OLD = re.compile(r"\b(?P<n>\d{1,3})\s*-?\s*years?\s*-?\s*old\b", re.IGNORECASE)
# "aged 47", "ages 47 and 48"
_AGED = re.compile(r"\b(?:aged?|ages)\s+(?P<n>\d{1,3})\b", re.IGNORECASE)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def person_key(ent: Span) -> str | None:
    """A person's given name and surname, lower case ("Anthony LaCalamita III" ->
    ``anthony lacalamita``; "Riva" -> ``riva``). The given name stays: a victim and
    his sister share a surname, not an age."""
    words = [t.text for t in ent if t.is_alpha or "'" in t.text or "-" in t.text]
    while words and words[-1].lower() in _SUFFIXES:
        words.pop()
    if not words:
        return None
    return " ".join(dict.fromkeys((words[0].lower(), words[-1].lower())))


def _person_after(doc: Doc, i: int, limit: int = 4) -> Span | None:
    """A PERSON entity starting within ``limit`` words after token ``i``, with nothing
    but words (no punctuation, no verb) in between: "36-year-old climber Duncan Rait"."""
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start <= i or ent.start > i + limit:
            continue
        between = doc[i + 1 : ent.start]
        if all(t.is_alpha and t.pos_ not in ("VERB", "AUX") for t in between):
            return ent
    return None


def _person_before(doc: Doc, i: int) -> Span | None:
    """A PERSON entity ending right before token ``i``, a comma apart at most:
    "Robert Pitman, 24", "Riva, 47"."""
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if ent.end == i or (ent.end == i - 1 and doc[ent.end].text == ","):
            return ent
    return None


def _token_at(doc: Doc, char: int) -> Token | None:
    return next(iter(span_tokens(doc, char, char + 1)), None)


def find_ages(doc: Doc) -> Iterator[tuple[int, int, CountValue, str | None]]:
    """``(start, end, value, person)`` of each age in ``doc`` (offsets ``doc``-local)."""
    text = doc.text
    seen: set[int] = set()
    for pattern in (_YEAR_OLD, _AGED):
        for m in pattern.finditer(text):
            n = int(m["n"])
            tok = _token_at(doc, m.start("n"))
            if tok is None or not 0 < n <= _OLDEST or m.start("n") in seen:
                continue
            seen.add(m.start("n"))
            last = _token_at(doc, m.end() - 1)
            if pattern is _YEAR_OLD:
                person = _person_after(doc, last.i if last is not None else tok.i)
            else:
                person = _person_before(doc, tok.i - 1)  # the word "aged"
            yield m.start(), m.end(), CountValue(n, n), _key(person)
    # "Robert Pitman, 24, of Oxford": a name, a comma, a figure, a comma or the end
    for ent in _names(doc):
        if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
            continue
        num = doc[ent.end + 1]
        after = doc[num.i + 1] if num.i + 1 < len(doc) else None
        if not num.text.isdigit() or not 0 < int(num.text) <= _OLDEST or num.idx in seen:
            continue
        if after is not None and after.text not in (",", ".", ";", ")"):
            continue
        seen.add(num.idx)
        value = CountValue(int(num.text), int(num.text))
        yield ent.start_char, num.idx + len(num.text), value, person_key(ent)


_PLACE_PREPS = frozenset({"in", "at", "from", "near", "outside", "across", "to", "into"})


def _names(doc: Doc) -> list[Span]:
    """People's names: PERSON entities, and runs of proper nouns the recogniser took
    for something else ("the death of Kafoury, 63," tagged a place; "Raj Chohan, 59,")
    when they stand before ", N," as a person's name does."""
    names = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    taken = {t.i for ent in names for t in ent}
    i = 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN" or i in taken or not doc[i].is_title:
            i += 1
            continue
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and j not in taken:
            j += 1
        placed = i > 0 and doc[i - 1].lower_ in _PLACE_PREPS  # "In Paris, 45, of them"
        if j < len(doc) and doc[j].text == "," and not placed:
            names.append(doc[i:j])
        i = j
    return names


def _key(person: Span | None) -> str | None:
    return None if person is None else person_key(person)
