"""The options every command that reads a corpus shares (sqlite-utils style decorators)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from checker.cli_support import COLOR_CHOICES

F = TypeVar("F", bound=Callable[..., Any])


def paths_argument(func: F) -> F:
    return click.argument(
        "paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=False)
    )(func)


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Keep an option for ``_run`` without adding it to every command's signature."""
    if param.name is not None:
        ctx.meta[f"checker.{param.name}"] = value
    return value


def common_options(func: F) -> F:
    """Options every command that reads a corpus takes."""
    options = [
        click.option(
            "--config",
            "config_path",
            type=click.Path(path_type=Path, dir_okay=False, exists=True),
            help="checker.toml or pyproject.toml to read [tool.checker] from (default: the "
            "first checker.toml, or pyproject.toml with [tool.checker], here or above).",
        ),
        click.option(
            "--workers",
            type=click.IntRange(min=1),
            default=None,
            help="Parser processes (default: available cores).",
        ),
        click.option("--quiet", "-q", is_flag=True, help="No progress or notes on stderr."),
        click.option(
            "--verbose",
            "-v",
            is_flag=True,
            expose_value=False,
            callback=_remember,
            help="Say on stderr which config, cache and inputs were used, and how long it took.",
        ),
        click.option(
            "--color",
            type=click.Choice(COLOR_CHOICES),
            default="auto",
            show_default=True,
            expose_value=False,
            callback=_remember,
            help="Colour the terminal output; auto: on a terminal unless NO_COLOR is set.",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(path_type=Path, file_okay=False),
            default=None,
            expose_value=False,
            callback=_remember,
            help="Where extraction results are cached (default: .checker-cache beside the data).",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            expose_value=False,
            callback=_remember,
            help="Neither read nor write the extraction cache.",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            default=None,
            expose_value=False,
            callback=_remember,
            help="Run on a Dask cluster: its scheduler's address, as tcp://HOST:8786 "
            "(default: scheduler in config, else $DASK_SCHEDULER_ADDRESS, else local "
            "processes). Needs dask: pip install 'news-consistency-checker[dask]'.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def option(name: str, default: Any = None) -> Any:
    """An option kept by :func:`common_options` for the current command."""
    return click.get_current_context().meta.get(f"checker.{name}", default)
