"""What a figure's own sentence says about it, beyond what it counts.

Three marks keep a figure out of the wrong comparison (see ``Claim``):

- ``superseded``: the report says the figure was overtaken ("local news
  originally reported that two of the three victims died", "early reports
  said 40") or it is the old level of a change ("rose from 20 to 25",
  "revised down to 704 from 727");
- a part: the figure counts some of a whole ("two women and one man died",
  "283 passengers and 15 crew", "including two women"); its group (those
  besides the ones told, those still in hospital: :mod:`checker.extract.parts`);
- narrowing: the words say who among a whole the figure counts ("156 of the
  dead were children", "the toll included 155 children", "20 protesters,
  five of them women");
- background: the figure is of another happening ("a separate attack",
  "MH370, another Boeing 777 carrying 239 people"); a date of "another
  robbery" too. (How long before the story a happening was is placement's
  business: ``checker.place``.)

Pure functions of spaCy tokens; ``claims.py`` calls them for each figure.
"""

from __future__ import annotations

from spacy.tokens import Token

from checker.extract.doc_index import sentence_of
from checker.frames import WHOLE_NOUNS
from checker.slots import Lexicon

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
_MAX_DIGITS = 15  # a figure longer than this is no count of people (and int() has limits)


def lemma(tok: Token) -> str:
    return str(tok.lemma_ or tok.text).lower()


def number_head(num: Token) -> Token:
    """ "about 20" / "more than 400": climb quantmod chains to the number phrase head;
    "between 60 and 100 rioters": the range's second number hangs from its first."""
    head = num
    while (
        head.dep_ in ("quantmod", "compound", "nmod", "conj")
        and head.head.like_num
        and head.head != head
    ):
        head = head.head
    return head


# the report itself says the figure was overtaken: "local news originally reported that
# two of the three victims died", "initial reports put the toll at 40"
SUPERSEDED_ADVERBS = frozenset({"originally", "initially", "first", "earlier", "previously"})
SUPERSEDED_SOURCES = frozenset({"initial", "early", "earlier", "first", "original"})

# "another" is left out: "another group of captives was freed" is more of this story
OTHER_HAPPENING = frozenset({"separate", "previous", "earlier", "similar", "unrelated"})
# ... but on an event noun it is another happening: "another dramatic robbery"
OTHER_EVENT = OTHER_HAPPENING | {"another"}


def another_happening(num: Token, lexicon: Lexicon) -> bool:
    """ "MH370, another Boeing 777 carrying 239 people", "in a separate attack that
    killed 12": the figure is of another happening than the story's. ("another 20
    people were hurt" adds to this one: the counted noun itself is not looked at; "its
    earlier estimate of about 80" is an old figure, not another happening.)"""
    counted = _nummod_noun(num) or num
    tok = counted
    for _ in range(6):
        if tok.head == tok:
            return False
        tok = tok.head
        if tok.lower_ == "another" and tok.pos_ == "PRON":
            return True  # "MH370, another [Boeing 777] carrying 239 people"
        if _other_happening_noun(tok, lexicon):
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("acl", "relcl", "advcl"):
            # the clause's own arguments: "a separate blast killed 12"
            return any(
                _other_happening_noun(g, lexicon)
                for c in tok.children
                if c is not counted and c.dep_ in ("nsubj", "nsubjpass", "prep")
                for g in (c, *c.children)
            )
    return False


# happenings the lexicon's event classes leave out
_HAPPENING_NOUNS = frozenset({"incident", "event", "case", "episode", "accident", "tragedy"})


def _other_happening_noun(tok: Token, lexicon: Lexicon) -> bool:
    """ "a separate attack", "an earlier fire", "a similar incident" (not "separate
    accidents", the story's own, nor "an earlier estimate", an old figure)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ == "NNS":
        return False
    word = lemma(tok)
    if word not in _HAPPENING_NOUNS and lexicon.event_class(word) is None:
        return False
    return _marked(tok, OTHER_HAPPENING)


def _marked(noun: Token, words: frozenset[str]) -> bool:
    """A determiner or adjective of ``noun`` is one of ``words`` ("a separate attack")."""
    return any(c.dep_ in ("det", "amod") and c.lower_ in words for c in noun.children)


def other_event(trigger: Token, lexicon: Lexicon) -> bool:
    """The happening a date dates is not the story's: "another dramatic robbery on
    Sunday night", "a separate attack on Monday"."""
    nouns = [trigger]
    if trigger.pos_ in ("VERB", "AUX"):
        nouns += [c for c in trigger.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    return any(
        noun.pos_ in ("NOUN", "PROPN")
        and lexicon.event_class(lemma(noun)) is not None
        and _marked(noun, OTHER_EVENT)
        for noun in nouns
    )


def of_object(tok: Token, *, fronted: bool = False) -> Token | None:
    """ "two of the hostages"; ``fronted``: "Of the dead, 210 were children", the whole
    named before the clause."""
    for child in tok.lefts if fronted else tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.rights:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _nummod_noun(num: Token) -> Token | None:
    head = num.head if num.dep_ == "nummod" else None
    return head if head is not None and head.pos_ in ("NOUN", "PROPN") else None


def _is_count(noun: Token) -> bool:
    """ "one man", "a man", "15 crew": a noun with a figure or an indefinite article."""
    return any(
        (c.dep_ == "nummod" and c.like_num) or (c.dep_ == "det" and c.lower_ in ("a", "an"))
        for c in noun.children
    )


def kind_word(noun: Token) -> Token:
    """The word that says who is counted: "15 crew members", "three family members"
    count crew and family, not members."""
    if lemma(noun) == "member":
        for child in noun.children:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                return child
    return noun


def part_of(num: Token) -> str | None:
    """The subgroup a figure counts when it is a part of a whole, never the whole: "two
    women and one man died" (woman, man), "283 passengers and 15 crew", "including two
    women"."""
    noun = _nummod_noun(num)
    if noun is None:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in ("including", "among"):
        return lemma(noun)  # "three people died, including two women"
    siblings = [c for c in noun.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        siblings.append(noun.head)
    if not any(_is_count(other) for other in siblings):
        return None
    if noun.dep_ != "conj" and _is_sum_of_conjuncts(num, noun):
        return None  # "298 people aboard, 283 passengers and 15 crew": the whole, then parts
    return lemma(kind_word(noun))


def of_them_state(num: Token) -> str | None:
    """ "74 others had been treated, 20 of them in critical care": a part of the whole
    "of them" takes up, in the state the phrase after it names (scope ``critical
    care``); "at least 30 of them" alone is the whole."""
    head = number_head(num)
    pronoun = _of_pronoun(head)
    if pronoun is None or _own_noun(head) is not None or pronoun.i + 1 >= len(pronoun.doc):
        return None
    prep = pronoun.doc[pronoun.i + 1]
    if prep.lower_ not in ("in", "on") or prep.dep_ != "prep":
        return None
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        words = [t for t in obj.subtree if t.dep_ != "det" and not t.is_punct]
        return " ".join(t.lower_ for t in words) or None
    return None


def _digits(num: Token) -> int | None:
    """ "1,128" -> 1128; None for words ("two") and for runs too long to be a count."""
    digits = num.text.replace(",", "")
    return int(digits) if digits.isdigit() and len(digits) <= _MAX_DIGITS else None


def _figure_of(noun: Token) -> int | None:
    for c in noun.children:
        if c.dep_ == "nummod" and c.like_num:
            return _digits(c)
    return None


def _is_sum_of_conjuncts(num: Token, noun: Token) -> bool:
    """The first figure of a list equals the sum of the figures after it."""
    own = _digits(num)
    if own is None:
        return False
    parts = [t for t in noun.subtree if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN")]
    figures = [_figure_of(t) for t in parts]
    return bool(figures) and None not in figures and sum(f or 0 for f in figures) == own


def superseded(num: Token, lexicon: Lexicon) -> bool:
    """The figure is what a reporting verb above it says was first said: "originally
    reported that two ... died", "initial reports put the toll at 40"; or the old
    level of a change: "rose from 20 to 25", "revised down to 704 from 727"."""
    if _changed_from(num):
        return True
    tok = num
    for _ in range(8):
        if tok.head == tok or (tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("conj", "parataxis")):
            break  # "..., but officials later said 32": another assertion
        tok = tok.head
        if lemma(tok) not in lexicon.attribution_verbs and lemma(tok) not in ("put", "give"):
            continue
        for child in tok.children:
            if child.dep_ == "advmod" and child.lower_ in SUPERSEDED_ADVERBS:
                return True
            if (
                child.dep_ in SUBJECT_DEPS
                and lemma(child) in ("report", "estimate", "figure")
                and any(m.lower_ in SUPERSEDED_SOURCES for m in child.children)
            ):
                return True  # "initial reports put the toll at 40"
    return False


CHANGE_LEMMAS = frozenset(
    {"rise", "climb", "increase", "grow", "jump", "swell", "soar", "surge", "double", "fall",
     "drop", "decrease", "decline", "dip", "revise", "raise", "lower", "reduce", "cut",
     "correct", "go", "move", "change", "update", "bring", "push", "take"}
)  # fmt: skip


def _changed_from(num: Token) -> bool:
    """ "from 20" in "rose from 20 to 25": the level before a change that also gives the
    new one ("to 25"); the figure after "to" is what holds now."""
    head = number_head(num)
    if (
        num.dep_ == "quantmod"
        and num.head.like_num
        and any(c.dep_ == "quantmod" and c.lower_ == "to" for c in num.head.children)
    ):
        # "rose from six to 12", parsed with "six" and "to" as modifiers of 12
        target = num.head
        return (
            target.dep_ == "pobj"
            and target.head.lower_ == "from"
            and lemma(target.head.head) in CHANGE_LEMMAS
        )
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "pobj":
        head = head.head.head  # "down to 71 from its earlier estimate of about 80"
    if head.dep_ != "pobj" or head.head.lower_ != "from":
        return False
    prep = head.head
    verb = prep.head
    while verb.dep_ in ("prep", "pobj") and verb.head != verb:
        verb = verb.head
    if lemma(verb) not in CHANGE_LEMMAS:
        return False
    to_preps = [c for c in (*prep.children, *verb.children) if c.lower_ == "to"]
    to_preps += [prep.head] if prep.head.lower_ == "to" else []
    to_preps += _nested_to(verb)  # "revised the number aboard down to 27 from 28"
    return any(any(t.like_num or t.pos_ == "NUM" for t in p.subtree) for p in to_preps)


def _nested_to(verb: Token) -> list[Token]:
    """ "to" phrases under the verb's particles and prepositions ("down to 27")."""
    out = []
    for tok in verb.subtree:
        if tok.lower_ != "to" or tok.dep_ != "prep":
            continue
        up = tok.head
        while (
            up != verb and up.dep_ in ("prep", "pcomp", "pobj", "advmod", "prt") and up.head != up
        ):
            up = up.head
        if up == verb:
            out.append(tok)
    return out


# who a vehicle carries ("The passengers and crew included 43 Malaysians")
CARRIED_NOUNS = frozenset({"passenger", "crew", "crewman", "crewmember"})

# pronouns that take up a count of the same sentence: "20 protesters, five of them women"
_WHOLE_PRONOUNS = frozenset({"them", "those", "whom"})


def of_them_antecedent(num: Token) -> Token | None:
    """The plural noun "N of them" takes up within its sentence ("More than 330
    people died, 186 of them children": people; "The gunmen, at least two of them
    women, ...": gunmen), if "N of them" is followed by who it counts."""
    head = number_head(num)
    pronoun = _of_pronoun(head)
    if pronoun is None or _own_noun(head) is None:
        return None
    return _plural_before(head)


def _plural_before(tok: Token) -> Token | None:
    """The nearest plural noun before ``tok`` in its sentence."""
    doc, start = tok.doc, sentence_of(tok).start
    for before in reversed(doc[start : tok.i]):
        if before.pos_ in ("NOUN", "PROPN") and before.tag_ in ("NNS", "NNPS"):
            return before
    return None


def narrowing(num: Token, noun: Token, lexicon: Lexicon) -> tuple[Token, Token] | None:
    """``(whole, who)`` when the words say who among a whole the figure counts.

    "156 of the dead were children" and "Of the dead, 210 were children" (the
    copula's complement), "The dead included 155 children" and "the toll
    included 155 children" (a whole that includes them), "186 of them children"
    (the noun after "N of them").
    """
    head = number_head(num)
    if _of_pronoun(head) is not None:
        own = _own_noun(head)
        return (noun, own) if own is not None and own is not noun else None
    if head.dep_ == "nsubj" and lemma(head.head) == "be" and noun is not head:
        for child in head.head.children:
            if child.dep_ == "attr" and child.pos_ in ("NOUN", "PROPN") and child is not noun:
                return noun, child
            if child.dep_ == "acomp" and lexicon.nationality(child.text) is not None:
                return noun, child  # "189 of the 283 passengers were Dutch"
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("among", "including")
        and any(c.dep_ == "pobj" and c.lower_ in _WHOLE_PRONOUNS for c in noun.head.children)
    ):  # "322 people had been killed, among them 155 children"
        whole = _plural_before(noun.head)
        return (whole, noun) if whole is not None else None
    if noun.dep_ == "pobj" and noun.head.lower_ == "including":
        # "bringing the death toll to 322, including 155 children": the verb's toll
        governor = noun.head.head
        for cand in (governor, *governor.children):
            is_whole = lemma(cand) in WHOLE_NOUNS or lemma(cand) == "toll"
            in_role = cand is governor or cand.dep_ in ("dobj", "nsubj", "nsubjpass")
            if cand is not noun and is_whole and in_role:
                return cand, noun
    first = noun
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "included 43 Malaysians ... and 27 Australians"
    if first.dep_ == "dobj" and lemma(first.head) == "include":
        for child in first.head.children:
            if child.dep_ == "nsubj" and lemma(child) in WHOLE_NOUNS | CARRIED_NOUNS:
                return child, noun
    return None


def _of_pronoun(head: Token) -> Token | None:
    """ "five of them": the pronoun that takes up the whole."""
    obj = of_object(head)
    return obj if obj is not None and obj.lower_ in _WHOLE_PRONOUNS else None


def _own_noun(head: Token) -> Token | None:
    """ "five of them women": the noun the figure itself attaches to."""
    if head.dep_ in ("nummod", "nsubj") and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    return None
