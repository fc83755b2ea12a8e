"""checker: a fact-consistency checker for collections of news reports.

Library API::

    import checker
    report = checker.check(["reports/"])          # -> checker.records.Report
    checker.quantities("about 20 rebels")         # every figure, normalised
    checker.claims("... holding 74 hostages ...", published=date(1997, 1, 10))
    checker.dates("Dec. 17", anchor=date(1997, 1, 10))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from checker.config import Config
    from checker.records import Claim, DateMention, Quantity, Report

__all__ = ["__version__", "check", "claims", "dates", "quantities"]


def check(paths: Sequence[str | Path], config: Config | None = None, workers: int = 1) -> Report:
    """Read, extract, compare: the whole pipeline on files and folders."""
    from checker.pipeline import check as _check

    return _check(paths, config=config, workers=workers)


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
