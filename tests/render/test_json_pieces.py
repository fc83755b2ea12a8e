"""The JSON report written in pieces is the same text as written whole."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.render import Format, RenderOptions, render, render_pieces, serialize
from checker.render.serialize import dumps, dumps_pieces, report_json, report_json_pieces
from tests.render.sample import sample_report


def whole(doc: Any) -> str:
    """The layout written in one go: one element of a top-level list to a line."""
    if not isinstance(doc, dict):
        return json.dumps(doc, ensure_ascii=False) + "\n"
    fields = []
    for key, value in doc.items():
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value:
            items = ",\n".join(f"    {json.dumps(v, ensure_ascii=False)}" for v in value)
            fields.append(f"  {name}: [\n{items}\n  ]")
        else:
            fields.append(f"  {name}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
elements = scalars | st.dictionaries(st.text(max_size=4), scalars, max_size=3)
documents = st.dictionaries(
    st.text(max_size=6),
    scalars | st.lists(elements, max_size=7) | st.dictionaries(st.text(max_size=3), scalars),
    max_size=5,
)


@settings(max_examples=200, deadline=None)
@given(documents, st.integers(1, 4))
def test_pieces_join_to_the_whole_text(doc: dict[str, Any], per_piece: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(serialize, "PIECE_ITEMS", per_piece)
        assert "".join(dumps_pieces(doc)) == whole(doc) == dumps(doc)
        lazy = {k: iter(v) if isinstance(v, list) else v for k, v in doc.items()}
        assert "".join(dumps_pieces(lazy)) == whole(doc)  # an iterator reads as its list


def test_a_large_list_comes_in_several_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serialize, "PIECE_ITEMS", 2)
    report = sample_report()  # ten claims
    pieces = list(report_json_pieces(report))
    assert len(pieces) > 5
    assert "".join(pieces) == report_json(report)
    assert json.loads("".join(pieces))["claims"][9]["id"] == report.claims[9].id


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_in_pieces_is_its_whole_text(fmt: Format) -> None:
    report = sample_report()
    options = RenderOptions()
    assert "".join(render_pieces(report, fmt, options)) == render(report, fmt, options)
