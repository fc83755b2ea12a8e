"""Parts a figure's words make of it, as the scope it is compared within.

"Four other people were arrested", "70 others were injured": those besides the
ones told (scope ``other``); "34 people remained in hospital": those still
treated, a state of the injured that falls as they go home (scope ``in
hospital``). Pure functions of spaCy tokens.
"""

from __future__ import annotations

from spacy.tokens import Token

from checker.extract.context import lemma, number_head
from checker.frames import IN_HOSPITAL_SCOPE

OTHERS_SCOPE = "other"


def others_part(num: Token) -> str | None:
    """ "Four other people were arrested", "the other 100 workers", "70 others were
    injured": the figure counts those besides some already told, a part of its frame
    (scope ``other``), compared only with other such counts."""
    head = num.head if num.dep_ == "nummod" else None
    if head is None:
        return None
    if head.lower_ == "others" or any(
        c.dep_ == "amod" and c.lower_ == "other" for c in head.children
    ):
        return OTHERS_SCOPE
    return None


_STAYING = frozenset({"remain", "stay", "be"})


def still_in_hospital(num: Token) -> str | None:
    """ "34 people remained in hospital", "several hundred are still in hospitals": those
    still treated, a part of the injured that falls as they go home (scope ``in
    hospital``), compared only with other such counts."""
    head = number_head(num)
    noun = head.head if head.dep_ == "nummod" else head
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or lemma(verb) not in _STAYING:
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        if any(g.dep_ == "pobj" and lemma(g) == "hospital" for g in prep.children):
            return IN_HOSPITAL_SCOPE
    return None
