"""Word tables of the number scanner: number words, scales, qualifiers, roles, identifiers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from checker.extract.numbers.tokens import _words
from checker.records import Qualifier

_SMALL_WORDS: Final = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_SMALL: Final[Mapping[str, int]] = {w: i for i, w in enumerate(_SMALL_WORDS.split())}
_TENS_WORDS: Final = "twenty thirty forty fifty sixty seventy eighty ninety"
_TENS: Final[Mapping[str, int]] = {w: 10 * (i + 2) for i, w in enumerate(_TENS_WORDS.split())}
_BIG: Final[Mapping[str, float]] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
_SCALE_WORDS: Final[Mapping[str, float]] = {**_BIG, "hundred": 100.0, "dozen": 12.0}
_ATTACHED_SCALE: Final[Mapping[str, float]] = {
    "k": 1e3, "K": 1e3, "bln": 1e9, "bn": 1e9, "Bn": 1e9, "BN": 1e9, "mn": 1e6, "mln": 1e6,
    "tn": 1e12, "trn": 1e12,
}  # fmt: skip
_SPACED_SCALE: Final[Mapping[str, float]] = {
    "bln": 1e9, "bil": 1e9, "bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
_MONEY_SCALE: Final[Mapping[str, float]] = {"m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9}
_ORDINAL_WORDS: Final = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth hundredth thousandth "
    "millionth"
)
_GLUE_BEFORE: Final = frozenset({"_", "\\", "@", "=", "&", "|"})
_GLUE_AFTER: Final = frozenset({"_", "\\", "@", "="})
_ORDINAL_SUFFIX: Final = frozenset({"st", "nd", "rd", "th"})
_PLURALS: Final[Mapping[str, float]] = {
    "tens": 10.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3,
    "millions": 1e6, "billions": 1e9,
}  # fmt: skip
_MULTIPLIER_WORDS: Final[Mapping[str, tuple[float, float]]] = {
    "several": (3, 9), "few": (2, 5), "couple": (2, 3),
}  # fmt: skip
_DENOMINATORS: Final[Mapping[str, int]] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
_MULTIPLES: Final[Mapping[str, float]] = {
    "twice": 2, "double": 2, "triple": 3, "treble": 3, "quadruple": 4, "thrice": 3,
}  # fmt: skip
_DETERMINERS: Final = frozenset({"the", "its", "their", "those", "these", "his", "her", "our"})

_QUALIFIER_PHRASES: Final[Mapping[str, Qualifier]] = {
    "about": Qualifier.ABOUT, "around": Qualifier.ABOUT, "some": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT, "approximately": Qualifier.ABOUT, "approx": Qualifier.ABOUT,
    "approx .": Qualifier.ABOUT, "circa": Qualifier.ABOUT, "c .": Qualifier.ABOUT,
    "ca .": Qualifier.ABOUT, "~": Qualifier.ABOUT, "an approximate": Qualifier.ABOUT,
    "in the region of": Qualifier.ABOUT, "on the order of": Qualifier.ABOUT,
    "somewhere around": Qualifier.ABOUT, "just about": Qualifier.ABOUT,
    "an estimated": Qualifier.ESTIMATE, "estimated": Qualifier.ESTIMATE,
    "estimated at": Qualifier.ESTIMATE, "put at": Qualifier.ESTIMATE,
    "at least": Qualifier.AT_LEAST, "no fewer than": Qualifier.AT_LEAST,
    "not fewer than": Qualifier.AT_LEAST, "no less than": Qualifier.AT_LEAST,
    "not less than": Qualifier.AT_LEAST, "a minimum of": Qualifier.AT_LEAST,
    "at the very least": Qualifier.AT_LEAST, "≥": Qualifier.AT_LEAST,
    "more than": Qualifier.MORE_THAN, "over": Qualifier.MORE_THAN, "past": Qualifier.MORE_THAN,
    "well past": Qualifier.MORE_THAN, "just past": Qualifier.MORE_THAN,
    "upwards of": Qualifier.MORE_THAN, "upward of": Qualifier.MORE_THAN,
    "in excess of": Qualifier.MORE_THAN, "above": Qualifier.MORE_THAN,
    "greater than": Qualifier.MORE_THAN, "well over": Qualifier.MORE_THAN,
    "just over": Qualifier.MORE_THAN, "well above": Qualifier.MORE_THAN,
    "slightly more than": Qualifier.MORE_THAN, "a little more than": Qualifier.MORE_THAN,
    "a little over": Qualifier.MORE_THAN, "slightly over": Qualifier.MORE_THAN,
    "well in excess of": Qualifier.MORE_THAN, "more then": Qualifier.MORE_THAN,
    ">": Qualifier.MORE_THAN,
    "at most": Qualifier.AT_MOST, "no more than": Qualifier.AT_MOST,
    "not more than": Qualifier.AT_MOST, "a maximum of": Qualifier.AT_MOST,
    "at the most": Qualifier.AT_MOST, "no greater than": Qualifier.AT_MOST,
    "≤": Qualifier.AT_MOST,
    "up to": Qualifier.UP_TO, "as many as": Qualifier.UP_TO, "as much as": Qualifier.UP_TO,
    "fewer than": Qualifier.FEWER_THAN, "less than": Qualifier.FEWER_THAN,
    "under": Qualifier.FEWER_THAN, "below": Qualifier.FEWER_THAN,
    "well under": Qualifier.FEWER_THAN, "well below": Qualifier.FEWER_THAN,
    "<": Qualifier.FEWER_THAN,
    "nearly": Qualifier.NEARLY, "almost": Qualifier.NEARLY, "close to": Qualifier.NEARLY,
    "just under": Qualifier.NEARLY, "just below": Qualifier.NEARLY,
    "just shy of": Qualifier.NEARLY, "approaching": Qualifier.NEARLY,
    "not quite": Qualifier.NEARLY, "nearing": Qualifier.NEARLY,
    "just short of": Qualifier.NEARLY, "very nearly": Qualifier.NEARLY,
    "close on": Qualifier.NEARLY,
}  # fmt: skip

_SUFFIX_QUALIFIERS: Final[Mapping[str, Qualifier]] = {
    "or more": Qualifier.AT_LEAST, "or over": Qualifier.AT_LEAST,
    "or above": Qualifier.AT_LEAST, "or greater": Qualifier.AT_LEAST,
    "plus": Qualifier.AT_LEAST, "- plus": Qualifier.AT_LEAST, "+": Qualifier.AT_LEAST,
    "or fewer": Qualifier.AT_MOST, "or less": Qualifier.AT_MOST,
    "or under": Qualifier.AT_MOST, "or below": Qualifier.AT_MOST,
    "or so": Qualifier.ABOUT, "or thereabouts": Qualifier.ABOUT,
    "give or take": Qualifier.ABOUT,
}  # fmt: skip

# Phrases in front of a number that say something other than precision.
_TOTALITY: Final = "totality"
_INCREMENT: Final = "increment"
_REMAINING: Final = "remaining"
_BETWEEN: Final = "between"
_FROM: Final = "from"
_ROLE_PHRASES: Final[Mapping[str, str]] = {
    "all": _TOTALITY, "all of the": _TOTALITY, "all the": _TOTALITY,
    "a total of": _TOTALITY, "all of": _TOTALITY,
    "another": _INCREMENT, "a further": _INCREMENT, "an additional": _INCREMENT,
    "an extra": _INCREMENT, "a further of": _INCREMENT,
    "the remaining": _REMAINING, "remaining": _REMAINING, "the last": _REMAINING,
    "the last remaining": _REMAINING, "the final": _REMAINING,
    "between": _BETWEEN, "from": _FROM, "anywhere from": _FROM, "anywhere between": _BETWEEN,
    "somewhere between": _BETWEEN,
}  # fmt: skip
_SUFFIX_ROLES: Final[Mapping[str, str]] = {
    "more": _INCREMENT, "additional": _INCREMENT, "further": _INCREMENT,
    "extra": _INCREMENT, "remaining": _REMAINING,
    "in all": _TOTALITY, "in total": _TOTALITY, "all told": _TOTALITY,
    "altogether": _TOTALITY,
}  # fmt: skip

_ID_WORDS: Final = _words(
    "flight flights route highway interstate freeway motorway road no nos nr number room "
    "rooms apartment apt suite unit gate terminal platform pier berth bus train tram line "
    "channel page pages chapter article articles section clause paragraph resolution "
    "amendment proposition prop bill decree item exhibit docket precinct district ward zone "
    "sector block lot building tower reactor camp cell pavilion hangar runway level grade "
    "class category type model version mark mk series phase stage day code box po track lane "
    "exit junction studio division battalion regiment squadron brigade engine ladder squad "
    "station apollo boeing airbus windows galaxy iphone soyuz vostok voyager ilyushin tupolev "
    "antonov cessna learjet embraer fokker sukhoi mig formula psalm psalms verse act year "
    "size game heat leg season episode matchday week round postcode zip table tier"
)
_YEAR_PREPS: Final = _words(
    "in since of by until till from before after during early late mid year years summer "
    "winter spring autumn fall circa"
)
_COUNT_HINTS: Final = _words(
    "people persons hostages captives prisoners soldiers troops police policemen officers "
    "rebels guerrillas militants fighters residents civilians families homes houses buildings "
    "children students workers passengers victims dead deaths injured wounded casualties "
    "refugees votes cases members protesters demonstrators employees jobs miners firefighters "
    "rescuers volunteers tourists villagers vehicles cars others men women guests diplomats "
    "inmates"
)
_SCORE_WORDS: Final = _words(
    "won win wins winning beat beats beating lost lose loses losing defeat defeated defeats "
    "victory victories draw drew drawn tie tied ties lead led leading trail trailing score "
    "scored scoreline match game games vote votes voted ruling decision margin routed "
    "thrashed edged"
)
_CHANGE_VERBS: Final = _words(
    "rose risen rise rises rising increased increase increases increasing climbed climb "
    "climbs jumped jump jumps grew grow grows growing fell fall falls falling dropped drop "
    "drops dropping declined decline declines decreased decrease decreases raised raise "
    "lowered lower revised revise cut cuts reduced reduce doubled went gone up down soared "
    "surged plunged slipped shrank swelled"
)
_ONE_BEFORE: Final = _words(
    "the this that which another any every each such no little last first next same someone "
    "anyone everyone as whichever a an one"
)
_ONE_AFTER: Final = frozenset({"another", "by", "'", "’"})
_ONE_DAY_WORDS: Final = frozenset({"day", "night", "morning", "evening", "afternoon", "time"})
_ONE_DAY_PREPS: Final = frozenset(
    {"for", "in", "within", "after", "than", "just", "only", "about", "over", "of", "lasted"}
)
_ONE_HYPHEN_OK: Final = frozenset({"third", "quarter", "fifth", "half", "tenth"})
_NONE_AFTER: Final = frozenset({"other", "too", "the"})
_PRONOUNS: Final = frozenset({"he", "she", "him", "her", "i", "me"})
