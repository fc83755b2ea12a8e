"""Helpers for corpus tests: build small input trees in ``tmp_path``.

The ``tree`` fixture changes into ``tmp_path`` so that tests pass relative
paths, as a user would.
"""

from __future__ import annotations

from pathlib import Path

import pytest


class Tree:
    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Tree:
    monkeypatch.chdir(tmp_path)
    return Tree(tmp_path)
