"""checker.extract.units: lookups and conversions to one base per dimension."""

from __future__ import annotations

import pytest

from checker.extract.numbers import find_quantities
from checker.extract.units import (
    CURRENCY_SYMBOLS,
    Dimension,
    IncompatibleUnitsError,
    UnknownUnitError,
    convert,
    currency,
    dimension_of,
    match_unit,
    to_canonical,
    unit_for,
)


@pytest.mark.parametrize(
    ("value", "name", "expected", "canonical"),
    [
        (1, "km", 1000, "m"),
        (2300, "feet", 701.04, "m"),
        (1, "mile", 1609.344, "m"),
        (3, "yards", 2.7432, "m"),
        (12, "inches", 0.3048, "m"),
        (40, "kilometres", 40_000, "m"),
        (40, "kilometers", 40_000, "m"),
        (5, "Metres", 5, "m"),
        (1, "lb", 0.45359237, "kg"),
        (2, "tonnes", 2000, "kg"),
        (2, "tons", 2000, "kg"),
        (500, "grams", 0.5, "kg"),
        (2, "hours", 7200, "s"),
        (3, "days", 259_200, "s"),
        (1, "week", 604_800, "s"),
        (1, "year", 31_557_600, "s"),
        (12, "months", 31_557_600, "s"),
        (90, "min", 5400, "s"),
        (1, "hectare", 10_000, "m2"),
        (1, "km²", 1e6, "m2"),
        (1, "litre", 0.001, "m3"),
        (36, "km/h", 10, "m/s"),
        (212, "°F", 100, "degC"),
        (32, "degrees fahrenheit", 0, "degC"),
        (40, "percent", 40, "%"),
        (40, "per cent", 40, "%"),
        (5, "dollars", 5, "USD"),
        (5, "yen", 5, "JPY"),
        (5, "nuevos soles", 5, "PEN"),
    ],
)
def test_to_canonical(value: float, name: str, expected: float, canonical: str) -> None:
    result, unit = to_canonical(value, name)
    assert unit == canonical
    assert result == pytest.approx(expected)


def test_700_metres_and_2300_feet_are_close() -> None:
    metres, _ = to_canonical(700, "meters")
    feet, _ = to_canonical(2300, "feet")
    assert abs(metres - feet) < 2
    first, second = find_quantities("700 meters down, or 2,300 feet")
    assert first.unit == second.unit == "m"
    assert first.low is not None and second.low is not None
    assert abs(first.low - second.low) / first.low < 0.01


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (1, "mi", "km", 1.609344),
        (701.04, "m", "ft", 2300),
        (100, "degC", "degF", 212),
        (1, "day", "h", 24),
        (1, "kg", "lb", 2.2046226218),
        (60, "mph", "km/h", 96.56064),
    ],
)
def test_convert(value: float, source: str, target: str, expected: float) -> None:
    assert convert(value, source, target) == pytest.approx(expected)


@pytest.mark.parametrize("name", ["furlongs", "cubits", "", "blorps", "M", "in"])
def test_unknown_units(name: str) -> None:
    if name == "in":
        assert unit_for(name) is not None  # by its short name only; never matched in text
        assert match_unit(["in"]) is None
        return
    assert unit_for(name) is None
    with pytest.raises(UnknownUnitError):
        to_canonical(1, name)
    with pytest.raises(UnknownUnitError):
        convert(1, name, "m")


@pytest.mark.parametrize(
    ("source", "target"), [("m", "kg"), ("USD", "EUR"), ("s", "%"), ("yen", "dollars")]
)
def test_incompatible_units(source: str, target: str) -> None:
    with pytest.raises(IncompatibleUnitsError):
        convert(1, source, target)


@pytest.mark.parametrize(
    ("tokens", "name", "size"),
    [
        (["km", "/", "h", "later"], "km/h", 3),
        (["nautical", "miles", "off"], "nmi", 2),
        (["per", "cent", "of"], "%", 2),
        (["Feet", "deep"], "ft", 1),
        (["square", "kilometres"], "km2", 2),
        (["m"], "m", 1),
        (["US", "dollars"], "USD", 2),
    ],
)
def test_match_unit(tokens: list[str], name: str, size: int) -> None:
    hit = match_unit(tokens)
    assert hit is not None
    assert (hit[0].name, hit[1]) == (name, size)


@pytest.mark.parametrize("tokens", [["M"], ["people"], [], ["in"], ["may"]])
def test_match_unit_misses(tokens: list[str]) -> None:
    assert match_unit(tokens) is None


def test_currencies_do_not_convert() -> None:
    assert currency("USD").canonical == "USD"
    assert currency("XYZ").dimension is Dimension.CURRENCY
    assert CURRENCY_SYMBOLS["$"] == "USD"
    assert CURRENCY_SYMBOLS["S / ."] == "PEN"


@pytest.mark.parametrize(
    ("canonical", "dimension"),
    [
        ("m", Dimension.LENGTH),
        ("kg", Dimension.MASS),
        ("s", Dimension.TIME),
        ("%", Dimension.PERCENT),
        ("USD", Dimension.CURRENCY),
        ("PEN", Dimension.CURRENCY),
        ("zz", None),
    ],
)
def test_dimension_of(canonical: str, dimension: Dimension | None) -> None:
    assert dimension_of(canonical) is dimension


def test_every_quantity_unit_is_canonical() -> None:
    text = "5 km, 3 kg, 2 hours, 40%, $5, 10 yen, 500 hectares, 60 mph, 3 litres and 4 tons"
    for q in find_quantities(text):
        assert q.unit is not None
        assert dimension_of(q.unit) is not None
