"""Figures in news text -> ``Quantity`` intervals (pure text, no spaCy).

Entry points
------------
``parse_number(text)``
    One number written alone -> its value: "1,500", "1 500", "2.5", "twelve",
    "twenty-four", "a hundred and two", "two dozen", "half a dozen",
    "1.5 million", "$3m" is not a bare number (None). Vague amounts ("several
    hundred", "hundreds") are intervals, not numbers: None. Never raises.
``find_quantities(text)``
    Every figure in a text, ordered by position, as ``checker.records.Quantity``.
``format_interval(low, high)``
    "14", "15–25", "≥ 400", "≤ 10" for messages.

How a figure becomes an interval
--------------------------------
The number (and its unit) gives a base value N, or a base interval for vague
amounts and ranges. The qualifier in front of it (or after it) turns that into
``low``/``high``. Counts (no unit, whole numbers) are integers: a strict bound
moves by one and approximate bounds are rounded outwards.

====================================== ============== ==========================
written                                qualifier      interval
====================================== ============== ==========================
74 / all 14 / a dozen                  EXACT          N .. N
about, around, some, roughly,          ABOUT          N ± w (see below)
approximately, circa, ~, "N or so"
an estimated, estimated at             ESTIMATE       N ± w
at least, no fewer than, not less      AT_LEAST       N .. open
than, a minimum of, "N or more",
"N-plus", "N+"
more than, over, above, upwards of,    MORE_THAN      N+1 .. open (counts),
in excess of, well/just over                          N .. open (other units)
at most, no more than, not more than,  AT_MOST        open .. N
a maximum of, "N or fewer/less"
up to, as many as, as much as          UP_TO          open .. N
fewer than, less than, under, below    FEWER_THAN     open .. N-1 (counts),
                                                      open .. N (other units)
nearly, almost, close to, just under,  NEARLY         N - w .. N
approaching, just shy of
between X and Y, X to Y, X-Y, X–Y,     RANGE          X .. Y
5-10W, $5-5.5 billion                                 (``X or Y`` and ``from X to Y``
                                                      too with ``join_alternatives``)
"N-odd" ("40-odd")                     ABOUT          N .. N + u
====================================== ============== ==========================

The half-width ``w`` of an approximation follows how round N is. Let ``u``
be N's *roundness*: the place value of its last significant digit, or five
times that when the digit is a 5 (20 -> 10, 25 -> 5, 74 -> 1, 400 -> 100,
1,500 -> 500, 2.5 -> 0.5). Then ``w = u / 2``, but never less than 5 % of N
and never more than 25 % of N. A rounder number is a vaguer one, so "about
20" is relatively wider than "about 74", and "about 400", "some 400",
"around 400" and "an estimated 400" all agree:

=========== ===== ===== ==========================
about N       u     w   interval (counts rounded out)
=========== ===== ===== ==========================
3             1   0.5   2 .. 4
12            1   0.6   11 .. 13
20           10   5     15 .. 25
25            5   2.5   22 .. 28
74            1   3.7   70 .. 78
100         100   25    75 .. 125
150          50   25    125 .. 175
400         100   50    350 .. 450
1,500       500   250   1,250 .. 1,750
2,300 ft    100   115   2,185 .. 2,415 ft (666 .. 736 m)
=========== ===== ===== ==========================

Vague amounts (qualifier ESTIMATE unless another qualifier is written):

=========================== ==================== ============================
written                     interval             rule
=========================== ==================== ============================
a couple (of)               2 .. 3
a handful (of)              3 .. 6
dozens (of)                 24 .. 99
scores (of)                 40 .. 199            2 to 10 scores, less one
tens (of)                   20 .. 99
hundreds (of)               200 .. 999           2 P .. 10 P - 1 for a plural P
thousands (of)              2,000 .. 9,999
millions / billions         2 M .. 10 M - 1
tens of thousands           20,000 .. 99,999     the two plurals multiply
hundreds of thousands       200,000 .. 999,999
several hundred/thousand    300 .. 900, ...      several = 3 .. 9
a few hundred/thousand      200 .. 500, ...      a few = 2 .. 5
a couple (of) hundred       200 .. 300           a couple = 2 .. 3
several dozen / a few dozen 36 .. 108 / 24 .. 60
=========================== ==================== ============================

Bare "several", "a few" and "many" carry no figure and yield nothing.

Arithmetic phrases set ``Quantity.relation``:

============================== =========== ========= =======================
written                        value       relation  notes
============================== =========== ========= =======================
all but two of the 40          38          all_but   total known
all but two (no total)         2           all_but   the *excluded* count
she and 11 others              12          and_others pronoun/Name and N others
another two, two more,         2           increment a further/an additional N,
a further two                                        N additional/further/extra
the remaining four             4           remaining also "four remaining",
                                                     "the last four"
half of the 40                 20          fraction  a third/two-thirds/a quarter...
twice/double the 40            80          multiple  triple, quadruple
two-thirds of, a quarter of,   0.667, 0.25 share     a fraction with no total
cut by half, three quarters                          (no count of anything)
fell 0.4 per cent to 13176     0.4 %       change    then the new level 13176 (no
rose by 35 to 412              35          change    relation): never a range
won 3-1, a 9-2 lead            3 and 1     score     both numbers; "6-3, 6-4, 7-6"
a 1.07:1 ratio, 1:36.6         1.07 and 1  ratio     both numbers
all 14, a total of 14, 14 in   14          (none)    ``totality=True``
all, all of the 14
no one, nobody, none, not a    0           (none)    the spaCy layer checks
single, not one, no injuries                         what they refer to
============================== =========== ========= =======================

What is *not* a quantity (nothing is returned)
---------------------------------------------
- ordinals: "second", "22nd", "118th day";
- years: a bare four-digit whole number from 1900 to 2099 with no qualifier,
  unit or currency ("1996", "the 1996 attack") unless a plural count noun
  from a short list follows ("2000 people"); any four-digit number from 1000
  after "in", "since", "by", "until", "of", "year" ...; decades ("1990s");
  year spans ("1996-97");
- clock times ("2:50 a.m.", "3 p.m.", "20:30", "1430 GMT", a bare four-digit
  24-hour time after "at": "struck at 1353"), dates
  ("Dec. 17", "17 December 1996", "12/17/96", "1996-12-17"), phone numbers,
  versions ("3.8.1"), web and e-mail addresses, numbers glued to "_", "@", "=";
- ratios written "one in five" (scores and "3:1" ratios *are* returned, with a
  relation, see above; count claims skip them);
- identifiers: a number after flight, route, highway, No., #, number, room,
  gate, page, article, chapter, category, level, day, Apollo, Boeing ...;
  numbers glued to letters ("AKM-47", "F-16", "MH370", "A320", "5G", "6XE");
  a model's variant ("Boeing 737-800"); a number right after a name in running
  text ("the Stoxx 50", "S&P 500", "Game 6", "iOS 17", "CA 90210"; not in a
  title-case headline, not "GDP 3%"); street numbers ("10 Downing Street");
  numbers with a leading zero ("0800"); list items ("(3)");
- "one" used as a pronoun: "the one", "this one", "another one", "one
  another", "one by one", "one of these days", "at one point", "one-sided",
  and "one day/night/morning" not after a preposition ("One day, ...").
  "one of the rebels" *is* a count of 1 (partitive), so is "only one";
  "another one" is kept as an increment of 1 ("another one was freed").

Glued to the number: units ("128GB", "5-10W", "100km/hr", "3.2GHz"), pence and
per cent ("164p", "24pc"), Celsius ("-5C"), currencies before it ("RM79",
"US$55,931,000", "A$82,615,680"), scales ("25k", "4.3M", "8B", "5bn"; "12.3m tonnes"
is 12.3 million, "a 10m wall" ten metres). Spaced: "8 B people", "2.5 lakh crore".
Negatives: "-1.3%", "$-50.8bn", "minus 233 Celsius", "minus-260 degrees".

The figure as written is ``original_low``/``original_high``: the number(s) in the
unit written, scale words applied, before a qualifier widens them ("about 20" is
20, "2,300 feet" 2300 while ``low``/``high`` hold 666 .. 736 m).

Written precision counts: "about 6.0" is 5.7 .. 6.3 (the roundness of a
written decimal is its last written place), and a number written with a
decimal point is never treated as an integer count.

Durations are always returned, in seconds, even inside "24 days ago" or
"three days later": the date layer owns the anchoring, and a duration can
also be the fact being reported ("a 126-day siege"). Ages ("a 34-year-old")
are durations too. "pounds" after million/billion is sterling (GBP), otherwise
weight.
"""

from __future__ import annotations

from checker.extract.numbers.cores import _core_at
from checker.extract.numbers.expr import ZERO_CASUALTY_NOUNS
from checker.extract.numbers.intervals import format_interval, roundness
from checker.extract.numbers.scan import find_quantities
from checker.extract.numbers.tokens import _tokenize

__all__ = ["ZERO_CASUALTY_NOUNS", "find_quantities", "format_interval", "parse_number", "roundness"]


def parse_number(text: str) -> float | None:
    """The value of one number written alone, or None (see the module docstring)."""
    toks = _tokenize(text.strip())
    if not toks or any(t.blocked for t in toks):
        return None
    core = _core_at(toks, 0, False)
    if core is None or core.excluded or core.vague or core.stop != len(toks):
        return None
    return core.lo
