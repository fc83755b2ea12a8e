"""Clause-level readings of a parse that counts and event dates share.

What a noun phrase names in the lexicon ("police officer", "MRTA rebel"),
the readings of a predicate ("let ... go", "held in custody", "were aboard"),
who did it, who is quoted for it and whether it is hedged.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache
from typing import Any

from checker.extract.context import lemma as _lemma
from checker.extract.doc_index import sentence_of
from checker.records import Article, DateMention
from checker.slots import Lexicon

Token = Any  # spacy.tokens.Token
Doc = Any  # spacy.tokens.Doc


def span_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def phrase_class(tok: Token, lexicon: Lexicon) -> tuple[str | None, str]:
    """Noun class of a noun together with its compounds ("police officer", "MRTA rebel")."""
    compounds = [c for c in tok.lefts if c.dep_ in ("compound", "amod")]
    lemma = _lemma(tok)
    for size in range(len(compounds), 0, -1):
        phrase = " ".join([c.text.lower() for c in compounds[-size:]] + [lemma])
        cls = lexicon.noun_class(phrase)
        if cls is not None:
            return cls, phrase
    cls = lexicon.noun_class(lemma) or lexicon.noun_class(tok.text.lower())
    nominal = tok.pos_ in ("NOUN", "PROPN") or (
        tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")
    )  # "One Australian ... died", with the nationality tagged an adjective
    if cls is None and nominal and lexicon.nationality(tok.text):
        return "people", lemma  # "27 Australians": people, of one nationality
    if lemma in NATIONALITY_HOLDERS and any(lexicon.nationality(c.text) for c in compounds):
        return "people", lemma  # "ten British nationals", "189 Dutch citizens"
    return cls, lemma


# Nouns that say no more than a nationality: "British nationals", "Dutch citizens".
NATIONALITY_HOLDERS = frozenset({"national", "citizen", "subject"})


def _preposition(prep: Token, obj: Token) -> str:
    """The words between a verb and its prepositional object: "in", "out of"."""
    return f"{prep.lower_} of" if obj.head != prep else prep.lower_


def predicate_phrases(verb: Token) -> list[str]:
    """Multi-word readings first: "let ... go", "set free", "take over", then the lemma."""
    lemma = _lemma(verb)
    phrases = [
        f"{lemma} {_lemma(c)}"
        for c in verb.children
        if c.dep_ in ("prt", "xcomp", "ccomp", "acomp", "oprd", "advmod", "dobj")
        or (c.dep_ == "advcl" and c.pos_ == "ADJ")  # "set 225 hostages free"
        or (c.dep_ == "advcl" and _lemma(c) in ("hostage", "captive"))  # "took 1,100 hostage"
    ]
    if verb.dep_ in ("ccomp", "xcomp") and verb.head != verb:
        phrases.append(f"{_lemma(verb.head)} {lemma}")
    # "are dead", "remain missing": the complement says what happened, not the copula
    complements = ("acomp", "oprd", "advmod") if lemma in COPULAS else ("acomp", "oprd")
    phrases.extend(_lemma(c) for c in verb.children if c.dep_ in complements)  # "were aboard"
    objects = [
        (c, g)
        for c in verb.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]
    # "blasted out of the sky", "pulled out of the rubble": "out of" as one preposition
    objects += [
        (c, g)
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "out"
        for of in c.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for g in of.children
        if g.dep_ == "pobj"
    ]
    # "held for questioning", "held in custody": a verb with its prepositional object
    phrases[:0] = [
        *(f"{lemma} {_preposition(prep, obj)} {obj.lower_}" for prep, obj in objects),
        # "charged three with murder", "convicted of arson"
        *(f"{lemma} {prep.lower_}" for prep, _ in objects if prep.lower_ in ("with", "of")),
    ]
    # "the number of Australians on board flight MH17", with "board" parsed as a compound
    if any(
        p.lower_ == "on" and p.i + 1 < len(p.doc) and p.nbor().lower_ == "board" for p, _ in objects
    ):
        phrases.append("on board")
    if lemma in COPULAS:  # "had been on board", "were aboard the jet"
        phrases.extend(
            f"{prep.lower_} {_lemma(obj)}" for prep, obj in objects if obj.dep_ == "pobj"
        )
        # "inside the building" is not "held": of workers it says they were there
        phrases.extend(prep.lower_ for prep, _ in objects if prep.lower_ in ABOARD_PREPS)
    if lemma in PLACED_VERBS and any(
        prep.lower_ in INSIDE_PREPS and _lemma(obj) in STRUCTURE_NOUNS for prep, obj in objects
    ):  # "were working in the building when it fell", "were inside the factory"
        phrases.append("inside structure")
    phrases.append(lemma)
    return phrases


COPULAS = frozenset({"be", "remain", "stay"})
# Working somewhere: "2,000 people were working in the building" says who was there
# ("354 people are inside the school", in a siege, are held: not these)
PLACED_VERBS = frozenset({"work"})
INSIDE_PREPS = frozenset({"in", "inside", "within"})
# Buildings and works that fall, burn or hold people.
STRUCTURE_NOUNS = frozenset(
    {"building", "block", "tower", "bridge", "dam", "roof", "factory", "complex", "plaza",
     "wall", "stadium", "school", "hotel", "mall", "structure", "house", "ceiling", "mine",
     "tunnel", "levee", "embankment", "crane", "balcony", "floor", "storey", "church",
     "mosque", "temple", "market", "apartment", "warehouse", "hospital", "shaft"}
)  # fmt: skip


ABOARD_PREPS = frozenset({"aboard", "onboard"})


def agent_class(verb: Token, lexicon: Lexicon) -> str | None:
    """Noun class of whoever does ``verb``: its subject, or its clause's subject
    for a participle ("commandos stormed the house, freeing 71 hostages")."""
    for tok in (verb, verb.head):
        for child in tok.children:
            if child.dep_ == "nsubj" or child.dep_ == "agent":
                target = child
                if child.dep_ == "agent":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if not objs:
                        continue
                    target = objs[0]
                cls, _ = phrase_class(target, lexicon)
                if cls is not None:
                    return cls
        if verb.dep_ not in ("advcl", "xcomp", "conj", "acl"):
            break
    return None


def attribution(tok: Token, lexicon: Lexicon) -> str | None:
    """Who the sentence attributes the figure to: "police said", "according to X"."""
    sent = sentence_of(tok)
    verbs = {v.split()[0] for v in lexicon.attribution_verbs if " " not in v}
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            for obj in t.doc[t.i + 1].children:
                if obj.dep_ == "pobj":
                    return subtree_text(obj)
    # the nearest reporting verb that dominates the figure, else any in the sentence
    anc = list(tok.ancestors)
    candidates = [t for t in anc if _lemma(t) in verbs] + [
        t for t in sent if _lemma(t) in verbs and t.pos_ == "VERB" and t not in anc
    ]
    for verb in candidates:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        for child in subjects:
            if child.pos_ != "PRON":
                return subtree_text(child)
        if not subjects and verb.pos_ == "VERB":
            speaker = _speaker_before(verb)
            if speaker is not None:
                return subtree_text(speaker)
    return None


def _speaker_before(verb: Token) -> Token | None:
    """ "Outside the morgue, a senior official of the ministry told me that...", parsed
    with no subject of "told": the noun phrase right before the verb."""
    before = verb.doc[verb.i - 1] if verb.i > sentence_of(verb).start else None
    if before is None or before.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = before
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "an official of the regional health ministry"
    return noun


def subtree_text(tok: Token) -> str:
    words = list(tok.subtree)
    if len(words) > 8:
        words = [w for w in tok.lefts if w.dep_ in ("compound", "amod", "det")] + [tok]
    text = " ".join(w.text for w in words if w.dep_ != "punct" or w.text in ("'s",))
    return text.replace(" 's", "'s").strip()


def hedge(sent_text: str, lexicon: Lexicon) -> str | None:
    lowered = sent_text.lower()
    for word in lexicon.hedges:
        if re.search(rf"\b{re.escape(word)}\b", lowered):
            return word
    return None


def middle_day(mention: DateMention) -> dt.date:
    """The day a date expression stands for: the middle of its span."""
    assert mention.start_date is not None and mention.end_date is not None
    return mention.start_date + (mention.end_date - mention.start_date) // 2


def line_of(article: Article, start: int) -> int:
    """The 1-based line of the file that character ``start`` of the text is on."""
    return article.line_offset + bisect.bisect_left(_newlines(article.text), start) + 1


@lru_cache(maxsize=8)
def _newlines(text: str) -> list[int]:
    """Where each line break of ``text`` is: a claim's line is a binary search, not a
    count from the start of the text (which made a report quadratic in its figures)."""
    return [m.start() for m in re.finditer("\n", text)]
