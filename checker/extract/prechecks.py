"""Exact pre-checks for a regular expression, derived from the pattern itself.

A long pattern whose alternatives open with optional words ("early", a weekday, "the
night of") gets none of the engine's quick skip to a first character, so ``finditer``
tries it at every offset of a text. :func:`precheck` reads the pattern's parse once
and derives two checks that every match passes:

* ``needs``: the characters every match consumes whatever path it takes ("@" in an
  e-mail address, "-" in "1997-04-22"); a text without one of them has no match;
* ``start``: a plain expression, the alternation of the short openings (a few
  characters) every match begins with; each alternative opens with one literal
  character, so the engine skips quickly from one place where an opening can start
  to the next, and the pattern is tried only there.

:meth:`Prechecked.finditer` gives the same matches as ``pattern.finditer(text)``,
match for match, because:

* both checks are implied by the pattern. They are read from what the pattern
  consumes; a zero-width assertion (``\\b``, a lookaround) is passed over, which only
  lets more through; where what is consumed is not a small set of characters (``.``,
  a negated set, a back reference, ``\\w``) the opening ends there, and a pattern
  that may open with such a thing gets no start check;
* ``finditer`` reports, from its position, the first offset where the pattern matches,
  then goes on from the match's end. The pattern cannot match where the start check
  fails, so trying it only where the check holds finds that same offset; and
  ``pattern.match(text, s)`` reads the whole text (lookbehinds and ``\\b`` see what
  precedes ``s``), as the search does;
* every opening is a consumed character or more, so no match is empty.

The checks read the text folded (:func:`fold`), one character for one so that offsets
do not move: in lower case, with the four characters a case-insensitive pattern takes
for an ASCII letter ("İ", "ı", "ſ", the Kelvin sign) as that letter, any other
decimal digit as "0" and any other white space as " ".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Final

# What a case-insensitive pattern takes for an ASCII letter besides its two cases
# (tests/extract/test_prechecks.py checks every code point).
_CASE_EXTRAS: Final = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_DIGITS: Final = frozenset("0123456789")
_SPACES: Final = frozenset(c for c in map(chr, range(128)) if c.isspace())
_OTHER_DIGIT_OR_SPACE: Final = re.compile(r"(?![\x00-\x7f])[\d\s]")

DEPTH: Final = 4  # characters of an opening read
_MOST: Final = 800  # openings kept; past it they are shortened
_SET_MOST: Final = 40  # a larger set of characters ends the opening

Atom = frozenset[str]  # the folded characters one consumed character may be
Opening = tuple[Atom, ...]


def fold(text: str) -> str | None:
    """``text`` as the checks read it (see the module); None in the one case where
    lower case would move an offset, when the checks are not used."""
    if text.isascii():
        return text.lower()
    view = text.replace("\u0130", "i").lower()
    for ch, letter in _CASE_EXTRAS.items():
        if ch in view:
            view = view.replace(ch, letter)
    view = _OTHER_DIGIT_OR_SPACE.sub(lambda m: "0" if m[0].isdecimal() else " ", view)
    return view if len(view) == len(text) else None


def _fold_char(ch: str, ignore_case: bool) -> str | None:
    """The folded form of a character the pattern asks for; None when the folded text
    may hold something else where the pattern accepts it."""
    if ch in _CASE_EXTRAS:
        return _CASE_EXTRAS[ch]
    if ch.isdecimal():
        return ch if ch.isascii() else "0"
    if ch.isspace():
        return ch if ch.isascii() else " "
    if ignore_case and not ch.isascii() and (ch.lower() != ch or ch.upper() != ch):
        return None  # a cased letter outside ASCII: its other cases are not folded alike
    low = ch.lower()
    return low if len(low) == 1 else None


class _Stop(Exception):
    """What is consumed here is not a small set of characters."""


def _atom(op: Any, av: Any, ignore_case: bool) -> Atom:
    """The folded characters one consumed element may be (a literal or a set)."""
    if op is sre.LITERAL:
        items: Iterable[tuple[Any, Any]] = [(op, av)]
    elif op is sre.IN:
        items = av
    else:
        raise _Stop
    chars: set[str] = set()
    for kind, value in items:
        if kind is sre.LITERAL:
            chars.add(chr(value))
        elif kind is sre.RANGE and value[1] - value[0] <= _SET_MOST:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
            chars |= _DIGITS
        elif kind is sre.CATEGORY and value is sre.CATEGORY_SPACE:
            chars |= _SPACES
        else:
            raise _Stop  # a negated set, a wide range, word characters
        if len(chars) > _SET_MOST:
            raise _Stop
    folded = {_fold_char(c, ignore_case) for c in chars}
    if None in folded:
        raise _Stop
    return frozenset(c for c in folded if c is not None)


# The openings of a piece of pattern: (atoms, open), "open" when the match may go
# on consuming after them and the opening may be read further.
_Paths = frozenset[tuple[Opening, bool]]
_START: Final[_Paths] = frozenset({((), True)})
_UNKNOWN: Final[_Paths] = frozenset({((), False)})
_ZERO_WIDTH: Final = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS: Final = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _then(paths: _Paths, more: _Paths) -> _Paths:
    out: set[tuple[Opening, bool]] = set()
    for atoms, is_open in paths:
        if not is_open:
            out.add((atoms, False))
            continue
        for tail, tail_open in more:
            joined = atoms + tail
            out.add((joined[:DEPTH], tail_open and len(joined) < DEPTH))
    return frozenset(out)


def _closed(paths: _Paths) -> _Paths:
    return frozenset((atoms, False) for atoms, _ in paths)


def _sequence(items: Iterable[tuple[Any, Any]], flags: int) -> _Paths:
    paths = _START
    for op, av in items:
        if not any(is_open for _, is_open in paths):
            break
        paths = _then(paths, _item(op, av, flags))
    return paths


def _item(op: Any, av: Any, flags: int) -> _Paths:
    """The openings of one element of a parsed pattern."""
    if op in _ZERO_WIDTH:
        return _START
    if op is sre.SUBPATTERN:
        _group, add, remove, sub = av
        return _sequence(sub.data, (flags | add) & ~remove)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av.data, flags)
    if op is sre.BRANCH:
        return frozenset().union(*(_sequence(alt.data, flags) for alt in av[1]))
    if op in _REPEATS:
        low, high, sub = av
        return _repeat(low, high, sub, flags)
    try:
        return frozenset({((_atom(op, av, bool(flags & re.IGNORECASE)),), True)})
    except _Stop:
        return _UNKNOWN


def _repeat(low: int, high: int, sub: Any, flags: int) -> _Paths:
    """``sub`` from ``low`` to ``high`` times: the first copies read out, the rest closed."""
    once = _sequence(sub.data, flags)
    paths = _START
    for _ in range(min(low, DEPTH)):
        paths = _then(paths, once)
    if low > DEPTH:
        return _closed(paths)
    if low == high:
        return paths
    more = once if high == low + 1 else _closed(once)
    return paths | _then(paths, more)


def _openings(items: Iterable[tuple[Any, Any]], flags: int) -> frozenset[Opening] | None:
    found = {atoms for atoms, _ in _sequence(items, flags)}
    while len(found) > _MOST:
        depth = max(len(a) for a in found) - 1
        found = {a[:depth] for a in found}
    if not found or any(not atoms for atoms in found):
        return None
    # an opening that begins with a shorter one adds nothing to the check
    return frozenset(a for a in found if not any(a[:k] in found for k in range(1, len(a))))


def openings(pattern: re.Pattern[str]) -> frozenset[Opening] | None:
    """The openings every match of ``pattern`` starts with (on the folded text); None
    when some match may open with something else."""
    return _openings(sre_parse.parse(pattern.pattern, pattern.flags).data, pattern.flags)


def _needs(items: Iterable[tuple[Any, Any]], flags: int) -> frozenset[str]:
    """The folded characters every match of a sequence consumes."""
    out: set[str] = set()
    for op, av in items:
        if op is sre.SUBPATTERN:
            _group, add, remove, sub = av
            out |= _needs(sub.data, (flags | add) & ~remove)
        elif op is sre.ATOMIC_GROUP:
            out |= _needs(av.data, flags)
        elif op in _REPEATS and av[0] >= 1:
            out |= _needs(av[2].data, flags)
        elif op is sre.BRANCH:
            out |= frozenset.intersection(*(_needs(alt.data, flags) for alt in av[1]))
        elif op in (sre.LITERAL, sre.IN):
            try:
                atom = _atom(op, av, bool(flags & re.IGNORECASE))
            except _Stop:
                continue
            if len(atom) == 1:
                out |= atom
    return frozenset(out)


def _atom_source(atom: Atom) -> str:
    # "\\d" and "\\s" take in more than the ASCII digits and spaces: a looser check
    if atom == _DIGITS:
        return r"\d"
    if atom == _SPACES:
        return r"\s"
    if len(atom) == 1:
        return re.escape(next(iter(atom)))
    return "[" + "".join(re.escape(c) for c in sorted(atom)) + "]"


def _start_source(found: frozenset[Opening]) -> str:
    """The openings as one expression whose alternatives each open with one literal
    character, so that a search skips quickly to where one of them can start."""
    by_first: dict[str, set[Opening]] = {}
    for atoms in found:
        for ch in atoms[0]:
            by_first.setdefault(ch, set()).add(atoms[1:])
    alternatives = []
    for ch in sorted(by_first):
        tails = by_first[ch]
        if () in tails:
            alternatives.append(re.escape(ch))
        else:
            body = "|".join(sorted("".join(map(_atom_source, tail)) for tail in tails))
            alternatives.append(f"{re.escape(ch)}(?:{body})")
    return "|".join(alternatives)


@dataclass(frozen=True)
class Prechecked:
    """A pattern with its pre-checks (see the module)."""

    pattern: re.Pattern[str]
    start: re.Pattern[str] | None
    needs: frozenset[str]

    def finditer(self, text: str, folded: str | None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``; ``folded`` is ``fold(text)``."""
        if folded is None:
            yield from self.pattern.finditer(text)
            return
        if not all(ch in folded for ch in self.needs):
            return
        if self.start is None:
            yield from self.pattern.finditer(text)
            return
        find, match = self.start.search, self.pattern.match
        pos = 0
        while (hit := find(folded, pos)) is not None:
            start = hit.start()
            m = match(text, start)
            if m is None:
                pos = start + 1
            else:
                yield m
                pos = m.end()


def precheck(pattern: re.Pattern[str]) -> Prechecked:
    """``pattern`` with the checks every one of its matches passes."""
    items = sre_parse.parse(pattern.pattern, pattern.flags).data
    found = _openings(items, pattern.flags)
    start = re.compile(_start_source(found)) if found is not None else None
    return Prechecked(pattern, start, _needs(items, pattern.flags))
