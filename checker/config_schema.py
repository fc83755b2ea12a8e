"""What a ``[tool.checker]`` table may hold, and the checks of every key and value.

Each problem is one :class:`~checker.config.ConfigError` naming the file and
the dotted key (``tool.checker.lexicon.nons``), with a "did you mean" for a
key that is close to a known one. Nothing is coerced: a string where a list
is expected, or ``"two"`` where a number is, is an error, not a guess.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from checker.records import Behaviour, FindingType, Severity

FAIL_ON = ("error", "warning", "never")

# Top-level keys and what each holds (checked by the function of the same name below).
TOP_KEYS = (
    "stories",
    "behaviour",
    "severity",
    "tolerance",
    "ignore_slots",
    "lexicon",
    "same_time_window_days",
    "fail_on",
    "fail_on_input_error",
    "scheduler",
)
# The lexicon tables a config may extend (see checker/lexicon.toml), and the keys of
# [lexicon.people], the one table that is not class -> terms.
LEXICON_TABLES = ("nouns", "predicates", "events", "aliases", "slot_aliases", "people")
PEOPLE_KEYS = ("words", "doubtful")


class ConfigError(ValueError):
    """A configuration file that cannot be read or holds a bad key or value; the
    message names the file and the dotted key."""


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a table"
    return type(value).__name__  # pragma: no cover - TOML has no other types


def suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    """`` (did you mean 'nouns'?)`` for a close known word, else nothing."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Checker:
    """Checks one file's table; ``where`` is the dotted prefix of its keys in messages."""

    def __init__(self, source: str | None, prefix: str) -> None:
        self.source = source or "config"
        self.prefix = prefix

    def key(self, *parts: str) -> str:
        return ".".join(p for p in (self.prefix, *parts) if p)

    def fail(self, message: str) -> ConfigError:
        return ConfigError(f"{self.source}: {message}")

    def unknown(self, raw: Mapping[str, Any], known: tuple[str, ...], *where: str) -> None:
        for name in sorted(set(raw) - set(known)):
            hint = suggest(name, known)
            raise self.fail(
                f"unknown key '{self.key(*where, name)}'{hint}; known keys: {', '.join(known)}"
            )

    def table(self, value: object, *where: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(f"'{self.key(*where)}' must be a table, not {_type_name(value)}")
        return value

    def string(self, value: object, *where: str) -> str:
        if not isinstance(value, str):
            raise self.fail(f"'{self.key(*where)}' must be a string, not {_type_name(value)}")
        return value

    def strings(self, value: object, *where: str, single: bool = False) -> tuple[str, ...]:
        """A list of strings (or, with ``single``, one string taken as a list of one)."""
        if single and isinstance(value, str):
            return (value,)
        if not isinstance(value, list):
            wanted = "a string or a list of strings" if single else "a list of strings"
            hint = f' (write ["{value}"])' if isinstance(value, str) else ""
            raise self.fail(f"'{self.key(*where)}' must be {wanted}, not {_type_name(value)}{hint}")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise self.fail(
                    f"'{self.key(*where)}[{i}]' must be a string, not {_type_name(item)}"
                )
        return tuple(value)

    def integer(self, value: object, *where: str, minimum: int = 0) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"'{self.key(*where)}' must be a whole number, not {value!r}")
        if value < minimum:
            raise self.fail(f"'{self.key(*where)}' must be at least {minimum}, not {value}")
        return value

    def number(self, value: object, *where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"'{self.key(*where)}' must be a number, not {value!r}")
        if not 0 <= value < float("inf"):
            raise self.fail(f"'{self.key(*where)}' must be a number from 0 up, not {value!r}")
        return float(value)

    def boolean(self, value: object, *where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(f"'{self.key(*where)}' must be true or false, not {value!r}")
        return value

    def choice(self, value: object, choices: tuple[str, ...], *where: str) -> str:
        text = self.string(value, *where)
        if text not in choices:
            hint = suggest(text, choices)
            raise self.fail(
                f"'{self.key(*where)}' must be one of {', '.join(choices)}, not {text!r}{hint}"
            )
        return text

    def enum_map(
        self, value: object, keys: type[StrEnum] | None, values: type[StrEnum], name: str
    ) -> dict[str, str]:
        table = self.table(value, name)
        key_names = tuple(k.value for k in keys) if keys is not None else None
        value_names = tuple(v.value for v in values)
        out: dict[str, str] = {}
        for k, v in table.items():
            if key_names is not None and k not in key_names:
                hint = suggest(k, key_names)
                raise self.fail(
                    f"unknown key '{self.key(name, k)}'{hint}; known keys: {', '.join(key_names)}"
                )
            out[k] = self.choice(v, value_names, name, k)
        return out


def check_lexicon(c: Checker, value: object) -> dict[str, dict[str, tuple[str, ...]]]:
    table = c.table(value, "lexicon")
    c.unknown(table, LEXICON_TABLES, "lexicon")
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, entries in table.items():
        entries = c.table(entries, "lexicon", name)
        if name == "people":
            c.unknown(entries, PEOPLE_KEYS, "lexicon", name)
        out[name] = {
            k: (c.string(v, "lexicon", name, k),)
            if name == "slot_aliases"
            else c.strings(v, "lexicon", name, k, single=True)
            for k, v in entries.items()
        }
    return out


def check_table(
    raw: object, source: str | None, prefix: str, allowed: tuple[str, ...]
) -> dict[str, Any]:
    """Every key of one config table checked and converted to plain Python values."""
    c = Checker(source, prefix)
    table = c.table(raw)
    c.unknown(table, allowed)
    out: dict[str, Any] = {}
    if "stories" in table:
        stories = c.table(table["stories"], "stories")
        out["stories"] = {k: c.string(v, "stories", k) for k, v in stories.items()}
    if "behaviour" in table:
        out["behaviour"] = {
            k: Behaviour(v)
            for k, v in c.enum_map(table["behaviour"], None, Behaviour, "behaviour").items()
        }
    if "severity" in table:
        out["severity"] = {
            FindingType(k): Severity(v)
            for k, v in c.enum_map(table["severity"], FindingType, Severity, "severity").items()
        }
    if "tolerance" in table:
        tolerance = c.table(table["tolerance"], "tolerance")
        out["tolerance"] = {k: c.number(v, "tolerance", k) for k, v in tolerance.items()}
    if "ignore_slots" in table:
        out["ignore_slots"] = c.strings(table["ignore_slots"], "ignore_slots")
    if "lexicon" in table:
        out["lexicon"] = check_lexicon(c, table["lexicon"])
    if "same_time_window_days" in table:
        out["same_time_window_days"] = c.integer(
            table["same_time_window_days"], "same_time_window_days"
        )
    if "fail_on" in table:
        out["fail_on"] = c.choice(table["fail_on"], FAIL_ON, "fail_on")
    if "fail_on_input_error" in table:
        out["fail_on_input_error"] = c.boolean(table["fail_on_input_error"], "fail_on_input_error")
    if "scheduler" in table:
        out["scheduler"] = check_scheduler(c, table["scheduler"])
    return out


SCHEDULER_SCHEMES = ("tcp", "tls", "inproc", "ws", "wss", "ucx")


def check_scheduler(c: Checker, value: object) -> str:
    """A Dask scheduler address: ``tcp://HOST:PORT`` (or another scheme Dask speaks)."""
    text = c.string(value, "scheduler")
    scheme, sep, rest = text.partition("://")
    if not sep or scheme not in SCHEDULER_SCHEMES or not rest:
        raise c.fail(
            f"'{c.key('scheduler')}' must be a Dask scheduler address such as "
            f"tcp://scheduler:8786, not {text!r}"
        )
    return text
