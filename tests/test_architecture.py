"""The house rules of the code base, read from the source: layers, no import cycles, small modules and functions.

Layers inside `bot/`, lowest first: contract, catalogue, parse, render, intents, runtime, then the front door
`bot.assistant`. A module may import its own layer or a lower one, never a higher one; nothing in `bot/` imports an
adapter or a chat SDK.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("contract", "catalogue", "parse", "render", "intents", "runtime", "assistant")
PLATFORMS = ("adapters", "slack_bolt", "slack_sdk", "discord", "mcp")
MAX_MODULE_LINES = {"tests": 800}
MAX_LINES = 400
MAX_FUNCTION_LINES = 60


def _sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _type_only(node: ast.AST) -> bool:
    """An `if TYPE_CHECKING:` block: imports for type hints, never run."""
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of `tree` that runs, leaving out `if TYPE_CHECKING:` blocks."""
    for child in ast.iter_child_nodes(tree):
        if not _type_only(child):
            yield child
            yield from _nodes(child)


def _imports(path: Path) -> Iterator[str]:
    """Every module `path` imports when it runs, absolute (relative imports resolved), at any depth of the file."""
    package = _module(path).split(".") if path.name == "__init__.py" else _module(path).split(".")[:-1]
    for node in _nodes(_tree(path)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1] if node.level else [])
            module = ".".join(part for part in (base, node.module or "") if part)
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)  # `from pkg import submodule`


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if parts[0] == "bot" and len(parts) > 1 and parts[1] in LAYERS else None


@pytest.mark.parametrize("path", _sources("bot"), ids=lambda p: str(p.relative_to(ROOT)))
def test_bot_imports_only_its_own_or_lower_layers_and_no_platform(path: Path) -> None:
    own = _layer(_module(path))
    for target in _imports(path):
        assert not target.startswith(PLATFORMS), f"{_module(path)} imports {target}"
        layer = _layer(target)
        if own is not None and layer is not None:
            assert layer <= own, f"{_module(path)} ({LAYERS[own]}) imports {target} ({LAYERS[layer]})"


def test_no_import_cycles_in_bot_or_adapters() -> None:
    paths = {_module(p): p for p in _sources("bot", "adapters")}

    def resolve(target: str) -> str | None:
        while target and target not in paths:
            target = target.rpartition(".")[0]
        return target or None

    graph = {m: {t for t in map(resolve, _imports(p)) if t and t != m} for m, p in paths.items()}
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            raise AssertionError("import cycle: " + " -> ".join([*trail[trail.index(node) :], node]))
        if node in done:
            return
        for nxt in sorted(graph[node]):
            # a package's __init__ importing its own submodules is how packages re-export, not a cycle
            if not nxt.startswith(node + "."):
                visit(nxt, [*trail, node])
        done.add(node)

    for module in sorted(graph):
        visit(module, [])


@pytest.mark.parametrize("path", _sources("bot", "adapters", "scripts", "tests"), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_stay_small(path: Path) -> None:
    limit = MAX_MODULE_LINES.get(path.relative_to(ROOT).parts[0], MAX_LINES)
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= limit, f"{path.relative_to(ROOT)} has {lines} lines (limit {limit})"


@pytest.mark.parametrize("path", _sources("bot", "adapters", "scripts"), ids=lambda p: str(p.relative_to(ROOT)))
def test_functions_stay_short(path: Path) -> None:
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(_tree(path))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and (node.end_lineno or node.lineno) - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{path.relative_to(ROOT)}: {', '.join(long)}"
