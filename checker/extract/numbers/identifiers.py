"""Numbers that are not figures: identifiers ("flight 17", "Game 6", "S&P 500", "Galaxy
S23"), street numbers ("10 Downing Street"), the pronoun "one", years and clock times."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from checker.extract.numbers.cores import _Core
from checker.extract.numbers.expr import _Expr
from checker.extract.numbers.tokens import _phrase, _Tok, _word, _words
from checker.extract.numbers.unitscan import _unit_at, _unit_texts
from checker.extract.numbers.vocab import (
    _COUNT_HINTS,
    _ID_WORDS,
    _ONE_AFTER,
    _ONE_BEFORE,
    _ONE_DAY_PREPS,
    _ONE_DAY_WORDS,
    _ONE_HYPHEN_OK,
    _YEAR_PREPS,
)
from checker.extract.units import match_unit
from checker.records import Qualifier

# Names of stock indices and product lines that a number completes, in any case.
_NAMED_SERIES: Final = _words(
    "ftse nikkei stoxx nasdaq cac dax ibex kospi asx nifty sensex topix russell msci aex omx "
    "tsx smi mib jse hsi csi bux wig atx psei klci set50 xbox playstation pixel ipad kindle "
    "macbook ps thinkpad lumia xperia airpods falcon ariane starship artemis gemini "
    "mercury fortune forbes"
)
_STREET_WORDS: Final = _words(
    "Street St Avenue Ave Road Rd Boulevard Blvd Lane Ln Drive Dr Way Place Pl Square Sq "
    "Parkway Pkwy Court Ct Terrace Crescent Close Row Gardens Hill Plaza Broadway"
)
_SENTENCE_BREAK: Final = frozenset('.!?:;"“”‘’([—–-•|')
_NOT_NAMES: Final = _words("I Mr Mrs Ms Dr No Nos Per Of Vs pH Mach Force")
# Capitalised words that open a sentence without naming anything ("Only 12 ...").
_OPENERS: Final = _words(
    "A An The About Some Only Nearly Almost Around Over Under More Fewer Less Another All "
    "Just Roughly Approximately At In By For With Of On Since After Before During From To Up "
    "Down Exactly And But Or Yet So Then Those These Its Their Our His Her My Your Each Every "
    "Both Last Next First Top Still Even Barely Perhaps Maybe Almost Within Until Between "
    "Among Like Than Once Some Many Most Another Around Below Above Beyond Nearly Past Plus "
    "Minus Another Just Overall Altogether Total Including Excluding Aged Age Estimated"
)


def _names_something(toks: Sequence[_Tok], core: _Core) -> bool:
    """An identifier, a name's number or a street number: no figure."""
    if _is_identifier(toks, core) or _is_street_number(toks, core):
        return True
    return _is_named(toks, core) and not _dash_number_after(toks, core.stop)  # "Arsenal 3-1"


def _dash_number_after(toks: Sequence[_Tok], j: int) -> bool:
    return (
        j + 1 < len(toks)
        and toks[j].text in ("-", "–")
        and not toks[j].gap
        and toks[j + 1].kind == "num"
        and not toks[j + 1].gap
    )


def _is_named(toks: Sequence[_Tok], core: _Core) -> bool:
    """A number right after a name: "the Stoxx 50", "Game 6", "CA 90210", "TA-125"
    (glued ones such as "S23" never reach here). A title-case headline ("Quake Kills
    300 In Chile") is not read as names."""
    i = core.first
    if core.words or i == 0 or toks[i].kind != "num":
        return False
    prev = toks[i - 1]
    if _enumerator(toks, core):
        return True
    if prev.blocked or prev.kind != "word":
        return False
    if prev.low in _NAMED_SERIES:
        return True
    if prev.low == "s" and _phrase(toks, i - 3, 2) == "poor '":
        return True  # "Standard & Poor's 500"
    if not any(c.isupper() for c in prev.text) or prev.text in _NOT_NAMES:
        return False  # "iOS 5" and "eBay 2" are names too
    if _unit_at(toks, core.stop, core) is not None:
        return False  # "GDP 3%": a measure after a name
    if _sentence_start(toks, i - 1) and (prev.text in _OPENERS or not _name_like(prev.text)):
        return False  # "Only 12 ...", "Nearly 300 ..."; "Microsoft 365 has ..." is a name
    if not prev.text.isupper() and (prev.text.endswith("s") or prev.text.endswith("ed")):
        return False  # "Kills 300", "Killed 300": a title-case verb
    return not _title_case_around(toks, i - 1, core.stop)


def _enumerator(toks: Sequence[_Tok], core: _Core) -> bool:
    """ "(3) the economy ...": a list item's number."""
    i, j = core.first, core.stop
    return (
        toks[i - 1].text == "("
        and j < len(toks)
        and toks[j].text == ")"
        and not toks[j].gap
        and not toks[i].gap
        and core.lo < 100
    )


def _name_like(text: str) -> bool:
    """A word that reads as a name at the start of a sentence: a capital inside it
    ("iPhone", "PlayStation", "FTSE") or a word no sentence opens with otherwise."""
    return any(c.isupper() for c in text[1:]) or (text not in _OPENERS and len(text) > 2)


def _sentence_start(toks: Sequence[_Tok], k: int) -> bool:
    return k == 0 or toks[k - 1].text in _SENTENCE_BREAK or toks[k - 1].blocked


def _title_case_around(toks: Sequence[_Tok], name: int, stop: int) -> bool:
    words = [
        t for t in (*toks[max(0, name - 3) : name], *toks[stop : stop + 2]) if t.kind == "word"
    ]
    capitals = sum(1 for t in words if t.text[:1].isupper())
    return capitals >= 3 or (stop < len(toks) and toks[stop].text[:1].isupper() and capitals >= 2)


def _is_street_number(toks: Sequence[_Tok], core: _Core) -> bool:
    """ "10 Downing Street", "1600 Amphitheatre Parkway"."""
    k = core.stop
    for _ in range(3):
        if k >= len(toks) or toks[k].kind != "word" or not toks[k].text[:1].isupper():
            return False
        if k > core.stop and toks[k].text in _STREET_WORDS:
            return True
        k += 1
    return k < len(toks) and toks[k].text in _STREET_WORDS


def _leading_zero(toks: Sequence[_Tok], core: _Core) -> bool:
    """ "0800", "007": a code or a phone number; "0.5" is a number."""
    text = toks[core.first].text
    return toks[core.first].kind == "num" and len(text) > 1 and text[0] == "0" and text[1] != "."


def _is_identifier(toks: Sequence[_Tok], core: _Core) -> bool:
    i = core.first
    if core.words or i == 0:
        return False
    prev = toks[i - 1]
    if prev.blocked:
        return False
    if prev.text == "#" and not toks[i].gap:
        return True
    if prev.text == "." and i >= 2 and toks[i - 2].low in ("no", "nos", "nr") and not prev.gap:
        return True
    if prev.kind != "word" or prev.low not in _ID_WORDS:
        return False
    if prev.low == "number" and _word(toks, i - 2) in ("a", "the"):
        return prev.low == "number" and _word(toks, i - 2) == "the"
    if prev.text == "number" and _counting_verb(_word(toks, i - 2)):
        return False  # "the captors number 14": the verb, not "number 14"
    if prev.low in ("no",):
        return prev.text == "No"
    return not (prev.low in _LOWERCASE_NAMES_ONLY_IF_CAPITAL and prev.text.islower())


_LOWERCASE_NAMES_ONLY_IF_CAPITAL: Final = _words("day year act size line level game week round")
_NOT_PLURALS = frozenset({"his", "its", "was", "is", "has", "this", "bus", "us", "gas", "as"})


def _counting_verb(before: str) -> bool:
    """ "number" after a plural or a pronoun counts it: "they number 14", "the rebels
    now number 14"; after anything else it names ("room number 14", "at number 10")."""
    return before in ("they", "we", "now", "still", "only", "together") or (
        len(before) > 3 and before.endswith("s") and before not in _NOT_PLURALS
    )


def _is_pronoun_one(toks: Sequence[_Tok], core: _Core, expr: _Expr) -> bool:
    if not (core.words and core.stop == core.first + 1 and toks[core.first].low == "one"):
        return False
    if expr.is_range or (expr.unit is not None and expr.unit.dimension.value != "time"):
        return False
    if expr.qualifier is not Qualifier.EXACT or expr.relation is not None or expr.totality:
        return False
    i = core.first
    before, after = _word(toks, i - 1), _word(toks, i + 1)
    if before in _ONE_BEFORE or after in _ONE_AFTER:
        return True
    if i >= 2 and _phrase(toks, i - 2, 2) == "one by":
        return True
    if before == "at" or (
        after == "of" and _phrase(toks, i + 2, 2) in ("these days", "those days")
    ):
        return True
    if after in _ONE_DAY_WORDS and before not in _ONE_DAY_PREPS:
        return True
    if i + 1 < len(toks) and toks[i + 1].text in "-‐" and not toks[i + 1].gap:
        nxt = _word(toks, i + 2)
        return nxt not in _ONE_HYPHEN_OK and match_unit(_unit_texts(toks, i + 2)) is None
    return False


def _is_year(toks: Sequence[_Tok], core: _Core, expr: _Expr) -> bool:
    """A year, or a 24-hour clock time such as "at 1353" (see the module docstring)."""
    if not core.plain or len(toks[core.first].text) != 4:
        return False
    if expr.unit is not None or expr.is_range or expr.relation is not None:
        return False
    value = core.lo
    if _word(toks, expr.first - 1) == "at" and value % 100 < 60 and value < 2400:
        return expr.qualifier is Qualifier.EXACT
    before = _word(toks, expr.first - 1)
    if 1000 <= value <= 2100 and before in _YEAR_PREPS and expr.qualifier is Qualifier.EXACT:
        return True
    if not 1900 <= value <= 2099 or expr.qualifier is not Qualifier.EXACT or expr.totality:
        return False
    return _word(toks, expr.stop) not in _COUNT_HINTS
