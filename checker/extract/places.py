"""Where a count is of: the place its clause names.

"20,000 people marched in Thessaloniki", "three died in Hatay province", "Qeshm
island, home to 120,000 people", "Bandar Abbas, a city of 500,000 people": the
count is of that place (a city, a region, an island), not necessarily of the
whole story. Only places the recogniser calls a GPE or a LOC count; a building
("the residence", "the mosque") is left to the words around it.
"""

from __future__ import annotations

from typing import Any

from checker.extract.dates import MONTHS

Token = Any  # spacy.tokens.Token
Span = Any  # spacy.tokens.Span

PLACE_LABELS = frozenset({"GPE", "LOC"})
_PLACE_PREPS = frozenset({"in", "across", "throughout", "through"})
# "home to 120,000 people", "a city of 500,000": a place's population
_POPULATED = frozenset({"home", "city", "town", "village", "island", "province", "region"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


# what a proper noun after "in" may be tagged when it is a place the recogniser missed
# ("marched in Thessaloniki" comes out an ORG); a person, a date or a number is not one
_NOT_PLACES = frozenset({"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY"})


def _entity_at(tok: Token, *, named: bool = False) -> Span | None:
    """The place entity ``tok`` is part of; with ``named``, any proper noun that is no
    person, date or number ("Bandar Abbas, a city of ..." tagged a PERSON is named so)."""
    if tok.ent_type_ in PLACE_LABELS:
        return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if tok.pos_ != "PROPN" or tok.lower_ in MONTHS:
        return None
    if not named and tok.ent_type_ in _NOT_PLACES:
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None:
        return ent
    compounds = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return tok.doc[(compounds[0].i if compounds else tok.i) : tok.i + 1]


# "the streets of Athens", "the centre of the capital, Athens": a place's parts name it
_PARTS_OF_PLACES = frozenset(
    {"street", "centre", "center", "capital", "city", "town", "outskirts", "island"}
)
# "took to the streets of Athens": where a part of a place follows
_PART_PREPS = frozenset({"to", "into", "on"})


def _untagged_place(obj: Token) -> Span | None:
    """ "In Heraklion, 10,000 people": a capitalised word the tagger took for a common
    noun, heading a sentence's "In" phrase."""
    prep = obj.head
    if not (prep.lower_ == "in" and prep.is_sent_start and prep.text == "In"):
        return None
    if obj.i != prep.i + 1 or not obj.text[:1].isupper() or obj.lower_ in MONTHS:
        return None
    if obj.ent_type_ in _NOT_PLACES:
        return None
    return obj.doc[obj.i : obj.i + 1]


def _place_object(obj: Token) -> Span | None:
    # "in Hatay province", not "in Smith's house"
    for t in (obj, *(c for c in obj.children if c.dep_ == "compound")):
        found = _entity_at(t)
        if found is not None:
            return found
    if obj.lemma_.lower() in _PARTS_OF_PLACES:
        for of in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            for whole in (g for g in of.children if g.dep_ == "pobj"):
                found = _place_object(whole)
                if found is not None:
                    return found
        for appos in (c for c in obj.children if c.dep_ == "appos"):
            found = _entity_at(appos)
            if found is not None:
                return found
    return _untagged_place(obj)


def _place_in(tok: Token) -> Span | None:
    """A place named by an "in"/"across" phrase of ``tok`` (or "on" an island, a street
    the recogniser calls a place)."""
    for prep in tok.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if prep.lower_ in _PLACE_PREPS or (
                prep.lower_ in _PART_PREPS and obj.lemma_.lower() in _PARTS_OF_PLACES
            ):
                found = _place_object(obj)
            elif prep.lower_ == "on":  # "on Qeshm island", never "on Monday"
                found = next(
                    (_entity_at(t) for t in (obj, *obj.lefts) if t.ent_type_ in PLACE_LABELS),
                    None,
                )
            else:
                continue
            if found is not None:
                return found
    if tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
        # "the northern city of Thessaloniki, where another 20,000 people marched"
        return _entity_at(tok.head) or _place_object(tok.head)
    return None


def _populated_place(noun: Token) -> Span | None:
    """ "Qeshm island, home to 120,000 people": the place whose population it is."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("to", "of"):
        return None
    holder = prep.head
    if holder.lemma_.lower() not in _POPULATED:
        return None
    doc = holder.doc
    if holder.dep_ in ("appos", "attr"):
        place = holder.head
    elif holder.i >= 2 and doc[holder.i - 1].text == ",":
        place = doc[holder.i - 2]  # "Qeshm island, home to", "home" read as an adverb
    else:
        return None
    for t in (place, *place.lefts):
        found = _entity_at(t, named=True)
        if found is not None:
            return found
    return None


def _possessing_place(noun: Token) -> Span | None:
    """ "The island has about 200,000 residents": a place that has them."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in ("have", "house"):
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for t in (subject, *subject.lefts):
            # only a recognised place: "The Boeing 777 had 298 people aboard" is no town
            found = _entity_at(t) if t.ent_type_ in PLACE_LABELS else None
            if found is not None:
                return found
        if subject.lemma_.lower() in _POPULATED:
            return subject.doc[subject.i : subject.i + 1]  # "the island", named before
    return None


def is_population(num: Token) -> bool:
    """A count that is how many live in a place ("home to 120,000 people")."""
    noun = _counted(num)
    return _populated_place(noun) is not None or _possessing_place(noun) is not None


def _counted(num: Token) -> Token:
    return num.head if num.dep_ in ("nummod", "quantmod", "amod", "compound") else num


def place_scope(num: Token) -> str | None:
    """The place a count's clause says it is of, as written, or None."""
    noun = _counted(num)
    found = _place_in(noun) or _populated_place(noun) or _possessing_place(noun)
    if found is None and noun.dep_ in _ARGUMENTS:
        found = _place_in(noun.head)  # "50,000 people marched in Thessaloniki"
    return None if found is None else str(found.text)
