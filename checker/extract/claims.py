"""From a parsed report to claims: which figure counts what, what happened to it, and when.

The number and date layers find figures and time expressions in plain text;
this module places them in the dependency tree of the spaCy parse:

* a figure is linked to its counted noun (``nummod``, partitives "two of the
  hostages", "20 members of the MRTA", appositions and conjunctions such as
  "20 Tupac Amaru Revolutionary Movement, or MRTA, rebels", "death toll");
* the noun's governing predicate gives what happened to it (held, released,
  killed, demanded...); agents of a verb are not its patients, so in
  "14 rebels killed a hostage" the rebels were not killed;
* ``as_of``: a state holds at publication time, an event claim on the date
  attached to its predicate; "initially"/"at first" move it to the story's start.

Dates of events are :mod:`checker.extract.events`; the clause helpers both
use are :mod:`checker.extract.clauses`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from checker.extract.ages import AGE_SLOT, AGE_UNIT, find_ages
from checker.extract.clauses import (
    ABOARD_PREPS,
    COPULAS,
    agent_class,
    attribution,
    hedge,
    line_of,
    middle_day,
    phrase_class,
    predicate_phrases,
    span_tokens,
)
from checker.extract.context import (
    CARRIED_NOUNS,
    SUBJECT_DEPS,
    another_happening,
    kind_word,
    narrowing,
    of_object,
    of_them_antecedent,
    of_them_state,
    part_of,
    superseded,
)
from checker.extract.context import lemma as _lemma
from checker.extract.context import number_head as _number_head
from checker.extract.dates import Duration, find_dates, find_durations
from checker.extract.doc_index import sentence_of, text_of
from checker.extract.events import (
    SEARCHES,
    at_the_onset,
    clause_verb,
    date_claims,
    ends_a_search,
    relative_event_claims,
)
from checker.extract.headlines import restore_case, sentence_cased
from checker.extract.numbers import find_quantities
from checker.extract.parts import others_part, still_in_hospital
from checker.extract.places import is_population, place_scope
from checker.extract.when import (
    EVENT_PREDICATES,
    date_from_context,
    publication_basis,
    read_against_update,
)
from checker.frames import WHOLE_CLASSES, group_of
from checker.ids import claim_id
from checker.published import find_update_day
from checker.records import (
    Article,
    AsOfBasis,
    Claim,
    CountValue,
    DateMention,
    Kind,
    Qualifier,
    Quantity,
)
from checker.slots import NON_COUNT_NOUNS, STATE_PREDICATES, Lexicon

Token = Any  # spacy.tokens.Token
Doc = Any  # spacy.tokens.Doc

# Nouns that stand for a count of something else: "the death toll", "the number of hostages".
CONTAINER_NOUNS = frozenset({"toll", "number", "total", "count", "figure", "tally", "group"})
PARTITIVE_HEADS = frozenset({"member", "members", "one", "some", "all", "each", "most"})
PATIENT_DEPS = frozenset({"nsubjpass", "dobj", "obj", "attr", "oprd", "pobj", "appos", "conj"})

STORY_START_CUES = re.compile(
    r"\b(initially|at first|originally|when the (?:crisis|siege|standoff) began|"
    r"at the (?:start|outset|beginning)|first reported|early reports?)\b",
    re.IGNORECASE,
)
CORRECTION_CUES = re.compile(
    r"\b(corrected|correction|revised|not\s+\S+\s+as (?:previously|earlier|first) reported|"
    r"earlier reports? (?:had )?(?:said|put|gave)|"
    # "more than 1,100 people, not the 354 they had announced", "far more than the 354
    # announced on Wednesday", "acknowledged for the first time"
    r"(?:not|than) the [\d,]+ (?:\w+ )?(?:had )?(?:announced|reported|given|stated|claimed)|"
    r"acknowledged for the first time)\b",
    re.IGNORECASE,
)
# "so far", and "since the building fell": a count from then on, as of the report
SO_FAR_CUES = re.compile(r"\b(so far|to date|thus far|since (?:the|it) \w+)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Counted:
    """The noun a figure counts, and the token the figure's phrase hangs from."""

    noun: Token
    noun_class: str | None
    phrase: str
    anchor: Token  # where the walk to the governing predicate starts
    # who among ``noun`` the figure counts: "156 of the dead were children" (children)
    narrowed_by: Token | None = None
    # see Claim.doubt ("them" taken up within the sentence is the parse's own link: sure)
    doubt: str | None = None


TAKEN_UP_BEFORE = "who is counted is taken from the sentence before"


def _counted_noun(num: Token, lexicon: Lexicon) -> Counted | None:
    """The noun a number counts, following the usual attachments, and who among it
    the figure counts when the words narrow it (:func:`narrowing`)."""
    counted = _counted_whole(num, lexicon)
    if counted is None:
        return None
    found = narrowing(num, counted.noun, lexicon)
    if found is None:
        return counted
    whole, narrow = found
    if whole is counted.noun:
        return replace(counted, narrowed_by=narrow)
    cls, phrase = phrase_class(whole, lexicon)
    if cls is None and _lemma(whole) in CONTAINER_NOUNS and "dead" in lexicon.nouns:
        cls, phrase = "dead", _lemma(whole)  # "the toll included 155 children"
    if cls is None:
        return counted
    return Counted(whole, cls, phrase, whole, narrow, counted.doubt)


# Who is at a scene because they were sent there: "200 firefighters were at the scene".
_RESPONDERS = frozenset(
    {"firefighter", "fireman", "rescuer", "paramedic", "medic", "ambulance", "police",
     "policeman", "officer", "soldier", "troop"}
)  # fmt: skip
_ON_THE_SCENE = frozenset({"scene", "site"})


def _responders_on_the_scene(noun: Token, noun_class: str | None) -> bool:
    if noun_class != "soldiers" and _lemma(noun) not in _RESPONDERS:
        return False
    verb = noun.head
    if noun.dep_ != "nsubj" or _lemma(verb) not in COPULAS | {"arrive", "remain", "work"}:
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("at", "on")
        and any(g.dep_ == "pobj" and _lemma(g) in _ON_THE_SCENE for g in prep.children)
        for prep in verb.children
    )


def _has_own_figure(noun: Token) -> bool:
    return any(c.dep_ == "nummod" and c.like_num for c in noun.children)


def _counted_whole(num: Token, lexicon: Lexicon) -> Counted | None:
    head = _number_head(num)
    antecedent = of_them_antecedent(num)
    if antecedent is not None:  # "20 protesters, five of them women": counts protesters
        cls, phrase = phrase_class(antecedent, lexicon)
        if cls is not None or phrase in lexicon.people_words:
            return Counted(antecedent, cls, phrase, antecedent)
    candidates: list[tuple[Token, Token]] = []  # (noun, anchor)
    zero_det = head.dep_ == "det" and head.lower_ == "no"  # "no injuries were reported"
    if (
        head.dep_ in ("nummod", "amod", "quantmod", "compound", "nmod") or zero_det
    ) and head.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        candidates.append((head.head, head.head))
    elif head.pos_ in ("NUM", "NOUN", "PRON") or head.like_num:
        obj = of_object(head) or (
            of_object(head.head, fronted=True)
            if head.dep_ == "nsubj" and _lemma(head.head) == "be"
            else None
        )
        if obj is not None:  # "two of the hostages"; "of the dead, 210 were children"
            candidates.append((obj, head))
    for cand, anchor in list(candidates):
        # "20 Tupac Amaru Revolutionary Movement, or MRTA, rebels": the class noun is a conjunct
        for extra in [*cand.conjuncts, *(c for c in cand.children if c.dep_ == "appos")]:
            if _lemma(cand) in lexicon.people_words and lexicon.nationality(extra.text):
                continue  # "One Australian and one English climber": climbers
            candidates.append((extra, anchor))
        # "no reports of injuries": none of the injured (a count of reports says nothing)
        reports = zero_det and _lemma(cand) == "report"
        if _lemma(cand) in PARTITIVE_HEADS or _lemma(cand) in CONTAINER_NOUNS or reports:
            obj = of_object(cand)
            if obj is not None:  # "20 members of the MRTA", "the number of hostages"
                candidates.insert(0, (obj, anchor))
    # "three bank workers" mis-parsed with the number on "bank": count the compound's head
    candidates = [
        (c.head if c.dep_ == "compound" and c.head.pos_ == "NOUN" else c, a) for c, a in candidates
    ]
    for cand, anchor in candidates:
        if cand.lower_ == "others" and head.dep_ == "nummod":
            return Counted(cand, "people", "others", anchor)  # "and 70 others were injured"
        cls, phrase = phrase_class(cand, lexicon)
        if cls is not None and cand != candidates[0][0] and _has_own_figure(cand):
            # "283 passengers and 15 crew", "15 crew members, as well as 193 Dutch
            # citizens": the class of the conjunct, the noun (and nationality) its own
            return Counted(candidates[0][0], cls, phrase, anchor)
        if cls is not None:
            return Counted(cand, cls, phrase, anchor)
        if _lemma(cand) == "member":
            obj = of_object(cand)
            if obj is not None and obj.ent_type_ in ("ORG", "NORP", "GPE"):
                return Counted(cand, "rebels", "member", anchor)
    for cand, anchor in candidates:
        lemma = _lemma(cand)
        if (
            cand.pos_ in ("NOUN", "PROPN")
            and lemma not in NON_COUNT_NOUNS
            and lemma not in CONTAINER_NOUNS
            and cand.is_alpha
        ):
            return Counted(cand, None, lemma, anchor)
    return None


# Verbs whose subject is counted by their object: "the captors number 14".
COUNTING_VERBS = frozenset({"number", "total", "reach", "stand", "be"})
# Verbs a toll reaches its figure with: "the death toll has reached 318", "topped 1,000"
# (a toll is not said to "number" its dead)
REACHING_VERBS = (COUNTING_VERBS - {"number"}) | {"hit", "top", "pass", "exceed", "surpass", "near"}
# Verbs whose object is counted by an "at" phrase: "put the attackers at about 20".
ESTIMATING_VERBS = frozenset({"put", "estimate", "place", "set", "count"})


def _argument_noun(num: Token, lexicon: Lexicon) -> Counted | None:
    """The counted noun as another argument of the verb: "the captors number 14",
    "police put the attackers at about 20"."""
    head = _number_head(num)
    verb, via_at = head.head, False
    if head.dep_ == "nummod" and _lemma(verb) in ("number", "total"):
        # "their captors number 14" with "number" mis-tagged as a noun, its subject a
        # child or (in apposition) its head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ == "appos":
            subjects.append(verb.head)
        for child in subjects:
            cls, phrase = phrase_class(child, lexicon)
            if cls is not None:
                return Counted(child, cls, phrase, child)
    if head.dep_ == "pobj" and head.head.lower_ == "at":
        verb, via_at = head.head.head, True
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = _lemma(verb)
    wanted = ("dobj",) if via_at and lemma in ESTIMATING_VERBS else ()
    if not via_at and lemma in COUNTING_VERBS and head.dep_ in ("dobj", "attr", "npadvmod"):
        wanted = ("nsubj",)
    for child in verb.children:
        if child.dep_ in wanted:
            cls, phrase = phrase_class(child, lexicon)
            if cls is not None:
                return Counted(child, cls, phrase, child)
            if (
                _lemma(child) in CONTAINER_NOUNS
                and _aboard_near(child)
                and "people" in lexicon.nouns
            ):
                return Counted(child, "people", "people", child)  # "put the number aboard at 295"
    return None


def _on_board(prep: Token) -> bool:
    """ "on board" as a phrase of a noun: "298 people on board"."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "on"
        and any(g.dep_ == "pobj" and g.lower_ == "board" for g in prep.children)
    )


def _aboard_near(noun: Token) -> bool:
    """ "the number aboard", with "aboard" on the noun or on its verb."""
    return any(
        c.lower_ in ABOARD_PREPS and c.dep_ in ("advmod", "prep", "amod")
        for c in (*noun.children, *noun.head.children)
    )


def _toll_noun(num: Token, lexicon: Lexicon) -> Counted | None:
    """ "the death toll rose to three", "the number of hostages fell to 72"."""
    tok = _number_head(num)
    for _ in range(6):  # "rose from 20 to 25": 25 hangs from "to", from "from", from "rose"
        # "revised the number aboard down to 27": from "to", "down", "aboard", "revised"
        climbs = tok.dep_ in ("pobj", "prep", "pcomp") or (
            tok.dep_ in ("advmod", "prt") and tok.lower_ in ("down", "up")
        )
        if climbs and tok.head != tok:
            tok = tok.head
            continue
        break
    if tok.dep_ in ("dobj", "attr") and _lemma(tok.head) in REACHING_VERBS:
        tok = tok.head  # "the death toll has now reached 318"
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    for child in tok.children:
        # "the toll rose to 25"; "revised the number of injured down to 704"
        if child.dep_ in SUBJECT_DEPS | {"nsubjpass", "dobj"} and _lemma(child) in CONTAINER_NOUNS:
            obj = of_object(child)
            if obj is not None:
                cls, phrase = phrase_class(obj, lexicon)
                if cls is not None:
                    return Counted(obj, cls, phrase, obj)
            compounds = [c for c in child.lefts if c.dep_ == "compound"]
            for comp in compounds:
                cls = lexicon.noun_class(_lemma(comp))
                if cls is not None:
                    return Counted(comp, cls, _lemma(comp), comp)
            if _lemma(child) == "toll" and not compounds and "dead" in lexicon.nouns:
                return Counted(child, "dead", "toll", child)  # "the toll rose to 45": the dead
    return None


# Verbs whose subject undergoes them: "three hostages died", "74 hostages remain".
PATIENT_SUBJECT_LEMMAS = frozenset(
    {"die", "remain", "stay", "perish", "survive", "escape", "go", "walk", "leave", "be",
     "work",  # "2,000 people were working in the building": who was there
     "suffocate", "drown", "starve", "succumb",  # "three people have suffocated"
     "fall", "plunge",  # "two climbers have fallen to their deaths"
     "hide"}  # "seven workers were hiding in a closet": held where they hid
)  # fmt: skip
CLAUSE_BOUNDARIES = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "xcomp"})


def _undergoes(verb: Token) -> bool:
    """The verb's subject undergoes it, itself or through the verb it governs ("managed
    to escape", "tried to survive", "had to be ushered out")."""
    return _lemma(verb) in PATIENT_SUBJECT_LEMMAS or any(
        c.dep_ == "xcomp"
        and (
            _lemma(c) in PATIENT_SUBJECT_LEMMAS
            # "had to be ushered to safety", "are believed to be trapped"
            or (_lemma(verb) in RAISING_LEMMAS and any(g.dep_ == "auxpass" for g in c.children))
        )
        for c in verb.children
    )


# "30 people were known to have died", "believed to have been killed": the raising verb
# says who knows; its infinitive says what happened
RAISING_LEMMAS = frozenset(
    {"know", "believe", "presume", "fear", "think", "feel", "report", "confirm", "say",
     "understand", "assume", "expect", "seem", "appear",
     "have", "need"}  # "20 more people had to be ushered to safety"
)  # fmt: skip


# Those taken to hospital are the injured, but victims or casualties taken there may
# include the dead.
_HOSPITAL_ARRIVALS = frozenset(
    {"take to hospital", "take to hospitals", "admit to hospital", "rush to hospital",
     "fly to hospital", "airlift to hospital"}
)  # fmt: skip
_ALL_VICTIMS = frozenset({"victim", "casualty"})


def _taken_to_hospital(verb: Token) -> bool:
    return any(p in _HOSPITAL_ARRIVALS for p in predicate_phrases(verb))


def _predicate_class(verb: Token, lexicon: Lexicon) -> str | None:
    phrases = predicate_phrases(verb)
    for phrase in phrases:
        cls = lexicon.predicate_class(phrase)
        if cls is not None:
            return cls
    if "killed" in lexicon.predicates and any(
        p.endswith((" to death", " to deaths")) for p in phrases
    ):
        return "killed"  # "burnt to death", "crushed to death", "trampled to death"
    if _lemma(verb) in RAISING_LEMMAS:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX", "ADJ"):
                return _predicate_class(child, lexicon)
    return None


def _people(counted: Counted, lexicon: Lexicon) -> bool:
    """A count of people: a noun class of the lexicon or one of its people words."""
    cls = counted.noun_class
    return cls is not None and (cls in lexicon.nouns or cls in lexicon.people_words)


def _is_partitive_whole(noun: Token) -> bool:
    """ "the 72 hostages" in "71 of the 72 hostages": the whole set, not what happened to part."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    owner = noun.head.head
    return bool(owner.like_num or _lemma(owner) in PARTITIVE_HEADS)


def _is_bare_participle(verb: Token) -> bool:
    """ "want 400 members freed": a past participle with no auxiliary is passive."""
    return bool(verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _by_whom(verb: Token, cls: str, lexicon: Lexicon) -> str:
    """Freeing done by troops is a rescue."""
    if cls == "released" and agent_class(verb, lexicon) == "soldiers":
        return "rescued"
    return cls


# Nouns that measure out what an "of" phrase counts ("dozens of people", "a crowd of
# 200"), so a predicate above them is the counted people's too
_AMOUNT_NOUNS = frozenset(
    {"hundred", "thousand", "million", "dozen", "score", "crowd", "band", "handful",
     "couple", "pair", "majority", "minority", "rest", "remainder", "half", "third",
     "quarter", "bunch", "batch", "wave", "series", "list", "lot", "most", "all"}
)  # fmt: skip


def _governing_predicate(counted: Counted, lexicon: Lexicon) -> tuple[Token | None, str | None]:
    """What happened to the counted thing: the nearest predicate in the lexicon.

    Modifiers on the noun come first ("the freed hostages", "hostages held
    inside"); then the predicates above the figure's phrase, when the phrase is
    their patient (object, passive subject, subject of "die"/"remain"). The
    active subject of a transitive verb is its agent: "14 rebels killed a
    hostage" says nothing about rebels killed; agents of "storm"/"raid" are
    deployed. Nominal predicates pass their class up to a "demanded" above
    them: "demanding the release of 400 prisoners".
    """
    noun = counted.noun
    modifier: tuple[Token, str] | None = None
    modified = [noun] if counted.anchor == noun else []
    if modified and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        container = noun.head.head  # "the number of people dead or missing presumed dead"
        if _lemma(container) in CONTAINER_NOUNS:
            modified.append(container)
    for child in (c for holder in modified for c in holder.children):
        if (
            child.dep_ == "relcl"
            and _lemma(child) not in COPULAS | PATIENT_SUBJECT_LEMMAS
            and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in child.children)
        ):
            continue  # "rebels who had held the compound": the noun is the agent
        aboard = child.dep_ == "prep" and child.lower_ in ABOARD_PREPS  # "aboard the jet"
        if _on_board(child) and modifier is None:
            modifier = (child, "aboard")  # "crashed with 298 people on board"
            continue
        if child.dep_ in ("amod", "acl", "relcl", "advmod") or aboard:  # "298 people aboard"
            cls = _predicate_class(child, lexicon)
            if cls in (*STATE_PREDICATES, "aboard") and modifier is None:
                # "members held in jails", "all 298 people aboard were killed": a
                # predicate above says more
                modifier = (child, cls)
            elif cls is not None:
                return child, _by_whom(child, cls, lexicon)
    if counted.anchor == noun and _is_partitive_whole(noun):
        return None, None
    nominal: tuple[Token | None, str | None] = (None, None)
    tok = counted.anchor
    for _ in range(6):
        head, dep = tok.head, tok.dep_
        if head == tok or (tok.pos_ in ("VERB", "AUX") and dep in CLAUSE_BOUNDARIES):
            break
        if dep in ("conj", "appos", "compound", "nummod"):
            tok = head
            continue
        if dep == "pobj" and head.dep_ in ("prep", "agent"):
            governor = head.head
            cls = _predicate_class(governor, lexicon)
            if head.lower_ == "by" and nominal[1] is not None:
                return nominal  # "shocked by the death of these three people"
            if head.lower_ == "by":  # "stormed by about 20 rebels": the agent
                return governor, _agent_role(counted, governor, cls, lexicon)
            if cls == "demanded":
                return governor, cls  # "demanded freedom for 400 jailed comrades"
            if (
                head.lower_ == "with"
                and cls in ("released", "rescued")
                and _people(counted, lexicon)
            ):
                return governor, cls  # "came out with 26 hostages": they came out too
            if head.lower_ == "of" and governor.pos_ == "NOUN" and cls is not None:
                nominal = (governor, cls)  # "the release of 400 prisoners"
            elif (
                head.lower_ == "of"
                and governor.pos_ == "NOUN"
                and nominal[1] is None
                and _lemma(governor) not in CONTAINER_NOUNS | _AMOUNT_NOUNS
            ):
                # "kept the families of all 71 victims informed": what befalls the
                # families does not befall the victims
                return None, None
            tok = governor
            continue
        cls = _predicate_class(head, lexicon)
        if cls == "injured" and _taken_to_hospital(head) and _lemma(noun) in _ALL_VICTIMS:
            return None, None  # "the three victims were taken to the hospital": one died
        if (
            cls == "released"
            and head.dep_ in ("ccomp", "xcomp", "oprd")
            and _predicate_class(head.head, lexicon) == "demanded"
        ):
            return head.head, "demanded"  # "want 400 members freed from prison"
        agentive = (
            dep in SUBJECT_DEPS
            and not _undergoes(head)
            and head.lower_ != "missing"  # "hundreds of people are still missing"
            and not _is_bare_participle(head)
        )
        if cls == "demanded" and not agentive:
            return head, cls
        if cls is None and agentive and head.pos_ == "VERB":
            role = _agent_role(counted, head, cls, lexicon)
            if role is not None:
                return head, role  # "Four men rammed their car into the store"
        if nominal[1] is not None:
            if dep in CLAUSE_BOUNDARIES or head.pos_ in ("VERB", "AUX"):
                return nominal
        elif cls is not None:
            if agentive:
                return head, _agent_role(counted, head, cls, lexicon)
            if cls == "released" and _predicate_class(head.head, lexicon) == "demanded":
                return head.head, "demanded"  # "want 400 members freed"
            return head, _by_whom(head, cls, lexicon)
        tok = head
    if nominal[1] is None and modifier is not None:
        return modifier
    return nominal


ATTACK_EVENTS = frozenset({"attack", "killing"})


def _with_conjuncts(verb: Token) -> list[Token]:
    """The verb's children and those of the verbs conjoined to it: "shot and killed a
    teenager" has its object on "killed"."""
    conjoined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return [*verb.children, *(g for c in conjoined for g in c.children)]


def _agent_role(counted: Counted, verb: Token, cls: str | None, lexicon: Lexicon) -> str | None:
    """What doing ``verb`` makes of who did it: troops and attackers that storm or raid
    are deployed ("about 140 commandos stormed"); people who attack, rob or kill are
    the attackers ("Four men rammed their car into the store", "the fire was set by
    three teenagers", "two plainclothes officers fatally shot"... of the officers only
    when they storm); the agent of anything else is nothing the figure says."""
    attack = cls in ("deployed", "attacked")
    arguments = _with_conjuncts(verb)
    if (
        counted.noun_class == "soldiers"
        and cls in ("killed", "shot")
        and any(c.dep_ == "dobj" for c in arguments)
    ):
        return "attacking"  # "two plainclothes officers fatally shot the teenager"
    if counted.noun_class in ("soldiers", "rebels"):
        return "deployed" if attack else None
    violent = (
        attack
        or cls in ("killed", "shot")
        or any(lexicon.event_class(p) in ATTACK_EVENTS for p in predicate_phrases(verb))
    )
    # someone is attacked: "three people have suffocated", "Three People Shot" are victims
    done_to = (
        any(c.dep_ in ("dobj", "agent") for c in arguments) or counted.noun.head.lower_ == "by"
    )
    if violent and done_to and _people(counted, lexicon):
        return "attacking"
    return "deployed" if attack else None


NESTED_CLAUSES = frozenset({"relcl", "conj", "advcl", "ccomp", "acl", "parataxis", "xcomp"})


def _clause_spans(verb: Token) -> list[tuple[int, int]]:
    """Character spans of the words of ``verb``'s own clause, nested clauses left out."""
    spans: list[tuple[int, int]] = []
    stack = [verb]
    while stack:
        tok = stack.pop()
        spans.append((tok.idx, tok.idx + len(tok.text)))
        stack.extend(c for c in tok.children if c.dep_ not in NESTED_CLAUSES)
    return spans


# "2,438 people rescued alive since the building fell on April 24", "rescued in the days
# after the collapse on April 24": the date starts a count that runs to the report
_COUNTED_FROM = re.compile(
    r"\bsince\b|\bin\s+the\s+(?:hours|days|weeks|months)\s+(?:after|since)\b", re.I
)


def _counts_from(pred: Token, date: DateMention) -> bool:
    """The clause counts from ``date`` on rather than on it."""
    text = text_of(pred.doc)
    lo, hi = sorted((pred.idx + len(pred.text), date.start))
    return bool(_COUNTED_FROM.search(text[lo:hi])) if hi - lo <= 80 else False


def _date_in_clause(pred: Token, dates: Sequence[DateMention]) -> DateMention | None:
    """A single-day date in the clause of ``pred``, else in the clause it depends on
    ("freed 38 hostages ... yesterday, when they freed ..." / "stormed on Tuesday, freeing 71")."""
    clauses = [pred]
    if pred.dep_ in ("advcl", "xcomp", "conj", "acl") and pred.head != pred:
        clauses.append(pred.head)
    for verb in clauses:
        spans = _clause_spans(verb)
        inside = [
            d
            for d in dates
            if d.start_date is not None
            and d.start_date == d.end_date
            and any(lo <= d.start < hi for lo, hi in spans)
        ]
        if inside:
            return min(inside, key=lambda d: abs(d.start - pred.idx))
    return None


def _quote_span(q: Quantity, noun: Token | None) -> tuple[int, int]:
    start, end = q.start, q.end
    if noun is not None:
        n_end = noun.idx + len(noun.text)
        if noun.idx >= end and n_end - start <= 90:
            end = n_end
    return start, end


# Predicate classes that happen at a moment (dated by a date in their clause);
# the others describe a state that holds when the report is published.
def _local_text(num: Token, pred: Token | None, width: int = 8) -> str:
    """The words around a figure and its predicate, for cues such as "initially"."""
    sent = sentence_of(num)
    lo = max(sent.start, num.i - width)
    hi = min(sent.end, num.i + width)
    words = [t.text for t in num.doc[lo:hi]]
    if pred is not None:
        words.extend(t.text for t in pred.children if t.dep_ == "advmod")
    return " ".join(words)


def _is_perfect(verb: Token) -> bool:
    """ "have freed hundreds": a running total as of publication, not one event."""
    return any(
        c.dep_ == "aux" and _lemma(c) == "have" and c.tag_ in ("VBP", "VBZ") for c in verb.children
    )


# Who was where, or held: a state at the moment a when-clause names.
_STATES = frozenset({None, "held", "aboard", "trapped", "seen"})


def _search_end(num: Token, dates: Sequence[DateMention]) -> DateMention | None:
    """The day of the search's end a running count is told with: "called off its search
    on Monday, after recovering the bodies of more than 1,100 people", "the search
    recovered 1,127 bodies before it was called off on May 13"."""
    tok = num
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            for verb in (tok, *(c for c in tok.children if c.dep_ == "advcl")):
                if ends_a_search(verb) or (verb != tok and _search_called_off(verb, tok)):
                    return _date_in_clause(verb, dates)
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def _search_called_off(clause: Token, verb: Token) -> bool:
    """ "the search recovered 1,127 bodies before it was called off": "it" is the
    search the main clause names."""
    return (
        "call off" in predicate_phrases(clause)
        and any(c.lower_ == "it" and c.dep_ == "nsubjpass" for c in clause.children)
        and any(c.dep_ == "nsubj" and _lemma(c) in SEARCHES for c in verb.children)
    )


def _at_the_happening(verb: Token, dates: Sequence[DateMention]) -> _Holds:
    """A state held when the happening struck: on the day its clause gives ("100
    people rioted on Monday"), else at the story's start."""
    attached = _date_in_clause(verb, dates)
    if attached is not None:
        return _Holds(middle_day(attached), AsOfBasis.EVENT)
    return _Holds(None, AsOfBasis.STORY_START)


@dataclass(frozen=True)
class _Holds:
    """When a figure holds, why, and (an event figure no date of its clause places)
    the kind of happening whose day placement will give it."""

    as_of: dt.date | None
    basis: AsOfBasis
    awaits: str | None = None


def _published(article: Article) -> _Holds:
    return _Holds(article.published_date, publication_basis(article.published_date))


def _as_of(
    article: Article,
    pred: Token | None,
    pred_class: str | None,
    local_text: str,
    dates: Sequence[DateMention],
) -> _Holds:
    if STORY_START_CUES.search(local_text):
        return _Holds(None, AsOfBasis.STORY_START)
    if pred is not None and pred_class in EVENT_PREDICATES and not _is_perfect(pred):
        attached = _date_in_clause(pred, dates)
        if attached is not None and _counts_from(pred, attached):
            return _Holds(article.published_date, AsOfBasis.SO_FAR)
        if attached is not None:
            return _Holds(middle_day(attached), AsOfBasis.EVENT)
        return _Holds(article.published_date, AsOfBasis.AWAITING_CONTEXT, pred_class)
    return _published(article)


# Figures that measure rather than count: a quake's magnitude, a building's storeys.
# "6.1-magnitude", "magnitude 5.9", "a magnitude-6.4 temblor", "measuring 6.4 on the
# Richter scale", "a 6.7-strength quake"; "24-storey", "an eight-story building".
_MAGNITUDE_AFTER = re.compile(
    r"\s*-?\s*(?:magnitude|strength)\b|\s+on the richter(?: scale)?\b", re.IGNORECASE
)
_MAGNITUDE_BEFORE = re.compile(
    r"\bmagnitude\s*-?\s*(?:(?:of|at|was|is|as)\s+)?$", re.IGNORECASE
)  # "a magnitude of", "puts the magnitude at 6.1"
_SOME_FLOORS_BEFORE = re.compile(
    r"\b(?:top|upper|lower|bottom|first|last|other|remaining|extra|additional)\s+$", re.I
)
_FLOORS_AFTER = re.compile(
    r"\s*-\s*(?:storey|story|floor)\b|\s+(?:storeys|stories)\b", re.IGNORECASE
)


def _measure(text: str, q: Quantity) -> tuple[str, int, int] | None:
    """``(unit, quote start, quote end)`` when ``q`` is a magnitude or a number of floors."""
    if q.unit is not None or q.low is None:
        return None
    after = text[q.end : q.end + 30]
    floors = _FLOORS_AFTER.match(after)
    if floors is not None and q.low == q.high and q.low == int(q.low) and 1 <= q.low <= 200:
        if _SOME_FLOORS_BEFORE.search(text[max(0, q.start - 12) : q.start]):
            return None  # "the top three storeys": part of the building, not its height
        return "floors", q.start, q.end + floors.end()
    if q.low != q.high or not 0 < q.low < 10:
        # "about 6.0 on the Richter scale", "at least 5.9": left out until magnitudes of
        # one quake from several agencies and its aftershocks are told apart
        return None
    magnitude = _MAGNITUDE_AFTER.match(after)
    if magnitude is not None:
        return "magnitude", q.start, q.end + magnitude.end()
    lead = text[max(0, q.start - 20) : q.start]
    before = _MAGNITUDE_BEFORE.search(lead)
    if before is not None:
        return "magnitude", q.start - len(lead) + before.start(), q.end
    return None


def _kind_and_value(q: Quantity) -> tuple[Kind, CountValue, str | None]:
    kind = Kind.COUNT if q.unit is None else Kind.QUANTITY
    return kind, CountValue(q.low, q.high), q.unit


# The dimension a unit measures (a currency or anything else: an amount); a figure with
# nothing it measures has the bare dimension as its slot.
UNIT_DIMENSIONS = {"m": "length", "kg": "weight", "s": "duration", "%": "share"}
AMOUNT = "amount"
BARE_DIMENSIONS = frozenset({*UNIT_DIMENSIONS.values(), AMOUNT})


def _quantity_slot(noun_class: str | None, phrase: str | None, q: Quantity) -> str | None:
    if q.unit is None:
        return None
    dimension = UNIT_DIMENSIONS.get(q.unit, AMOUNT)
    base = noun_class or phrase
    return f"{base}.{dimension}" if base else dimension


@dataclass(frozen=True)
class Part:
    """A parsed stretch of an article: ``doc.text == article.text[offset:offset + len]``.

    Articles are parsed whole (one part at offset 0) or sentence by sentence
    when a pre-filter skips sentences that cannot hold a claim.
    """

    offset: int
    doc: Doc
    length: int = -1  # len(doc.text), which spaCy rebuilds on every access

    def __post_init__(self) -> None:
        if self.length < 0:
            object.__setattr__(self, "length", len(text_of(self.doc)))

    @property
    def end(self) -> int:
        return self.offset + self.length


def _shift_quantity(q: Quantity, delta: int) -> Quantity:
    return replace(
        q,
        start=q.start + delta,
        end=q.end + delta,
        number_start=None if q.number_start is None else q.number_start + delta,
        number_end=None if q.number_end is None else q.number_end + delta,
    )


def _shift_date(d: DateMention, delta: int) -> DateMention:
    return replace(d, start=d.start + delta, end=d.end + delta)


def _shift_claim(c: Claim, delta: int, article: Article) -> Claim:
    if delta == 0:
        return c
    start, end = c.start + delta, c.end + delta
    return replace(
        c, id=claim_id(article.id, c.slot, start, end), start=start, end=end,
        line=line_of(article, start),
    )  # fmt: skip


# A change amount ("rose by 35 to 412"), a score, a ratio or a bare share ("two-thirds
# of the hostages") is a figure, but no count of anything.
NOT_COUNTS = frozenset({"change", "score", "ratio", "share"})


def count_claims(
    article: Article,
    doc: Doc,
    lexicon: Lexicon,
    dates: Sequence[DateMention],
    quantities: Sequence[Quantity] | None = None,
) -> Iterator[Claim]:
    """Count and quantity claims of one parsed text; offsets are ``doc``-local."""
    text = text_of(doc)
    found = find_quantities(text, join_alternatives=True) if quantities is None else quantities
    for q in found:
        if (q.low is None and q.high is None) or q.relation in NOT_COUNTS:
            continue
        tokens = span_tokens(doc, q.number_start or q.start, q.number_end or q.end)
        if not tokens:
            continue
        num = tokens[-1]
        if num.ent_type_ in ("DATE", "TIME") and q.unit is None:
            continue
        measure = _measure(text, q)
        if measure is not None:  # a fact about the event: held as of the report
            unit, start, end = measure
            measured = replace(q, unit=unit, unit_text=unit)
            holds = _published(article)
            yield _figure_claim(article, doc, measured, unit, start, end, holds, num, lexicon)
            continue
        counted = (
            _counted_noun(num, lexicon) or _toll_noun(num, lexicon) or _argument_noun(num, lexicon)
        )
        # "fell 200 metres", "worth two million euros": nothing measured but the unit
        if q.unit is not None and (counted is None or counted.noun.idx < q.end):
            # a bare span of time ("three weeks later", "a seven-year war") or share is
            # seldom a figure of the story
            if q.unit not in ("s", "%"):
                yield _bare_measure_claim(article, doc, q, num, lexicon)
            elif q.unit == "s" and (lasted := _how_long(num, lexicon)) is not None:
                yield _figure_claim(
                    article, doc, q, lasted, q.start, q.end, _published(article), num, lexicon
                )
            continue
        if counted is None:
            bare = _bare_casualty(num, lexicon)
            if bare is None:
                continue
            yield _claim_without_noun(article, doc, q, num, bare, lexicon, dates)
            continue
        noun, noun_class, phrase = counted.noun, counted.noun_class, counted.phrase
        if _across_clauses(doc, num, noun):
            continue  # "Kills 10; 80 Hurt": the 10 does not count the hurt
        pred, pred_class = _governing_predicate(counted, lexicon)
        if pred_class is not None and is_population(num):
            pred, pred_class = None, None  # "struck Qeshm island, home to 120,000 people"
        kind_of = kind_word(noun)
        if kind_of is not noun and noun_class is None:
            phrase = _lemma(kind_of)  # "All 15 crew members": crew, not members
            if phrase in CARRIED_NOUNS and "people" in lexicon.nouns:
                noun_class = "people"  # who was aboard, like "283 passengers and 15 crew"
        if _remains_of(noun) and "bodies" in lexicon.nouns:
            noun_class = "bodies"  # "recovering the bodies of more than 1,100 people"
        part = part_of(num)
        if pred_class is None and (
            CARRIED_NOUNS & {_lemma(kind_of), part}
            or (_lemma(noun) in CONTAINER_NOUNS and _aboard_near(noun))
        ):
            pred_class = "aboard"  # "the 283 passengers and 15 crew": who was aboard
        if pred_class is None and _responders_on_the_scene(noun, noun_class):
            pred_class = "deployed"  # "more than 200 firefighters had been at the scene"
        if pred_class is None and q.low == 1 and q.high == 1 and q.unit is None:
            continue  # "one of the rebels", "one woman": an individual, not a figure
        slot = _quantity_slot(noun_class, phrase, q)
        if slot is None:
            if noun_class is None:
                if phrase is None or phrase in NON_COUNT_NOUNS:
                    continue
                slot = phrase if pred_class is None else f"{phrase}.{pred_class}"
            else:
                slot = lexicon.slot(noun_class, pred_class)
        sent = sentence_of(num)
        sent_text = sent.text.strip()
        running = slot.endswith(".demanded") or slot in lexicon.running_totals
        event_class = None if running else pred_class
        holds = _as_of(article, pred, event_class, _local_text(num, pred), dates)
        if holds.basis is AsOfBasis.AWAITING_CONTEXT and SO_FAR_CUES.search(sent_text):
            holds = _Holds(holds.as_of, AsOfBasis.SO_FAR)  # a running total as of publication
        elif (
            not running
            and pred_class in _STATES
            and holds.basis is publication_basis(article.published_date)
            and at_the_onset(verb := clause_verb(num), lexicon)
        ):
            holds = _at_the_happening(verb, dates)  # "were inside it when it fell"
        elif running and holds.basis is publication_basis(article.published_date):
            ended = _search_end(num, dates)
            if ended is not None:  # "called off its search on Monday, after recovering ..."
                holds = _Holds(middle_day(ended), AsOfBasis.EVENT)
        start, end = _quote_span(q, counted.narrowed_by or noun)
        nationality = _nationality(counted, lexicon)
        group = group_of(
            slot, _lemma(kind_of) if kind_of is not noun else counted.phrase, nationality
        )
        if nationality is None:
            group = part or group  # "283 passengers and 15 crew": a part
        if counted.narrowed_by is not None:
            narrow = counted.narrowed_by
            group = _nationality_of(narrow, lexicon) or _lemma(kind_word(narrow))
        yield _figure_claim(
            article, doc, q, slot, start, end, holds, num, lexicon, group=group, doubt=counted.doubt
        )


_REMAINS = frozenset({"body", "remains", "corpse"})
_INCREMENTS = frozenset({"more", "other", "another", "additional", "further"})


def _remains_of(noun: Token) -> bool:
    """ "the bodies of 1,100 people": the people are counted by their bodies."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or _lemma(prep.head) not in _REMAINS:
        return False
    # "the bodies of two more victims": an increment, not the toll
    return not any(
        t.lower_ in _INCREMENTS and t.nbor().lower_ != "than"  # "more than 1,100" is no more
        for t in noun.subtree
        if t.i < noun.i
    )


def _across_clauses(doc: Doc, num: Token, noun: Token) -> bool:
    """A figure and the noun it was linked to with a semicolon between them."""
    lo, hi = sorted((num.i, noun.i))
    return any(t.text == ";" for t in doc[lo:hi])


# "held them for 52 hours", "kept the hostages for 126 days": how long a siege lasted
_HOLDING_VERBS = frozenset({"hold", "keep"})
SIEGE_DURATION = "siege.duration"


def _how_long(num: Token, lexicon: Lexicon) -> str | None:
    """The slot of a span of time that says how long the story's event lasted: "the
    siege lasted 52 hours", "the 52 hours of the siege" (that event), "held them for
    52 hours" (a siege); any other span ("three weeks later") is none."""
    unit = num.head if num.dep_ in ("nummod", "quantmod", "compound") else num
    for of in (c for c in unit.children if c.dep_ == "prep" and c.lower_ == "of"):
        for event in (g for g in of.children if g.dep_ == "pobj"):
            if lexicon.event_class(_lemma(event)) is not None:
                return f"{_lemma(event)}.duration"  # "the 52 hours of the siege"
    verb = unit.head
    if unit.dep_ == "pobj" and verb.lower_ == "for":
        verb = verb.head
    elif unit.dep_ not in ("dobj", "npadvmod", "attr"):
        return None
    lemma = _lemma(verb)
    if lemma in _HOLDING_VERBS and unit.dep_ == "pobj":
        return SIEGE_DURATION
    if lemma == "last":
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            if lexicon.event_class(_lemma(subject)) is not None:
                return f"{_lemma(subject)}.duration"
    return None


def _bare_measure_claim(
    article: Article, doc: Doc, q: Quantity, num: Token, lexicon: Lexicon
) -> Claim:
    """A figure with a unit and nothing it measures: its slot is its dimension
    ("length", "amount"); kept in the table, never compared (of what?)."""
    slot = _quantity_slot(None, None, q)
    assert slot is not None
    return _figure_claim(article, doc, q, slot, q.start, q.end, _published(article), num, lexicon)


# What can happen to people counted by a bare number: "killing one", "600 were killed".
CASUALTY_PREDICATES = frozenset(
    {
        "killed",
        "injured",
        "arrested",
        "rescued",
        "missing",
        "shot",
        "trapped",
        "evacuated",
        "aboard",
    }
)


def _bare_casualty(num: Token, lexicon: Lexicon) -> tuple[Token, str] | None:
    """A figure with no noun that counts people by what happened to them.

    "killing one", "injuring 80", "600 were killed", "at least 50 injured",
    "3 dead", "kills 1, injures 2": the verb or adjective says who is counted.
    """
    head = _number_head(num)
    for child in head.children:  # "3 dead", "two others wounded"
        if child.dep_ in ("prep", "advmod") and child.lower_ in ABOARD_PREPS:
            return child, "aboard"  # "an airliner with 295 aboard"
        if child.dep_ in ("amod", "acomp", "acl", "oprd"):
            cls = _predicate_class(child, lexicon)
            if cls in CASUALTY_PREDICATES:
                return child, cls
    verb = head.head
    if verb == head:
        return None
    cls = _predicate_class(verb, lexicon)
    if cls not in CASUALTY_PREDICATES:
        return None
    if head.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "appos"):
        return verb, cls
    if head.dep_ == "nsubj" and (
        _lemma(verb) in PATIENT_SUBJECT_LEMMAS or verb.tag_ == "VBN" or _is_bare_participle(verb)
    ):
        return verb, cls  # "three died", headline "Three killed"
    if head.dep_ in ("amod", "nummod", "npadvmod") and verb.pos_ in ("ADJ", "VERB"):
        return verb, cls  # "12 arrested" parsed as a modifier of the participle
    return None


def _taken_up(num: Token, lexicon: Lexicon) -> str | None:
    """The class of who a figure with no noun of its own counts, when it takes up the
    people just named: "Prosecutors said 32 attackers had taken part. Thirty-one were
    killed" (rebels); "Russian commandos charged in. Ten of them died" (soldiers).
    None when they are people at large ("12 people were hurt. Three died")."""
    head = _number_head(num)
    if head.dep_ not in ("nsubj", "nsubjpass") or any(
        c.dep_ == "prep" and c.lower_ != "of" for c in head.children
    ):
        return None
    sent = sentence_of(head)
    if head.i - sent.start > 3:
        return None  # a figure that opens its sentence takes up the one before
    doc = head.doc
    before = sentence_of(doc[sent.start - 1]) if sent.start > 0 else None
    window = [*(before or []), *doc[sent.start : head.i]]
    for tok in reversed(window):
        if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in ("NNS", "NNPS"):
            continue
        if tok.dep_ == "nsubj" and _lemma(tok.head) in lexicon.attribution_verbs:
            continue  # "Officials said 600 were killed": who speaks, not who died
        cls, phrase = phrase_class(tok, lexicon)
        if cls is None and phrase not in lexicon.people_words:
            continue
        cls = cls or phrase
        return None if cls in WHOLE_CLASSES else cls
    return None


def _claim_without_noun(
    article: Article,
    doc: Doc,
    q: Quantity,
    num: Token,
    bare: tuple[Token, str],
    lexicon: Lexicon,
    dates: Sequence[DateMention],
) -> Claim:
    pred, pred_class = bare
    antecedent = _taken_up(num, lexicon)
    slot = lexicon.slot(antecedent or "people", pred_class)
    event_class = None if slot in lexicon.running_totals else pred_class
    holds = _as_of(article, pred, event_class, _local_text(num, pred), dates)
    end = q.end
    if pred.idx >= q.end and pred.idx + len(pred.text) - q.start <= 60:
        end = pred.idx + len(pred.text)  # quote "600 were killed", not just "600"
    group = group_of(slot, None)
    if pred.idx < q.start and q.end - pred.idx <= 60:
        start, end = pred.idx, q.end
    else:
        start = q.start
    doubt = TAKEN_UP_BEFORE if antecedent is not None else None
    return _figure_claim(
        article, doc, q, slot, start, end, holds, num, lexicon, group=group, doubt=doubt
    )


def _nationality(counted: Counted, lexicon: Lexicon) -> str | None:
    """The nationality of who is counted: "27 Australians", "189 Dutch passengers"."""
    return _nationality_of(counted.noun, lexicon)


def _nationality_of(noun: Token, lexicon: Lexicon) -> str | None:
    for tok in (noun, *(c for c in noun.lefts if c.dep_ in ("amod", "compound"))):
        found = lexicon.nationality(tok.text)
        if found is not None:
            return found
    return None


def _figure_claim(
    article: Article,
    doc: Doc,
    q: Quantity,
    slot: str,
    start: int,
    end: int,
    holds: _Holds,
    num: Token,
    lexicon: Lexicon,
    *,
    group: str | None = None,
    doubt: str | None = None,
) -> Claim:
    """One count or quantity claim: the figure ``q`` quoted as ``text[start:end]``."""
    sent_text = sentence_of(num).text.strip()
    kind, value, unit = _kind_and_value(q)
    return Claim(
        id=claim_id(article.id, slot, start, end),
        article_id=article.id,
        story=article.story,
        slot=slot,
        kind=kind,
        value=value,
        unit=unit,
        qualifier=q.qualifier,
        as_of=holds.as_of,
        quote=text_of(doc)[start:end],
        sentence=sent_text,
        start=start,
        end=end,
        attribution=attribution(num, lexicon),
        hedge=hedge(sent_text, lexicon),
        as_of_basis=holds.basis,
        as_of_time=_time_of(article) if holds.basis in _AT_PUBLICATION else None,
        totality=q.totality,
        corrects=bool(CORRECTION_CUES.search(sent_text)),
        line=line_of(article, start),
        superseded=superseded(num, lexicon),
        event="background" if another_happening(num, lexicon) else "main",
        group=group if kind is Kind.COUNT else None,
        scope=(
            (of_them_state(num) or others_part(num) or place_scope(num) or still_in_hospital(num))
            if kind is Kind.COUNT
            else None
        ),
        doubt=doubt,
        awaits=holds.awaits,
    )


_AT_PUBLICATION = (AsOfBasis.PUBLISHED, AsOfBasis.SO_FAR)


def age_claims(article: Article, doc: Doc, lexicon: Lexicon) -> Iterator[Claim]:
    """People's ages (see :mod:`checker.extract.ages`), as of the report."""
    for start, end, value, person in find_ages(doc):
        tok = span_tokens(doc, start, end)[-1]
        sent_text = sentence_of(tok).text.strip()
        yield Claim(
            id=claim_id(article.id, AGE_SLOT, start, end),
            article_id=article.id,
            story=article.story,
            slot=AGE_SLOT,
            kind=Kind.QUANTITY,
            value=value,
            unit=AGE_UNIT,
            qualifier=Qualifier.EXACT,
            as_of=article.published_date,
            quote=text_of(doc)[start:end],
            sentence=sent_text,
            start=start,
            end=end,
            attribution=attribution(tok, lexicon),
            hedge=hedge(sent_text, lexicon),
            as_of_basis=publication_basis(article.published_date),
            line=line_of(article, start),
            scope=person,
        )


def _time_of(article: Article) -> str | None:
    if isinstance(article.published, dt.datetime):
        return article.published.timetz().isoformat()
    return None


def extract_claims(
    article: Article,
    doc: Doc | Sequence[Part],
    lexicon: Lexicon,
    *,
    story_years: Sequence[int] = (),
) -> list[Claim]:
    """All count, quantity and date claims of one article, in text order.

    ``doc`` is the parse of the whole text, or parsed parts of it. Numbers and
    dates are found on the whole text (dates resolve against each other), then
    linked inside the part that holds them.
    """
    parts = [Part(0, doc)] if not isinstance(doc, Sequence) else list(doc)
    update = find_update_day(article.text) if article.published is None else None
    dates = find_dates(article.text, article.published or update, story_years=story_years)
    quantities = find_quantities(article.text, join_alternatives=True)
    durations = find_durations(article.text)
    claims: list[Claim] = []
    dates_in, quantities_in, durations_in = _within(dates), _within(quantities), _within(durations)
    for part in parts:
        local_dates = [_shift_date(d, -part.offset) for d in dates_in(part)]
        local_quantities = [_shift_quantity(q, -part.offset) for q in quantities_in(part)]
        local_durations = [
            replace(d, start=d.start - part.offset, end=d.end - part.offset)
            for d in durations_in(part)
        ]
        if not local_dates and not local_quantities and not local_durations:
            continue
        local = [
            *count_claims(article, part.doc, lexicon, local_dates, local_quantities),
            *age_claims(article, part.doc, lexicon),
            *date_claims(article, part.doc, lexicon, local_dates),
            *relative_event_claims(article, part.doc, lexicon, local_durations),
        ]
        claims.extend(_shift_claim(c, part.offset, article) for c in local)
    unique = {c.id: c for c in date_from_context(claims, article)}
    placed = restore_case(
        sorted(unique.values(), key=lambda c: (c.start, c.end, c.slot)),
        article.text,
        sentence_cased(article.text),
    )
    if update is not None:
        return read_against_update(placed, article, update, dates, story_years)
    return placed


_Located = TypeVar("_Located", DateMention, Quantity, Duration)


def _within(items: Sequence[_Located]) -> Callable[[Part], list[_Located]]:
    """The items (in text order or not) that lie inside a part, found by a binary
    search on their starts: a report of many parts is not parts x figures."""
    order = sorted(range(len(items)), key=lambda k: items[k].start)
    starts = [items[k].start for k in order]

    def inside(part: Part) -> list[_Located]:
        lo = bisect.bisect_left(starts, part.offset)
        hi = bisect.bisect_left(starts, part.end)
        found = sorted(k for k in order[lo:hi] if items[k].end <= part.end)
        return [items[k] for k in found]  # in the order given

    return inside


def quantities_with_nouns(text: str) -> list[Quantity]:
    """``find_quantities`` plus the noun each count counts, from a parse of ``text``.

    Only counts (figures with no unit that are not scores, shares or changes) have a
    counted noun, so a text without one is not parsed; the parse skips the entity
    recogniser, which no counted noun needs (its one use, "members of the MRTA" as
    rebels, names a slot, not the noun). A text over the parser's length limit is
    parsed in pieces.
    """
    found = find_quantities(text)
    if not any(_needs_noun(q) for q in found):
        return found
    from checker.nlp import load_pipeline, parser_view
    from checker.prefilter import cut
    from checker.slots import load_lexicon

    lexicon = load_lexicon()
    nlp = load_pipeline()
    skipped = [name for name in ("ner",) if name in nlp.pipe_names]
    pieces = cut(text, 0, len(text))  # spaCy refuses a text over its length limit
    docs = list(nlp.pipe((parser_view(text[s:e]) for s, e in pieces), disable=skipped))
    starts = [s for s, _ in pieces]
    out: list[Quantity] = []
    for q in found:
        if not _needs_noun(q):
            out.append(q)
            continue
        k = bisect.bisect_right(starts, q.start) - 1
        doc, offset = docs[k], starts[k]
        tokens = span_tokens(
            doc, (q.number_start or q.start) - offset, (q.number_end or q.end) - offset
        )
        counted = _counted_noun(tokens[-1], lexicon) if tokens else None
        out.append(replace(q, noun=counted.phrase if counted is not None else None))
    return out


def _needs_noun(q: Quantity) -> bool:
    return q.unit is None and q.relation not in NOT_COUNTS
