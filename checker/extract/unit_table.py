"""The unit and currency tables behind ``checker.extract.units`` (data only)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final


class Dimension(StrEnum):
    LENGTH = "length"
    MASS = "mass"
    TIME = "time"
    AREA = "area"
    VOLUME = "volume"
    SPEED = "speed"
    TEMPERATURE = "temperature"
    ANGLE = "angle"
    PERCENT = "percent"
    POINTS = "points"
    CURRENCY = "currency"
    DATA = "data"
    DATA_RATE = "data rate"
    POWER = "power"
    ENERGY = "energy"
    FREQUENCY = "frequency"
    PIXELS = "pixels"
    VOLTAGE = "voltage"


# (name, canonical, dimension, factor, offset, full-word spellings, abbreviations)
_Def = tuple[str, str, Dimension, float, float, tuple[str, ...], tuple[str, ...]]

_L, _M, _T = Dimension.LENGTH, Dimension.MASS, Dimension.TIME
_A, _V, _S = Dimension.AREA, Dimension.VOLUME, Dimension.SPEED

_DAY: Final = 86_400.0
_YEAR: Final = 365.25 * _DAY

_DEFS: Final[tuple[_Def, ...]] = (
    # length
    ("m", "m", _L, 1.0, 0.0, ("metre", "metres", "meter", "meters"), ("m",)),
    (
        "km",
        "m",
        _L,
        1000.0,
        0.0,
        ("kilometre", "kilometres", "kilometer", "kilometers", "kilometre", "klicks"),
        ("km", "kms"),
    ),
    ("cm", "m", _L, 0.01, 0.0, ("centimetre", "centimetres", "centimeter", "centimeters"), ("cm",)),
    (
        "mm",
        "m",
        _L,
        0.001,
        0.0,
        ("millimetre", "millimetres", "millimeter", "millimeters"),
        ("mm",),
    ),
    ("ft", "m", _L, 0.3048, 0.0, ("foot", "feet"), ("ft",)),
    ("in", "m", _L, 0.0254, 0.0, ("inch", "inches"), ()),
    ("yd", "m", _L, 0.9144, 0.0, ("yard", "yards"), ("yd", "yds")),
    ("mi", "m", _L, 1609.344, 0.0, ("mile", "miles"), ("mi",)),
    ("nmi", "m", _L, 1852.0, 0.0, ("nautical mile", "nautical miles"), ("nm",)),
    (
        "um",
        "m",
        _L,
        1e-6,
        0.0,
        ("micrometre", "micrometres", "micrometer", "micrometers", "micron", "microns"),
        ("µm", "μm"),
    ),
    ("nanometre", "m", _L, 1e-9, 0.0, ("nanometre", "nanometres", "nanometer", "nanometers"), ()),
    # mass
    (
        "kg",
        "kg",
        _M,
        1.0,
        0.0,
        ("kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"),
        ("kg", "kgs"),
    ),
    ("g", "kg", _M, 0.001, 0.0, ("gram", "grams", "gramme", "grammes"), ("g",)),
    ("mg", "kg", _M, 1e-6, 0.0, ("milligram", "milligrams"), ("mg",)),
    ("lb", "kg", _M, 0.45359237, 0.0, ("pound", "pounds"), ("lb", "lbs")),
    ("oz", "kg", _M, 0.028349523125, 0.0, ("ounce", "ounces"), ("oz",)),
    (
        "t",
        "kg",
        _M,
        1000.0,
        0.0,
        (
            "ton",
            "tons",
            "tonne",
            "tonnes",
            "metric ton",
            "metric tons",
            "metric tonne",
            "metric tonnes",
        ),
        (),
    ),
    # time
    ("s", "s", _T, 1.0, 0.0, ("second", "seconds"), ("s", "sec", "secs")),
    ("min", "s", _T, 60.0, 0.0, ("minute", "minutes"), ("min", "mins")),
    ("h", "s", _T, 3600.0, 0.0, ("hour", "hours"), ("h", "hr", "hrs")),
    ("d", "s", _T, _DAY, 0.0, ("day", "days"), ()),
    ("wk", "s", _T, 7 * _DAY, 0.0, ("week", "weeks"), ("wk", "wks")),
    ("fortnight", "s", _T, 14 * _DAY, 0.0, ("fortnight", "fortnights"), ()),
    ("mo", "s", _T, _YEAR / 12, 0.0, ("month", "months"), ()),
    ("yr", "s", _T, _YEAR, 0.0, ("year", "years"), ("yr", "yrs")),
    ("decade", "s", _T, 10 * _YEAR, 0.0, ("decade", "decades"), ()),
    ("century", "s", _T, 100 * _YEAR, 0.0, ("century", "centuries"), ()),
    # area
    (
        "m2",
        "m2",
        _A,
        1.0,
        0.0,
        ("square metre", "square metres", "square meter", "square meters", "sq m", "sq . m"),
        ("m2", "m²"),
    ),
    (
        "km2",
        "m2",
        _A,
        1e6,
        0.0,
        (
            "square kilometre",
            "square kilometres",
            "square kilometer",
            "square kilometers",
            "sq km",
            "sq . km",
        ),
        ("km2", "km²"),
    ),
    (
        "mi2",
        "m2",
        _A,
        1609.344**2,
        0.0,
        ("square mile", "square miles", "sq mi", "sq miles", "sq . mi"),
        ("mi2", "mi²"),
    ),
    (
        "ft2",
        "m2",
        _A,
        0.3048**2,
        0.0,
        ("square foot", "square feet", "sq ft", "sq . ft"),
        ("ft2", "ft²"),
    ),
    ("ha", "m2", _A, 1e4, 0.0, ("hectare", "hectares"), ("ha",)),
    ("acre", "m2", _A, 4046.8564224, 0.0, ("acre", "acres"), ()),
    # volume
    ("l", "m3", _V, 0.001, 0.0, ("litre", "litres", "liter", "liters"), ("l", "L")),
    (
        "ml",
        "m3",
        _V,
        1e-6,
        0.0,
        ("millilitre", "millilitres", "milliliter", "milliliters"),
        ("ml", "mL"),
    ),
    (
        "m3",
        "m3",
        _V,
        1.0,
        0.0,
        ("cubic metre", "cubic metres", "cubic meter", "cubic meters"),
        ("m3", "m³"),
    ),
    ("gal", "m3", _V, 0.003785411784, 0.0, ("gallon", "gallons"), ("gal",)),
    ("bbl", "m3", _V, 0.158987294928, 0.0, ("barrel", "barrels"), ("bbl",)),
    # speed
    ("m/s", "m/s", _S, 1.0, 0.0, ("metres per second", "meters per second"), ("m / s",)),
    (
        "km/s",
        "m/s",
        _S,
        1000.0,
        0.0,
        (
            "kilometres per second",
            "kilometers per second",
            "kilometres a second",
            "kilometers a second",
        ),
        ("km / s", "kps", "km a second", "km per second"),
    ),
    ("mi/s", "m/s", _S, 1609.344, 0.0, ("miles per second", "miles a second"), ()),
    (
        "km/h",
        "m/s",
        _S,
        1000 / 3600,
        0.0,
        (
            "kilometres per hour",
            "kilometers per hour",
            "kilometres an hour",
            "kilometers an hour",
            "km per hour",
            "km an hour",
        ),
        ("km / h", "kph", "kmh", "km / hr", "kmph", "km / hour", "kmh"),
    ),
    (
        "mph",
        "m/s",
        _S,
        1609.344 / 3600,
        0.0,
        ("miles per hour", "miles an hour", "mile per hour"),
        ("mph",),
    ),
    ("kn", "m/s", _S, 1852 / 3600, 0.0, ("knot", "knots"), ("kt", "kts")),
    # temperature and angle
    (
        "degC",
        "degC",
        Dimension.TEMPERATURE,
        1.0,
        0.0,
        ("degrees celsius", "degrees centigrade", "degrees c", "degree celsius", "celsius"),
        ("° C", "°C", "ºC"),
    ),
    (
        "degF",
        "degC",
        Dimension.TEMPERATURE,
        5 / 9,
        -160 / 9,
        ("degrees fahrenheit", "degrees f", "degree fahrenheit", "fahrenheit"),
        ("° F", "°F", "ºF"),
    ),
    ("deg", "deg", Dimension.ANGLE, 1.0, 0.0, ("degree", "degrees"), ("°",)),
    # ratios
    ("%", "%", Dimension.PERCENT, 1.0, 0.0, ("percent", "per cent", "pct"), ("%",)),
    (
        "pp",
        "pp",
        Dimension.POINTS,
        1.0,
        0.0,
        ("percentage point", "percentage points", "percent points"),
        ("pp",),
    ),
    ("bp", "pp", Dimension.POINTS, 0.01, 0.0, ("basis point", "basis points"), ("bps", "bp")),
    # data, power, energy, frequency, pixels
    ("B", "B", Dimension.DATA, 1.0, 0.0, ("byte", "bytes"), ()),
    ("KB", "B", Dimension.DATA, 1e3, 0.0, ("kilobyte", "kilobytes"), ("KB", "kB")),
    ("MB", "B", Dimension.DATA, 1e6, 0.0, ("megabyte", "megabytes"), ("MB",)),
    ("GB", "B", Dimension.DATA, 1e9, 0.0, ("gigabyte", "gigabytes"), ("GB",)),
    ("TB", "B", Dimension.DATA, 1e12, 0.0, ("terabyte", "terabytes"), ("TB",)),
    ("PB", "B", Dimension.DATA, 1e15, 0.0, ("petabyte", "petabytes"), ("PB",)),
    (
        "kbit/s",
        "bit/s",
        Dimension.DATA_RATE,
        1e3,
        0.0,
        ("kilobits per second",),
        ("kbps", "Kbps", "kbit / s"),
    ),
    (
        "Mbit/s",
        "bit/s",
        Dimension.DATA_RATE,
        1e6,
        0.0,
        ("megabits per second",),
        ("Mbps", "Mb / s", "Mbit / s", "mbps"),
    ),
    (
        "Gbit/s",
        "bit/s",
        Dimension.DATA_RATE,
        1e9,
        0.0,
        ("gigabits per second",),
        ("Gbps", "Gb / s", "Gbit / s", "gbps"),
    ),
    ("MB/s", "bit/s", Dimension.DATA_RATE, 8e6, 0.0, ("megabytes per second",), ("MB / s",)),
    ("GB/s", "bit/s", Dimension.DATA_RATE, 8e9, 0.0, ("gigabytes per second",), ("GB / s",)),
    (
        "Tbit/s",
        "bit/s",
        Dimension.DATA_RATE,
        1e12,
        0.0,
        ("terabits per second",),
        ("Tbps", "Tb / s", "Tbit / s"),
    ),
    ("W", "W", Dimension.POWER, 1.0, 0.0, ("watt", "watts"), ("W",)),
    ("kW", "W", Dimension.POWER, 1e3, 0.0, ("kilowatt", "kilowatts"), ("kW", "KW")),
    ("MW", "W", Dimension.POWER, 1e6, 0.0, ("megawatt", "megawatts"), ("MW",)),
    ("GW", "W", Dimension.POWER, 1e9, 0.0, ("gigawatt", "gigawatts"), ("GW",)),
    ("TW", "W", Dimension.POWER, 1e12, 0.0, ("terawatt", "terawatts"), ("TW",)),
    ("hp", "W", Dimension.POWER, 745.699872, 0.0, ("horsepower", "bhp"), ("hp", "bhp")),
    ("Wh", "Wh", Dimension.ENERGY, 1.0, 0.0, ("watt hour", "watt hours", "watt - hours"), ("Wh",)),
    (
        "kWh",
        "Wh",
        Dimension.ENERGY,
        1e3,
        0.0,
        ("kilowatt hour", "kilowatt hours", "kilowatt - hour", "kilowatt - hours"),
        ("kWh",),
    ),
    (
        "MWh",
        "Wh",
        Dimension.ENERGY,
        1e6,
        0.0,
        ("megawatt hour", "megawatt hours", "megawatt - hour", "megawatt - hours"),
        ("MWh",),
    ),
    (
        "GWh",
        "Wh",
        Dimension.ENERGY,
        1e9,
        0.0,
        ("gigawatt hour", "gigawatt hours", "gigawatt - hour", "gigawatt - hours"),
        ("GWh",),
    ),
    (
        "TWh",
        "Wh",
        Dimension.ENERGY,
        1e12,
        0.0,
        ("terawatt hour", "terawatt hours", "terawatt - hour", "terawatt - hours"),
        ("TWh",),
    ),
    ("J", "J", Dimension.ENERGY, 1.0, 0.0, ("joule", "joules"), ("J",)),
    ("kJ", "J", Dimension.ENERGY, 1e3, 0.0, ("kilojoule", "kilojoules"), ("kJ",)),
    ("MJ", "J", Dimension.ENERGY, 1e6, 0.0, ("megajoule", "megajoules"), ("MJ",)),
    ("GJ", "J", Dimension.ENERGY, 1e9, 0.0, ("gigajoule", "gigajoules"), ("GJ",)),
    ("Hz", "Hz", Dimension.FREQUENCY, 1.0, 0.0, ("hertz",), ("Hz",)),
    ("kHz", "Hz", Dimension.FREQUENCY, 1e3, 0.0, ("kilohertz",), ("kHz",)),
    ("MHz", "Hz", Dimension.FREQUENCY, 1e6, 0.0, ("megahertz",), ("MHz",)),
    ("GHz", "Hz", Dimension.FREQUENCY, 1e9, 0.0, ("gigahertz",), ("GHz",)),
    ("MP", "px", Dimension.PIXELS, 1e6, 0.0, ("megapixel", "megapixels"), ()),
    ("V", "V", Dimension.VOLTAGE, 1.0, 0.0, ("volt", "volts"), ("V",)),
    ("kV", "V", Dimension.VOLTAGE, 1e3, 0.0, ("kilovolt", "kilovolts"), ("kV",)),
)

# Abbreviations that are a unit only when glued to the number ("164p", "24pc", "5C",
# "99c"): written apart they are letters or words.
_GLUED_ONLY: Final[tuple[tuple[str, str, Dimension, float, float, str], ...]] = (
    ("p", "GBP", Dimension.CURRENCY, 0.01, 0.0, "p"),
    ("c", "USD", Dimension.CURRENCY, 0.01, 0.0, "c"),
    ("pc", "%", Dimension.PERCENT, 1.0, 0.0, "pc"),
    ("degC", "degC", Dimension.TEMPERATURE, 1.0, 0.0, "C"),
    ("degF", "degC", Dimension.TEMPERATURE, 5 / 9, -160 / 9, "F"),
    ("ms", "s", _T, 0.001, 0.0, "ms"),
    ("in", "m", _L, 0.0254, 0.0, "in"),
    ("MP", "px", Dimension.PIXELS, 1e6, 0.0, "MP"),
)

# Subunits written as words after the number: "92 cents", "40 pence".
_SUBUNIT_WORDS: Final[tuple[tuple[str, str, float, tuple[str, ...]], ...]] = (
    ("cent", "USD", 0.01, ("cent", "cents")),
    ("pence", "GBP", 0.01, ("pence", "penny", "pennies")),
)

# ISO code -> (full-word spellings after the number); symbols before it are below.
_CURRENCIES: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("USD", ("dollar", "dollars", "us dollars", "u . s . dollars", "american dollars", "bucks")),
    ("EUR", ("euro", "euros")),
    ("GBP", ("pounds sterling", "pound sterling", "sterling")),
    ("JPY", ("yen",)),
    ("PEN", ("sol", "soles", "nuevo sol", "nuevos soles", "new soles", "new sol")),
    ("CNY", ("yuan", "renminbi")),
    ("INR", ("rupee", "rupees")),
    ("MXN", ("peso", "pesos")),
    ("CHF", ("swiss francs", "swiss franc")),
    ("RUB", ("rouble", "roubles", "ruble", "rubles")),
    ("AUD", ("australian dollars",)),
    ("CAD", ("canadian dollars",)),
    ("HKD", ("hong kong dollars",)),
    ("BRL", ("reais",)),
    ("MYR", ("ringgit",)),
    ("ZAR", ("rand",)),
    ("IDR", ("rupiah",)),
    ("THB", ("baht",)),
    ("TRY", ("lira", "liras", "turkish lira")),
    ("ILS", ("shekel", "shekels")),
    ("PLN", ("zloty", "zlotys")),
    ("SEK", ("swedish kronor", "kronor")),
    ("NOK", ("norwegian kroner",)),
    ("DKK", ("danish kroner",)),
    ("NGN", ("naira",)),
    ("AED", ("dirham", "dirhams")),
    ("SAR", ("riyal", "riyals")),
    ("EGP", ("egyptian pounds",)),
    ("KRW", ("won",)),
)

#: Currency symbols written before the number (as scanner tokens joined by spaces).
CURRENCY_SYMBOLS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "$": "USD",
        "US $": "USD",
        "U . S . $": "USD",
        "USD": "USD",
        "€": "EUR",
        "EUR": "EUR",
        "£": "GBP",
        "GBP": "GBP",
        "¥": "JPY",
        "JPY": "JPY",
        "S / .": "PEN",
        "S /": "PEN",
        "PEN": "PEN",
        "A $": "AUD",
        "AU $": "AUD",
        "AUD": "AUD",
        "C $": "CAD",
        "CA $": "CAD",
        "CAD": "CAD",
        "HK $": "HKD",
        "HKD": "HKD",
        "NZ $": "NZD",
        "R $": "BRL",
        "₹": "INR",
        "Rs": "INR",
        "CHF": "CHF",
        "CNY": "CNY",
        "RMB": "CNY",
        "RM": "MYR",
        "MYR": "MYR",
        "Rp": "IDR",
        "IDR": "IDR",
        "S $": "SGD",
        "SGD": "SGD",
        "₩": "KRW",
        "KRW": "KRW",
        "₺": "TRY",
        "₪": "ILS",
        "₦": "NGN",
        "ZAR": "ZAR",
        "Rs .": "INR",
        "INR": "INR",
        "NT $": "TWD",
        "Mex $": "MXN",
    }
)
