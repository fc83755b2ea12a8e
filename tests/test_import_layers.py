"""The package's imports, read from the source (nothing is executed): no cycle, and no
layer importing a later one.

Layers, earliest first; a module may import its own layer and earlier ones only:

- ``records``: the records and the vocabulary every stage shares (frames, ids, the
  interval formatter, the codec, configuration and its schema, atomic output);
- ``corpus``: the readers;
- ``extract``: publication dates, the spaCy pipeline, the pre-filter, the lexicon,
  name mentions, and the per-report extraction stage;
- ``place``: story-wide placement (and settling what one report cannot decide);
- ``compare``: comparison, finding messages, spelling, baselines, the per-story stage;
- ``run``: what wraps the stages from outside: the cache (keys and store), the memo
  layer, the runner (local processes or Dask) and the pipeline that wires them;
- ``render``: one module per output format;
- ``cli``: the command line, the library API (``checker/__init__.py``) and the
  evaluation tools that run the whole pipeline.

Imports inside functions count: a lazy import is still a dependency. Imports under
``if TYPE_CHECKING:`` do not: they never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "checker"

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "records",
        (
            "checker.version",
            "checker.records",
            "checker.frames",
            "checker.ids",
            "checker.interval_text",
            "checker.codec",
            "checker.config",
            "checker.config_schema",
            "checker.atomic",
            "checker.progress",
            "checker.behaviour",
        ),
    ),
    ("corpus", ("checker.corpus",)),
    (
        "extract",
        (
            "checker.extract",
            "checker.published",
            "checker.dating",
            "checker.nlp",
            "checker.nlp_attributes",
            "checker.nlp_lemmas",
            "checker.prefilter",
            "checker.slots",
            "checker.names",
            "checker.name_spans",
            "checker.name_match",
            "checker.extraction",
        ),
    ),
    ("place", ("checker.place", "checker.settle")),
    (
        "compare",
        (
            "checker.compare",
            "checker.messages",
            "checker.spelling",
            "checker.baseline",
            "checker.story",
        ),
    ),
    (
        "run",
        (
            "checker.cache",
            "checker.cache_keys",
            "checker.memo",
            "checker.runner",
            "checker.extraction_run",
            "checker.pipeline",
        ),
    ),
    ("render", ("checker.render",)),
    (
        "cli",
        (
            "checker",  # the library API
            "checker.__main__",
            "checker.cli",
            "checker.cli_options",
            "checker.cli_run",
            "checker.cli_support",
            "checker.evaluation",
        ),
    ),
)

# Edges that break the order on purpose, each with its reason. Keep this short.
ALLOWED: dict[tuple[str, str], str] = {
    # Reading raw wire text drops a report's own timestamp lines, which takes the
    # date recogniser of published.py (being split by issue 14 item 5, elsewhere).
    ("checker.corpus.text", "checker.published"): "timestamp lines in raw wire text",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(module: str, path: Path) -> Iterator[str]:
    """The checker modules ``module`` imports (at any depth of its code)."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            names = [source, *(f"{source}.{a.name}" for a in node.names)]
        else:
            continue
        for name in names:
            if name in MODULES and name != module:
                yield name


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of ``tree`` except what sits under ``if TYPE_CHECKING:``."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


GRAPH = {m: sorted(set(imported(m, p))) for m, p in MODULES.items()}


def layer_of(module: str) -> int:
    best, index = -1, -1
    for i, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            fits = module == prefix or (prefix != "checker" and module.startswith(prefix + "."))
            if fits and len(prefix) > best:
                best, index = len(prefix), i
    return index


def test_every_module_has_a_layer() -> None:
    assert [m for m in MODULES if layer_of(m) < 0] == []


def test_no_layer_imports_a_later_one() -> None:
    wrong = [
        f"{m} ({LAYERS[layer_of(m)][0]}) imports {t} ({LAYERS[layer_of(t)][0]})"
        for m, targets in GRAPH.items()
        for t in targets
        if layer_of(t) > layer_of(m) and (m, t) not in ALLOWED
    ]
    assert wrong == []


def cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle() -> None:
    # a package's __init__ may import its own submodules (it re-exports them)
    graph = {
        m: [t for t in targets if not (m in MODULES and t.startswith(m + "."))]
        for m, targets in GRAPH.items()
    }
    assert cycles(graph) == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": ["b"], "b": ["a"]}, [["a", "b"]]),
        ({"a": ["b"], "b": ["c"], "c": []}, []),
        ({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}, [["a", "b", "c"]]),
    ],
)
def test_the_cycle_finder_finds_cycles(
    graph: dict[str, list[str]], expected: list[list[str]]
) -> None:
    assert cycles(graph) == expected


def test_the_walk_sees_lazy_imports() -> None:
    # pipeline.py imports stages inside functions too; the walk must see those
    assert "checker.pipeline" in GRAPH["checker"]
