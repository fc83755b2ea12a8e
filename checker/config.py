"""Configuration: ``[tool.checker]`` in pyproject.toml or a ``checker.toml``.

Every key is optional::

    [tool.checker]
    ignore_slots = ["shots"]              # never report these slots
    same_time_window_days = 0             # level/tally claims compare within this many days
    fail_on = "error"                     # error | warning | never
    fail_on_input_error = true            # a report that cannot be read fails the run (exit 2)
    scheduler = "tcp://scheduler:8786"    # run on a Dask cluster (default: local processes)

    [tool.checker.stories]                # glob of input paths -> story id
    "seeds/*" = "lima-1996"

    [tool.checker.behaviour]              # slot -> fixed | level | tally
    "hostages.released" = "tally"

    [tool.checker.severity]               # finding type -> error | warning | info
    stale = "warning"

    [tool.checker.tolerance]              # slot -> relative tolerance when comparing
    "prisoners.demanded" = 0.1

    [tool.checker.lexicon.nouns]          # merged into the default lexicon
    hostages = ["detainee"]               # tables: nouns, predicates, events, aliases,
                                          # slot_aliases, people (words, doubtful)

The file is ``--config FILE``, else the first ``checker.toml`` or
``pyproject.toml`` with ``[tool.checker]`` in the working directory or a
folder above it. Every key and value is checked; an unknown key is an error
with a "did you mean" (:mod:`checker.config_schema`).
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checker.config_schema import TOP_KEYS, ConfigError, check_table
from checker.records import Article, Behaviour, FindingType, InputError, Severity

__all__ = ["Config", "ConfigError", "config_from_mapping", "find_config_file", "load_config"]

CONFIG_FILES = ("checker.toml", "pyproject.toml")


@dataclass(frozen=True)
class Config:
    """The run's configuration: ``[tool.checker]`` (see the module docstring for every key).

    ``Config()`` is the defaults; :func:`load_config` reads a file, and
    :func:`config_from_mapping` a parsed table. ``source`` is the file it came from.
    """

    stories: Mapping[str, str] = field(default_factory=dict)
    behaviour: Mapping[str, Behaviour] = field(default_factory=dict)
    severity: Mapping[FindingType, Severity] = field(default_factory=dict)
    tolerance: Mapping[str, float] = field(default_factory=dict)
    ignore_slots: tuple[str, ...] = ()
    lexicon: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    same_time_window_days: int = 0
    fail_on: str = "error"
    fail_on_input_error: bool = True
    scheduler: str | None = None  # where the stages run; never changes the results
    source: str | None = None

    def fingerprint(self) -> str:
        """A hash of everything that changes extraction or comparison, for cache keys."""
        payload = {
            "stories": dict(sorted(self.stories.items())),
            "behaviour": {k: v.value for k, v in sorted(self.behaviour.items())},
            "severity": {k.value: v.value for k, v in sorted(self.severity.items())},
            "tolerance": dict(sorted(self.tolerance.items())),
            "ignore_slots": sorted(self.ignore_slots),
            "lexicon": {
                k: {kk: list(vv) for kk, vv in sorted(v.items())}
                for k, v in sorted(self.lexicon.items())
            },
            "window": self.same_time_window_days,
        }
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


def config_from_mapping(
    raw: Mapping[str, Any], source: str | None = None, prefix: str = ""
) -> Config:
    """A :class:`Config` from a parsed table; every key and value is checked
    (:mod:`checker.config_schema`), ``prefix`` names the table in messages."""
    values = check_table(raw, source, prefix, TOP_KEYS)
    return Config(**values, source=source)


def find_config_file(start: Path | None = None) -> Path | None:
    """The first ``checker.toml``, or ``pyproject.toml`` with a ``[tool.checker]`` table,
    in ``start`` (default: the working directory) or the nearest folder above it, as
    ruff, mypy and pytest look for theirs; in one folder ``checker.toml`` wins."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        candidate = folder / "checker.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _has_checker_table(candidate):
            return candidate
    return None


def _has_checker_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True  # not ours to skip: reading it reports the problem
    tool = data.get("tool")
    return isinstance(tool, dict) and "checker" in tool


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Read an explicit config file, else the one :func:`find_config_file` finds."""
    if path is None:
        path = find_config_file(start)
        if path is None:
            return Config()
    return _load_file(path)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def _load_file(path: Path) -> Config:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        section = tool.get("checker") if isinstance(tool, dict) else None
        if section is None:
            return Config()
        return config_from_mapping(section, source=str(path), prefix="tool.checker")
    return config_from_mapping(data, source=str(path))


STORY_KEYS = frozenset(
    {"behaviour", "severity", "tolerance", "ignore_slots", "lexicon", "same_time_window_days"}
)


def load_story_config(path: Path) -> Config:
    """A story's own ``checker.toml``, beside its reports: what only that story needs.

    It may hold the keys that change how the story's reports are read and
    compared (its vocabulary, behaviours, tolerances, ignored slots), not the
    run-wide ones (``stories``, ``fail_on``).
    """
    raw = _read_toml(path)
    run_wide = sorted(set(raw) & (set(TOP_KEYS) - STORY_KEYS))
    if run_wide:
        raise ConfigError(
            f"{path}: {', '.join(run_wide)} cannot be set for one story"
            " (only in the project configuration)"
        )
    values = check_table(raw, str(path), "", tuple(k for k in TOP_KEYS if k in STORY_KEYS))
    return Config(**values, source=str(path))


def with_story(base: Config, story: Config) -> Config:
    """The project configuration with a story's own on top: its vocabulary is added to
    the project's, its behaviours, severities and tolerances win, its ignored slots add up."""
    lexicon: dict[str, dict[str, tuple[str, ...]]] = {
        table: dict(entries) for table, entries in base.lexicon.items()
    }
    for table, entries in story.lexicon.items():
        merged = lexicon.setdefault(table, {})
        for key, terms in entries.items():
            merged[key] = tuple(dict.fromkeys((*merged.get(key, ()), *terms)))
    return replace(
        base,
        behaviour={**base.behaviour, **story.behaviour},
        severity={**base.severity, **story.severity},
        tolerance={**base.tolerance, **story.tolerance},
        ignore_slots=tuple(dict.fromkeys((*base.ignore_slots, *story.ignore_slots))),
        lexicon=lexicon,
        same_time_window_days=story.same_time_window_days or base.same_time_window_days,
    )


def story_config_groups(
    articles: Sequence[Article], config: Config, story_files: Mapping[str, Path]
) -> tuple[list[tuple[Config, list[Article]]], list[InputError]]:
    """Articles grouped by the configuration their story is checked with.

    A story with its own ``checker.toml`` gets the project configuration
    with the story's on top (:func:`checker.config.with_story`); a story
    file that cannot be read is reported and the story is checked with the
    project configuration. Stories are compared only with themselves, so
    checking the groups apart changes nothing else.
    """
    errors: list[InputError] = []
    story_configs: dict[str, Config] = {}
    for story, path in sorted(story_files.items()):
        if config.source is not None and Path(config.source).resolve() == path.resolve():
            continue
        try:
            story_configs[story] = with_story(config, load_story_config(path))
        except ConfigError as exc:
            errors.append(InputError(path.as_posix(), str(exc).removeprefix(f"{path}: ")))
    by_fingerprint: dict[str, tuple[Config, list[Article]]] = {}
    for a in articles:
        chosen = story_configs.get(a.story, config)
        by_fingerprint.setdefault(chosen.fingerprint(), (chosen, []))[1].append(a)
    groups = [by_fingerprint[k] for k in sorted(by_fingerprint)]
    return groups or [(config, [])], errors
