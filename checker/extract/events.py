"""Dates of events: which happening a date expression dates, and the date claims.

A date is linked to the event it dates through the verb or noun it attaches
to ("stormed ... Dec. 17" -> ``attack.date``, "the Dec. 17 attack", "the
talks that began yesterday"); who acted decides between an attack and a
rescue; a killing is settled story-wide (:func:`checker.settle.settle_ambiguous_events`).
"A day after the rescue" at the head of a sentence dates the rescue from the
report's own day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Any

from checker.extract.ages import person_key
from checker.extract.clauses import (
    STRUCTURE_NOUNS,
    agent_class,
    attribution,
    hedge,
    line_of,
    middle_day,
    phrase_class,
    predicate_phrases,
    span_tokens,
)
from checker.extract.context import lemma as _lemma
from checker.extract.context import other_event
from checker.extract.dates import Duration
from checker.extract.doc_index import first_token_at, sentence_of, text_of
from checker.ids import claim_id
from checker.published import is_timestamp_line
from checker.records import Article, AsOfBasis, Claim, DateMention, DateValue, Kind, Qualifier
from checker.slots import Lexicon

Token = Any  # spacy.tokens.Token
Doc = Any  # spacy.tokens.Doc


# Prepositions whose date is a bound, not the event's day: "before Christmas".
# A killing is the story's happening (a shooting, a stabbing) or one moment of it (the
# hostages shot on the siege's third day): placement files it under the story's onset
# when its day is the onset's, or when the story dates no onset otherwise.
KILLING = "killing"
# A crash ("the bus crashed on Tuesday", "the jet came down near Hrabove on July 18")
# is the story's onset: an attack's or a disaster's, as the story's sure dates say.
CRASH = "crash"
SETTLED_BY_STORY = frozenset({KILLING, CRASH})


NOT_EVENT_PREPS = frozenset(
    {"before", "after", "until", "till", "by", "ahead", "following", "through"}
)


# Aspect verbs that end an event: the date is the end, not the event.
ENDING_VERBS = frozenset({"break", "collapse", "end", "stall", "fail", "suspend", "halt", "cease"})


# Verbs whose date is their object's too ("the talks began Monday", "the siege came to an
# end on Friday", "rebels carried out the attack on Dec. 17"); other verbs date only an
# event that is their subject.
ASPECT_VERBS = ENDING_VERBS | frozenset(
    {"begin", "start", "resume", "continue", "open", "close", "finish", "conclude", "come",
     "carry", "stage", "launch", "mount", "conduct", "take", "occur", "happen", "unfold",
     "hold", "be", "have", "get", "make", "go", "see", "witness", "mark", "follow", "erupt",
     "break out", "strike", "hit", "kill", "leave", "claim"}
)  # fmt: skip


# "ended its search of the site", "called off the search", "suspended the rescue
# operation": the end of the rescue, however the lexicon names the search
SEARCHES = frozenset({"search", "operation", "rescue", "hunt"})
_STOPPING = frozenset({"end", "halt", "suspend", "stop", "abandon", "conclude"})


def ends_a_search(verb: Token) -> bool:
    stopping = _lemma(verb) in _STOPPING or "call off" in predicate_phrases(verb)
    return stopping and any(
        c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in SEARCHES for c in verb.children
    )


def _comes_to_end(verb: Token) -> bool:
    """ "the siege came to a bloody end", "was brought to a close"."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(g.dep_ == "pobj" and _lemma(g) in ("end", "close", "halt") for g in c.children)
        for c in verb.children
    )


def _event_phrases(verb: Token, prep: str | None) -> list[str]:
    """ "take over", "let ... go", "hold since": multi-word readings first. Of the date's
    own preposition only "since" makes a reading (a state's start): "broke out in the
    early hours of Wednesday" is no "break in"."""
    phrases = predicate_phrases(verb)
    if prep == "since":
        phrases.insert(0, f"{_lemma(verb)} {prep}")
    return phrases


# Event words that are something else as verbs: "police fired tear gas", "talks
# collapsed": only the nouns ("the fire", "the collapse") date the happening.
NOUN_ONLY_TRIGGERS = frozenset({"fire", "collapse"})


# A structure that falls is the disaster itself: "the building collapsed on Wednesday",
# "the factory block that fell on April 24", "the dam burst" (not "talks collapsed").
FAILURE_VERBS = frozenset(
    {"collapse", "fall", "come down", "cave in", "give way", "crumble", "topple", "burst"}
)


def _fails(tok: Token, verbs: frozenset[str], things: frozenset[str]) -> bool:
    """``tok`` is one of ``verbs`` with one of ``things`` as its subject: "the building
    collapsed", "the block that collapsed", "the jet came down near Hrabove"."""
    if tok.pos_ not in ("VERB", "AUX") or not any(p in verbs for p in predicate_phrases(tok)):
        return False
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.dep_ == "relcl":
        subjects.append(tok.head)  # "the block that collapsed"
    return any(_lemma(s) in things for s in subjects)


def _structure_fails(tok: Token) -> bool:
    return _fails(tok, FAILURE_VERBS, STRUCTURE_NOUNS)


# A person who falls or slips has the accident: "On Saturday, Robert Buckley fell while
# climbing" (a death's moment, like a killing; prices and governments fall otherwise).
PERSON_FALL_VERBS = frozenset({"fall", "slip", "plunge", "tumble"})


def _person_falls(tok: Token, lexicon: Lexicon) -> bool:
    if tok.pos_ != "VERB" or _lemma(tok) not in PERSON_FALL_VERBS:
        return False
    for child in tok.children:
        if child.dep_ == "nsubj" and (
            child.ent_type_ == "PERSON" or _lemma(child) in lexicon.people_words
        ):
            return True
    return False


VEHICLE_NOUNS = frozenset(
    {"plane", "jet", "aircraft", "airliner", "helicopter", "flight", "boeing", "airbus",
     "bus", "train", "coach", "ferry", "boat", "ship", "truck", "lorry", "car"}
)  # fmt: skip
VEHICLE_FAILURES = frozenset({"come down", "go down", "plunge", "crash", "ditch", "sink"})


def _vehicle_fails(tok: Token) -> bool:
    """ "the jet came down near Hrabove", "the bus plunged into a ravine"."""
    return _fails(tok, VEHICLE_FAILURES, VEHICLE_NOUNS)


# Remains found or brought back: "his body was recovered on Sunday", "divers found the
# black box on Tuesday", "a helicopter was flown in today to retrieve the body".
RECOVERY = "recovery"
RECOVERY_VERBS = frozenset(
    {"recover", "retrieve", "find", "locate", "exhume", "pull out", "dig out",
     "hand", "hand over", "turn over"}  # "separatists handed the flight recorders to ..."
)  # fmt: skip
REMAINS_NOUNS = frozenset({"body", "remains", "corpse", "recorder", "box"})


def _finds_remains(verb: Token) -> bool:
    if verb.pos_ != "VERB" or not any(p in RECOVERY_VERBS for p in predicate_phrases(verb)):
        return False
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubjpass") or _lemma(child) not in REMAINS_NOUNS:
            continue
        if _lemma(child) != "box" or any(c.lower_ == "black" for c in child.children):
            return True
    return False


def _recovers_remains(tok: Token) -> bool:
    """``tok`` finds remains, or was done to ("flown in today to retrieve the body")."""
    if _finds_remains(tok):
        return True
    return tok.pos_ == "VERB" and any(
        c.dep_ in ("xcomp", "advcl")
        and any(a.lower_ == "to" for a in c.children)
        and _finds_remains(c)
        for c in tok.children
    )


def _event_class_of(tok: Token, prep: str | None, lexicon: Lexicon) -> str | None:
    if _recovers_remains(tok):
        return RECOVERY
    if _structure_fails(tok):
        return "incident"
    if _vehicle_fails(tok):
        return CRASH
    if _person_falls(tok, lexicon):
        return KILLING
    if _lemma(tok) in NOUN_ONLY_TRIGGERS and tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if prep is not None and any(
        c.dep_ == "dobj" and any(g.dep_ == "nummod" for g in c.children) for c in tok.children
    ):
        prep = None  # "held 74 hostages since New Year's Day": a count's start, not the siege's
    for phrase in _event_phrases(tok, prep):
        cls = lexicon.event_class(phrase)
        if cls is not None:
            return cls
    return None


ONSET_CLASSES = frozenset({"attack", "incident", CRASH})
_TIME_NOUNS = frozenset({"morning", "afternoon", "evening", "night", "day", "moment", "time"})


def _it_fell(clause: Token, verb: Token) -> bool:
    """ "inside the building when it fell": "it" is the structure the clause names."""
    if _lemma(clause) not in FAILURE_VERBS or not any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children
    ):
        return False
    return any(_lemma(t) in STRUCTURE_NOUNS for t in verb.subtree if t.i < clause.i)


def at_the_onset(verb: Token, lexicon: Lexicon) -> bool:
    """``verb``'s clause says its state held when the story's happening struck: "2,000
    workers were inside the building when it fell", "ordered into the building on the
    morning it fell"; or it is that happening, done to them ("the block crashed down on
    thousands of workers")."""
    if verb.pos_ == "VERB" and _event_class_of(verb, None, lexicon) in ONSET_CLASSES:
        return True
    for child in verb.children:
        when = child.dep_ == "advcl" and any(g.lower_ == "when" for g in child.children)
        if when and (
            _event_class_of(child, None, lexicon) in ONSET_CLASSES or _it_fell(child, verb)
        ):
            return True
        times = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
        for time in (t for t in times if _lemma(t) in _TIME_NOUNS):
            for clause in (g for g in time.children if g.dep_ == "relcl"):
                if _event_class_of(clause, None, lexicon) in ONSET_CLASSES:
                    return True
    return False


def _event_of_date(date_tok: Token, lexicon: Lexicon) -> tuple[str | None, Token | None]:
    """The event a date expression dates: the trigger verb or noun it attaches to.

    "stormed ... on Dec. 17" (the verb), "the Dec. 17 attack" (the noun),
    "held the compound since Dec. 17" (a state's start, via "hold since"),
    "the talks that began yesterday" (an aspect verb: its subject is the event).
    """
    for child in date_tok.children:  # "New Year's Day, when the last captives were freed"
        if child.dep_ in ("relcl", "acl") and any(g.lower_ == "when" for g in child.children):
            cls = _event_class_of(child, None, lexicon)
            if cls is not None:
                return _disambiguate_event(cls, child, lexicon), child
    tok = date_tok
    prep: str | None = None
    for _ in range(4):
        head = tok.head
        if head == tok:
            break
        if head.dep_ == "prep" or head.pos_ == "ADP":
            prep = head.lower_
            if prep in NOT_EVENT_PREPS and not _clock_time(tok):
                return None, None  # "freed before Christmas" does not date the release
            # "began shortly before 1am on Wednesday": hours before a time of that day
            tok = head
            continue
        cls = _event_class_of(head, prep, lexicon)
        if (
            cls == KILLING
            and head.pos_ in ("VERB", "AUX")
            and (_unreal(head) or _another_victim(head))
        ):
            return None, None  # "how many kids will you kill today": not a killing that happened
        if cls is not None and head.pos_ in ("VERB", "AUX"):
            # "the quake killed 30 on Saturday", "the earthquake struck on Monday",
            # "killed in a shooting on Sunday": the happening the clause names as doing
            # it, when there is one
            related = _related_event(head, lexicon)
            if related is not None:
                return related, head
        if cls is not None:
            return _disambiguate_event(cls, head, lexicon), head
        if head.pos_ in ("VERB", "AUX"):
            # an aspect verb ("began", "resumed") or a light verb: the event is a nominal
            # argument. Any other verb dates its event subject ("a fire swept through the
            # tower early on Wednesday") but not its object ("on Tuesday two men were
            # discussing the shooting" does not date the shooting)
            return _related_event(head, lexicon), head
        tok = head
    return None, None


CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "midnight", "noon", "midday"})


def _clock_time(tok: Token) -> bool:
    """A time of day ("1am", "10:30 p.m.", "midnight") that carries the date below it."""
    if tok.lower_ in CLOCK_WORDS or re.fullmatch(r"\d{1,2}(?:[:.]\d{2})?(?:am|pm)", tok.lower_):
        return True
    following = tok.nbor().lower_ if tok.i + 1 < len(tok.doc) else ""
    return tok.like_num and (":" in tok.text or following in CLOCK_WORDS)


SPEAKERS = frozenset({"i", "you", "we"})


MODALS = frozenset({"will", "would", "could", "might", "may", "should", "can", "must", "shall"})


def _unreal(verb: Token) -> bool:
    """A verb of a question, a wish or a future ("will you kill", "could have died")."""
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return True
    if any(c.dep_ == "nsubj" and c.lower_ in SPEAKERS for c in verb.children):
        return True  # "how many kids did you kill today": words quoted, not what happened
    sentence: str = sentence_of(verb).text
    return sentence.rstrip(" '\"”’").endswith("?")


# "the second climber to die", "another man died on Saturday": one death of several
LATER_VICTIM = frozenset({"second", "third", "fourth", "fifth", "another", "latest", "last"})


def _another_victim(verb: Token) -> bool:
    victims = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if verb.dep_ in ("acl", "relcl"):
        victims.append(verb.head)
    return any(
        c.dep_ in ("amod", "det", "advmod") and c.lower_ in LATER_VICTIM
        for v in victims
        for c in v.children
    ) or any(v.lower_ in LATER_VICTIM for v in victims)


def _related_event(verb: Token, lexicon: Lexicon) -> str | None:
    """The event a dated verb's arguments name.

    An aspect verb ("began", "resumed") or a light verb dates a nominal argument;
    any other verb dates its event subject ("a fire swept through the tower early on
    Wednesday") but not its object ("on Tuesday two men were discussing the shooting"
    does not date the shooting).
    """
    roles: tuple[str, ...] = ("dobj", "nsubj", "nsubjpass")
    if _lemma(verb) not in ASPECT_VERBS and verb.pos_ != "AUX":
        roles = ("nsubj", "nsubjpass")
    related = [c for c in verb.children if c.dep_ in roles]
    # "destroyed by a fire early Tuesday", "burned down in a fire on Tuesday": the
    # happening that did it, named by the agent or an "in"/"during" phrase
    related += [
        g
        for c in verb.children
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("in", "during"))
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if verb.dep_ == "relcl":
        related.append(verb.head)  # "the talks that began yesterday"
    if ends_a_search(verb):
        return "rescue.end"  # "the army formally ended its search", "called off the search"
    for child in related:
        cls = lexicon.event_class(_lemma(child))
        if cls is not None and cls != KILLING:
            transitive = any(c.dep_ == "dobj" for c in verb.children)
            # "talks broke down", not "the roof collapsed during the blaze"
            ending = (
                _lemma(verb) in ENDING_VERBS
                and child.dep_ in ("nsubj", "nsubjpass")
                and "break out" not in predicate_phrases(verb)
            )
            if (ending and not transitive) or _comes_to_end(verb):
                return f"{cls}.end"  # "talks broke down Jan. 1"
            return _disambiguate_event(cls, verb, lexicon)
    return None


# Modifiers of an event noun that name security forces: "the military operation".
SECURITY_MODIFIERS = frozenset(
    {"military", "army", "commando", "troop", "police", "rescue", "soldier"}
)


POLICE_NOUNS = frozenset({"police", "policeman", "officer", "detective", "agent", "authority"})


def _seized_by_police(trigger: Token) -> bool:
    for child in trigger.children:
        if child.dep_ == "agent":
            return any(g.dep_ == "pobj" and _lemma(g) in POLICE_NOUNS for g in child.children)
    return False


def _disambiguate_event(event: str, trigger: Token, lexicon: Lexicon) -> str:
    """Who acted decides: storming or freeing by troops is the rescue, by rebels the attack."""
    if event not in ("attack", "rescue", "release"):
        return event
    if event == "attack" and _seized_by_police(trigger):
        return "arrest"  # "the owner was seized by elite police today"
    actor = agent_class(trigger, lexicon)
    if actor is None and trigger.dep_ == "relcl":
        # "the operation that freed the hostages": the antecedent acted
        antecedent = trigger.head
        if lexicon.event_class(_lemma(antecedent)) == "rescue":
            return "rescue"
        actor = phrase_class(antecedent, lexicon)[0]
    if actor is None and trigger.pos_ in ("NOUN", "PROPN"):
        for child in trigger.children:
            if child.dep_ in ("poss", "compound", "amod"):
                if _lemma(child) in SECURITY_MODIFIERS:
                    actor = "soldiers"
                else:
                    actor = phrase_class(child, lexicon)[0] or actor
    if actor == "soldiers" and event in ("attack", "release"):
        return "rescue"
    if actor == "rebels" and event == "rescue":
        return "attack"
    if actor is None and event in ("attack", "rescue"):
        return f"{event}?"  # who acted is unknown: the story's dates decide (checker.settle)
    return event


CLOCK_ONLY = re.compile(
    r"^(?:at\s+)?(?:about\s+|around\s+)?(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|midnight|noon|"
    r"dawn|dusk)(?:\s+local time)?$",
    re.IGNORECASE,
)


# a month at most: "in July thieves stole...", "In December 2008" date a happening
# (kept, never compared: see pipeline._comparable); a year or a season does not
MAX_EVENT_SPAN_DAYS = 31
WEEK = 7


def _is_event_date(mention: DateMention, text: str) -> bool:
    """A date that can date an event: resolved, less than a week wide or a month, not a
    bare clock time (which only borrows the report's day), not the dateline."""
    if mention.start_date is None or mention.end_date is None:
        return False
    span = (mention.end_date - mention.start_date).days
    if span > MAX_EVENT_SPAN_DAYS or (span >= WEEK and mention.granularity != "month"):
        return False  # "over the next two weeks": a stretch of time, not a happening's day
    if CLOCK_ONLY.match(mention.text.strip()):
        return False
    # the line is looked for only this far: a longer line is neither a timestamp line
    # nor a date on a line of its own, and scanning it for each date of a long
    # paragraph would make a report quadratic in its dates
    lo = text.rfind("\n", max(0, mention.start - LINE_WINDOW), mention.start)
    hi = text.find("\n", mention.end, mention.end + LINE_WINDOW)
    line_end = hi if hi >= 0 else min(len(text), mention.end + LINE_WINDOW)
    rest = text[mention.end : line_end]
    short = (lo >= 0 or mention.start <= LINE_WINDOW) and (hi >= 0 or line_end == len(text))
    if short:
        line = text[lo + 1 : line_end]
        if is_timestamp_line(line):
            return False  # the report's own date and time, or its "Updated" line
        around = line.replace(mention.text, " ", 1)
        if not re.sub(r"(?i)\b(?:on|dated|published|posted)\b|[\W_]", "", around):
            return False  # a line of its own: "on September 10th, 2010" under the headline
    return not re.match(r"\s*(?:\([^)]{1,40}\)\s*)?(?:--|—|–|-\s)", rest)


LINE_WINDOW = 400


def date_claims(
    article: Article, doc: Doc, lexicon: Lexicon, dates: Sequence[DateMention]
) -> Iterator[Claim]:
    for mention in dates:
        if mention.start_date is None or mention.end_date is None:
            continue
        if not _is_event_date(mention, text_of(doc)):
            continue
        tokens = span_tokens(doc, mention.start, mention.end)
        if not tokens or all(t.ent_type_ in ("PERSON", "ORG") for t in tokens):
            continue  # "Theresa May", a person, not the month
        if len(tokens) == 1 and tokens[0].dep_ in ("nsubj", "nsubjpass"):
            continue  # "On Wednesday, May apologized": a month does not apologize
        head = min(tokens, key=lambda t: len(list(t.ancestors)))
        event, trigger = _event_of_date(head, lexicon)
        if event is None and _is_moment(mention, head, lexicon):
            event, trigger = MOMENT, clause_verb(head)
        if event is None or trigger is None or _negated(trigger):
            continue  # "have not released anyone since January": nothing happened
        settled = event.endswith("?") or event in SETTLED_BY_STORY
        basis = AsOfBasis.EVENT_AMBIGUOUS if settled else AsOfBasis.EVENT
        slot = f"{event.rstrip('?')}.date"
        sent_text = sentence_of(head).text.strip()
        other = other_event(trigger, lexicon) or other_event(clause_verb(head), lexicon)
        victim = _victim(trigger) if event == KILLING else None
        yield Claim(
            id=claim_id(article.id, slot, mention.start, mention.end),
            article_id=article.id,
            story=article.story,
            slot=slot,
            kind=Kind.DATE,
            value=DateValue(mention.start_date, mention.end_date),
            qualifier=Qualifier.EXACT,
            # the date it states: a month from its first day ("In July"), an
            # approximate day ("eight weeks ago") from the middle of its span
            as_of=mention.start_date if mention.granularity == "month" else middle_day(mention),
            quote=mention.text,
            sentence=sent_text,
            start=mention.start,
            end=mention.end,
            attribution=attribution(head, lexicon),
            hedge=hedge(sent_text, lexicon),
            as_of_basis=basis,
            line=line_of(article, mention.start),
            event="background" if other else "main",
            scope=victim,
        )


# A day the report tells something happened on, with no event word the lexicon knows:
# "the navy on Thursday intercepted three boats", "escaped Monday from a prison van".
# Kept as a moment of the story; placement takes it for the onset when it is the
# onset's day (see checker.place.moments).
MOMENT = "moment"
_NOT_HAPPENINGS = frozenset({"be", "have", "expect", "plan", "hope", "will", "schedule"})


def _is_moment(mention: DateMention, head: Token, lexicon: Lexicon) -> bool:
    """A single day a narrative verb (not one of saying, not a plan) hangs from."""
    if mention.start_date != mention.end_date or mention.granularity != "day":
        return False
    verb = clause_verb(head)
    if verb is head or verb.pos_ != "VERB" or verb.lemma_.lower() in _NOT_HAPPENINGS:
        return False
    if verb.lemma_.lower() in lexicon.attribution_verbs or verb.tag_ in ("MD", "VB"):
        return False  # "police said on Monday", "will meet on Friday"
    return not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children)


def _victim(verb: Token) -> str | None:
    """The person a killing verb names as killed ("Rait died on Friday", "police shot
    Kimani Gray on Saturday"): two people of a story may die on different days."""
    roles = (
        ("nsubjpass", "dobj")
        if any(c.dep_ == "dobj" for c in verb.children)
        else ("nsubjpass", "nsubj", "dobj")
    )
    for child in verb.children:
        if child.dep_ not in roles:
            continue
        for ent in verb.doc.ents:
            if ent.label_ == "PERSON" and ent.start <= child.i < ent.end:
                return person_key(ent)
    return None


def _negated(trigger: Token) -> bool:
    return any(c.dep_ == "neg" for c in trigger.children)


def clause_verb(tok: Token) -> Token:
    """The verb a date phrase or a figure hangs from ("witnessed another robbery on
    Sunday"); ``tok`` itself when no verb is above it."""
    for up in tok.ancestors:
        if up.pos_ in ("VERB", "AUX"):
            return up
    return tok


# "A week after the rescue, ...", "Ten days after the attack, ..." opening a
# sentence date the event from the report's own day; "five months after the fire"
# or "arrived four days after the crash" set two happenings apart instead.
MAX_RELATIVE_DAYS = 31


def relative_event_claims(
    article: Article, doc: Doc, lexicon: Lexicon, durations: Sequence[Duration]
) -> Iterator[Claim]:
    """ "A day after the rescue", "Ten days after the rescue": the event happened that
    long before the report's own day."""
    published = article.published_date
    if published is None:
        return
    for d in durations:
        if d.kind != "after" or d.days is None or not 1 <= d.days <= MAX_RELATIVE_DAYS:
            continue  # "two hours after", "five months after the fire": not the report's day
        lead = text_of(doc)[max(0, d.start - 80) : d.start].rsplit("\n", 1)[-1].rstrip()
        if lead and not lead.endswith(("--", "—", "–", "-", ".", "!", "?")):
            continue  # "arrived four days after the airliner was shot down": another moment
        first = first_token_at(doc, d.end)
        following = [t for t in doc[first : first + 6] if t.idx < d.end + 60]
        for tok in following:
            cls = _event_class_of(tok, None, lexicon)
            if cls is None:
                continue
            event = _disambiguate_event(cls, tok, lexicon)
            day = published - dt.timedelta(days=d.days)
            slot = f"{event.rstrip('?')}.date"
            end = min(tok.idx + len(tok.text), len(text_of(doc)))
            yield Claim(
                id=claim_id(article.id, slot, d.start, end),
                article_id=article.id,
                story=article.story,
                slot=slot,
                kind=Kind.DATE,
                value=DateValue(day, day),
                qualifier=Qualifier.EXACT,
                as_of=day,
                quote=text_of(doc)[d.start : end],
                sentence=sentence_of(tok).text.strip(),
                start=d.start,
                end=end,
                as_of_basis=AsOfBasis.RELATIVE_AMBIGUOUS
                if event.endswith("?") or event in SETTLED_BY_STORY
                else AsOfBasis.RELATIVE,
                line=line_of(article, d.start),
            )
            break
