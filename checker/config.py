"""Configuration: ``[tool.checker]`` in pyproject.toml or a ``checker.toml``.

Every key is optional::

    [tool.checker]
    ignore_slots = ["shots"]              # never report these slots
    same_time_window_days = 0             # level/tally claims compare within this many days
    fail_on = "error"                     # error | warning | never

    [tool.checker.stories]                # glob of input paths -> story id
    "seeds/*" = "lima-1996"

    [tool.checker.behaviour]              # slot -> fixed | level | tally
    "hostages.released" = "tally"

    [tool.checker.severity]               # finding type -> error | warning | info
    stale = "warning"

    [tool.checker.tolerance]              # slot -> relative tolerance when comparing
    "prisoners.demanded" = 0.1

    [tool.checker.lexicon.nouns]          # merged into the default lexicon
    hostages = ["detainee"]
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checker.records import Article, Behaviour, FindingType, InputError, Severity

CONFIG_FILES = ("checker.toml", "pyproject.toml")


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    stories: Mapping[str, str] = field(default_factory=dict)
    behaviour: Mapping[str, Behaviour] = field(default_factory=dict)
    severity: Mapping[FindingType, Severity] = field(default_factory=dict)
    tolerance: Mapping[str, float] = field(default_factory=dict)
    ignore_slots: tuple[str, ...] = ()
    lexicon: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    same_time_window_days: int = 0
    fail_on: str = "error"
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


def _enum_map(raw: Any, key_type: Any, value_type: Any, where: str) -> dict[Any, Any]:
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where} must be a table")
    out: dict[Any, Any] = {}
    for k, v in raw.items():
        try:
            out[key_type(k)] = value_type(v)
        except ValueError as exc:
            raise ConfigError(f"{where}: bad entry {k!r} = {v!r}: {exc}") from exc
    return out


def config_from_mapping(raw: Mapping[str, Any], source: str | None = None) -> Config:
    known = {
        "stories",
        "behaviour",
        "severity",
        "tolerance",
        "ignore_slots",
        "lexicon",
        "same_time_window_days",
        "fail_on",
    }
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ConfigError(f"{source or 'config'}: unknown keys {', '.join(unknown)}")
    lexicon_raw = raw.get("lexicon", {})
    if not isinstance(lexicon_raw, Mapping):
        raise ConfigError("lexicon must be a table")
    lexicon: dict[str, dict[str, tuple[str, ...]]] = {}
    for table, entries in lexicon_raw.items():
        if not isinstance(entries, Mapping):
            raise ConfigError(f"lexicon.{table} must be a table")
        lexicon[str(table)] = {
            str(k): tuple(str(x) for x in (v if isinstance(v, list) else [v]))
            for k, v in entries.items()
        }
    fail_on = str(raw.get("fail_on", "error"))
    if fail_on not in {"error", "warning", "never"}:
        raise ConfigError(f"fail_on must be error, warning or never, not {fail_on!r}")
    stories = raw.get("stories", {})
    if not isinstance(stories, Mapping):
        raise ConfigError("stories must be a table of glob = story")
    return Config(
        stories={str(k): str(v) for k, v in stories.items()},
        behaviour=_enum_map(raw.get("behaviour", {}), str, Behaviour, "behaviour"),
        severity=_enum_map(raw.get("severity", {}), FindingType, Severity, "severity"),
        tolerance=_enum_map(raw.get("tolerance", {}), str, float, "tolerance"),
        ignore_slots=tuple(str(s) for s in raw.get("ignore_slots", ())),
        lexicon=lexicon,
        same_time_window_days=int(raw.get("same_time_window_days", 0)),
        fail_on=fail_on,
        source=source,
    )


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Read an explicit config file, else the first checker.toml/pyproject.toml in ``start``."""
    if path is not None:
        return _load_file(path)
    directory = (start or Path.cwd()).resolve()
    for name in CONFIG_FILES:
        candidate = directory / name
        if candidate.is_file():
            config = _load_file(candidate)
            if config.source is not None:
                return config
    return Config()


def _load_file(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("checker")
        if section is None:
            return Config()
        return config_from_mapping(section, source=str(path))
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
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    run_wide = sorted(set(raw) - STORY_KEYS)
    if run_wide:
        raise ConfigError(
            f"{path}: {', '.join(run_wide)} cannot be set for one story"
            " (only in the project configuration)"
        )
    return config_from_mapping(raw, source=str(path))


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
