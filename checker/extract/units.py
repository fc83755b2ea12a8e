"""Units of measurement: names as written -> canonical unit and conversion.

One canonical base per dimension, so that figures written in different units
compare directly ("700 meters" and "2,300 feet" both become metres):

=========== ========= ====================================================
dimension   canonical examples as written
=========== ========= ====================================================
length      ``m``     m, metres/meters, km, cm, mm, feet/ft, yards, miles
mass        ``kg``    kg, grams, pounds/lb, tons/tonnes (1 ton = 1000 kg)
time        ``s``     seconds ... years (a month is 1/12 of 365.25 days)
area        ``m2``    square metres/km/miles, km², hectares, acres
volume      ``m3``    litres, gallons (US), barrels (oil)
speed       ``m/s``   km/h, kph, mph, knots, "miles per hour"
temperature ``degC``  °C, °F, "degrees Celsius/Fahrenheit"
angle       ``deg``   bare "degrees"
percent     ``%``     %, percent, per cent, pct
points      ``pp``    percentage points
currency    ISO code  $, US$, dollars -> USD; yen -> JPY; soles -> PEN ...
=========== ========= ====================================================

Currencies are never converted into one another: the canonical unit of a
sum of money is its ISO 4217 code. A bare "$" or "dollars" means US dollars.
"tons" is taken as the metric tonne (news rarely distinguishes them and a
10 % gap between reports would otherwise read as a contradiction).

Full words match case-insensitively ("Metres"); abbreviations match exactly
("m" is a metre, "M" is not a unit). Multi-token names are given as token
tuples as the number scanner splits them: ``("km", "/", "h")``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from checker.extract.unit_table import (
    _CURRENCIES,
    _DEFS,
    _GLUED_ONLY,
    _SUBUNIT_WORDS,
    CURRENCY_SYMBOLS,
    Dimension,
)

__all__ = [
    "CURRENCY_CODES",
    "CURRENCY_SYMBOLS",
    "Dimension",
    "IncompatibleUnitsError",
    "Unit",
    "UnknownUnitError",
    "convert",
    "currency",
    "dimension_of",
    "match_glued_unit",
    "match_unit",
    "to_canonical",
    "unit_for",
]


class UnknownUnitError(ValueError):
    """A unit name that this module does not know."""


class IncompatibleUnitsError(ValueError):
    """A conversion between units of different dimensions (or currencies)."""


@dataclass(frozen=True)
class Unit:
    """A unit as written: ``canonical = value * factor + offset``."""

    name: str
    canonical: str
    dimension: Dimension
    factor: float = 1.0
    offset: float = 0.0

    def to_canonical(self, value: float) -> float:
        return value * self.factor + self.offset

    def from_canonical(self, value: float) -> float:
        return (value - self.offset) / self.factor


CURRENCY_CODES: Final[frozenset[str]] = frozenset(
    {code for code, _ in _CURRENCIES} | set(CURRENCY_SYMBOLS.values())
)


def _build_tables() -> tuple[
    dict[str, Unit], dict[tuple[str, ...], Unit], dict[tuple[str, ...], Unit]
]:
    by_name: dict[str, Unit] = {}
    words: dict[tuple[str, ...], Unit] = {}
    abbrevs: dict[tuple[str, ...], Unit] = {}
    for name, canonical, dim, factor, offset, spellings, short in _DEFS:
        unit = Unit(name, canonical, dim, factor, offset)
        by_name[name] = unit
        for spelling in spellings:
            words[tuple(spelling.split())] = unit
        for abbrev in short:
            abbrevs[tuple(abbrev.split())] = unit
    for code, spellings in _CURRENCIES:
        unit = Unit(code, code, Dimension.CURRENCY)
        by_name[code] = unit
        abbrevs[(code,)] = unit
        for spelling in spellings:
            words[tuple(spelling.split())] = unit
    for code in CURRENCY_SYMBOLS.values():
        unit = by_name.setdefault(code, Unit(code, code, Dimension.CURRENCY))
        abbrevs.setdefault((code,), unit)
    for name, canonical, factor, spellings in _SUBUNIT_WORDS:
        unit = Unit(name, canonical, Dimension.CURRENCY, factor)
        for spelling in spellings:
            words[(spelling,)] = unit
    return by_name, words, abbrevs


_BY_NAME, _WORDS, _ABBREVS = _build_tables()
_GLUED: Final[Mapping[str, Unit]] = MappingProxyType(
    {
        short: Unit(name, canon, dim, factor, offset)
        for name, canon, dim, factor, offset, short in _GLUED_ONLY
    }
)
_BY_NAME_VIEW: Final[Mapping[str, Unit]] = MappingProxyType(_BY_NAME)
_MAX_TOKENS: Final = max(len(k) for k in (*_WORDS, *_ABBREVS))


def currency(code: str) -> Unit:
    """The canonical unit for an ISO currency code (unknown codes are accepted as-is)."""
    return _BY_NAME.get(code) or Unit(code, code, Dimension.CURRENCY)


def unit_for(name: str) -> Unit | None:
    """Look up a unit by its short name, an abbreviation or a spelling ("feet", "km/h")."""
    cleaned = " ".join(name.split())
    if cleaned in _BY_NAME_VIEW:
        return _BY_NAME_VIEW[cleaned]
    tokens = tuple(_split_symbols(cleaned))
    return _ABBREVS.get(tokens) or _WORDS.get(tuple(t.lower() for t in tokens))


def _split_symbols(text: str) -> list[str]:
    out: list[str] = []
    word = ""
    for ch in text:
        if ch.isalnum():
            word += ch
            continue
        if word:
            out.append(word)
            word = ""
        if not ch.isspace():
            out.append(ch)
    if word:
        out.append(word)
    return out


def match_unit(tokens: Sequence[str]) -> tuple[Unit, int] | None:
    """Longest unit name at the start of ``tokens`` (scanner tokens, as written).

    Returns the unit and the number of tokens it spans, or None.
    """
    for size in range(min(_MAX_TOKENS, len(tokens)), 0, -1):
        key = tuple(tokens[:size])
        unit = _ABBREVS.get(key) or _WORDS.get(tuple(t.lower() for t in key))
        if unit is not None:
            return unit, size
    return None


def match_glued_unit(text: str) -> Unit | None:
    """A unit written only glued to a number: "p" (pence), "pc" (per cent), "C", "F"."""
    return _GLUED.get(text)


def to_canonical(value: float, name: str) -> tuple[float, str]:
    """``value`` in the unit called ``name`` -> (value in canonical unit, canonical name)."""
    unit = unit_for(name)
    if unit is None:
        raise UnknownUnitError(f"unknown unit: {name!r}")
    return unit.to_canonical(value), unit.canonical


def convert(value: float, source: str, target: str) -> float:
    """Convert ``value`` from one unit to another of the same dimension.

    Raises UnknownUnitError for a unit this module does not know and
    IncompatibleUnitsError across dimensions or between two currencies.
    """
    src, dst = unit_for(source), unit_for(target)
    if src is None or dst is None:
        raise UnknownUnitError(f"unknown unit: {source if src is None else target!r}")
    if src.canonical != dst.canonical:
        raise IncompatibleUnitsError(f"cannot convert {src.name} to {dst.name}")
    return dst.from_canonical(src.to_canonical(value))


def dimension_of(canonical: str) -> Dimension | None:
    """The dimension of a canonical unit name ("m" -> LENGTH, "USD" -> CURRENCY)."""
    unit = _BY_NAME_VIEW.get(canonical)
    if unit is not None:
        return unit.dimension
    return Dimension.CURRENCY if canonical in CURRENCY_CODES else None
