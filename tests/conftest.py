"""Shared fixtures: the spaCy pipeline is loaded once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def nlp() -> Iterator[object]:
    from checker.nlp import load_pipeline

    yield load_pipeline()


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def bundled_report() -> object:
    """The report for the bundled dataset (reports/ + seeds/), computed once."""
    import os

    from checker.config import load_config
    from checker.pipeline import check

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return check(["reports", "seeds"], config=load_config(ROOT / "pyproject.toml"))
    finally:
        os.chdir(cwd)
