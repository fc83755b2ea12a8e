"""docs/api.md is generated from the docstrings and is current."""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path
from types import ModuleType

import checker

ROOT = Path(__file__).resolve().parent.parent


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_api_docs", ROOT / "scripts/gen_api_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_api_doc_is_current() -> None:
    current = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert current == generator().api_markdown(), "run scripts/gen_api_docs.py"


def test_every_exported_name_is_documented_with_its_own_docstring() -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name in checker.__all__:
        if name.startswith("_"):
            continue
        assert f"## `checker.{name}" in text, name
        doc = inspect.getdoc(getattr(checker, name)) or ""
        assert doc and not doc.startswith(f"{name}("), f"{name} has no docstring of its own"


def test_the_readme_points_at_the_api_reference() -> None:
    assert "docs/api.md" in (ROOT / "README.md").read_text(encoding="utf-8")
