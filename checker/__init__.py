"""checker: a fact-consistency checker for collections of news reports.

Library API::

    import checker
    report = checker.check(["reports/"])          # -> checker.Report, as `checker check` does
    report.findings, report.claims, report.errors
    checker.quantities("about 20 rebels")         # every figure, normalised
    checker.claims("... holding 74 hostages ...", published=date(1997, 1, 10))
    checker.dates("Dec. 17", anchor=date(1997, 1, 10))
    checker.render_report(report, "sarif")        # any CLI output format, as text

The reference is ``docs/api.md`` (``scripts/gen_api_docs.py`` writes it from
these docstrings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checker.config import Config, ConfigError, load_config
from checker.records import (
    Article,
    Claim,
    DateMention,
    Finding,
    FindingType,
    InputError,
    Quantity,
    Report,
    Severity,
    Timeline,
)
from checker.version import __version__

if TYPE_CHECKING:
    from checker.render import Format, RenderOptions

__all__ = [
    "Article",
    "Claim",
    "Config",
    "ConfigError",
    "DateMention",
    "Finding",
    "FindingType",
    "InputError",
    "Quantity",
    "Report",
    "Severity",
    "Timeline",
    "__version__",
    "check",
    "claims",
    "dates",
    "load_config",
    "quantities",
    "render_report",
]


def check(
    paths: Sequence[str | Path] | str | Path,
    config: Config | str | Path | None = None,
    *,
    workers: int | None = None,
    use_cache: bool = True,
    cache_dir: str | Path | None = None,
    scheduler: str | None = None,
) -> Report:
    """Read, extract, compare: the whole pipeline on files and folders, as ``checker check``.

    ``config`` is a :class:`Config`, or the path of a ``checker.toml`` or
    ``pyproject.toml``; by default the one the CLI would use (the first
    ``checker.toml``, or ``pyproject.toml`` with ``[tool.checker]``, in the working
    directory or above it). A story's own ``checker.toml`` beside its reports is
    read too. ``workers`` parser processes (default: the available cores).
    Results are cached in ``cache_dir`` (default ``.checker-cache`` beside the data)
    unless ``use_cache`` is false. ``scheduler`` is the address of a Dask
    scheduler (``tcp://HOST:8786``) to run on a cluster (default: ``scheduler``
    in the config, else ``$DASK_SCHEDULER_ADDRESS``, else local processes; needs
    the ``dask`` extra); the report is the same wherever it runs. Bad inputs do
    not raise: they are in ``Report.errors`` and the rest is checked. Raises
    :class:`ConfigError` for a configuration that is not valid.
    """
    import os

    from checker.cli_support import default_workers
    from checker.pipeline import check as _check
    from checker.runner import SCHEDULER_VARIABLE

    if isinstance(paths, str | Path):
        paths = [paths]
    if not isinstance(config, Config):
        config = load_config(Path(config) if config is not None else None)
    return _check(
        paths,
        config=config,
        workers=workers or default_workers(),
        use_cache=use_cache,
        cache_dir=cache_dir,
        scheduler=scheduler or config.scheduler or os.environ.get(SCHEDULER_VARIABLE) or None,
    )


def quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, as intervals, with the noun each one counts."""
    from checker.extract.claims import quantities_with_nouns

    return quantities_with_nouns(text)


def claims(
    text: str, published: dt.date | dt.datetime | None = None, config: Config | None = None
) -> list[Claim]:
    """The claims one report makes, resolved against its publication date; ``config``
    adds a story's own vocabulary to the default lexicon."""
    from checker.pipeline import claims_of_text

    return claims_of_text(text, published, config)


def dates(text: str, anchor: dt.date | dt.datetime | None = None) -> list[DateMention]:
    """Every date or time expression, resolved against ``anchor``."""
    from checker.extract.dates import find_dates

    return find_dates(text, anchor)


def render_report(report: Report, fmt: Format | str, options: RenderOptions | None = None) -> str:
    """``report`` in one of the CLI's ``--format`` formats (text, json, sarif, github,
    gitlab, junit, csv), as the text the CLI writes."""
    from checker.render import render as _render

    return _render(report, fmt, options)
