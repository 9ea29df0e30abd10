"""The layers hold (import-linter, as CI runs it), and no module of the project is left out of
them: a new module of ``congress`` or a new app must be placed before it can land."""

import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "importlinter"
    ]


def _layered() -> set[str]:
    contract = next(c for c in _config()["contracts"] if c["type"] == "layers")
    return {
        name.strip() for layer in contract["layers"] for name in layer.replace(":", "|").split("|")
    }


def test_every_module_of_the_core_is_in_a_layer():
    children = {
        f"congress.{p.stem if p.suffix == '.py' else p.name}"
        for p in (ROOT / "congress").iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()
    }
    missing = sorted(children - _layered())
    assert not missing, f"place these in pyproject's layers contract: {missing}"


def test_every_app_of_the_project_is_checked():
    ours = {
        c.name
        for c in apps.get_app_configs()
        if Path(c.path).is_relative_to(ROOT)
        and "site-packages" not in c.path
        and not Path(c.path).is_relative_to(ROOT / "tests")  # the tests' throwaway app
    }
    assert ours <= set(_config()["root_packages"])
    assert ours - {"congress"} <= _layered()
    forbidden = next(c for c in _config()["contracts"] if c["id"] == "discovered")
    assert ours - {"congress"} <= set(forbidden["forbidden_modules"])


def test_the_layers_hold():
    from importlinter.application.use_cases import lint_imports
    from importlinter.configuration import configure

    configure()
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), cache_dir=None, no_logo=True)


def _module_graph() -> dict[str, set[str]]:
    """Every import between the project's modules, at module level or inside a function."""
    import ast

    packages = set(_config()["root_packages"])
    files = {}
    for package in packages:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            if is_package:
                parts = parts[:-1]
            files[".".join(parts)] = (path, is_package)
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, (path, is_package) in files.items():
        here = name.split(".") if is_package else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    prefix = here[: len(here) - node.level + 1]
                    base = ".".join(prefix + ([base] if base else []))
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            else:
                continue
            graph[name] |= {t for t in targets if t in files and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
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


def test_no_import_cycle_even_inside_functions():
    """An import inside a function hides a cycle from import-linter and from Python, not from a
    reader: none is allowed anywhere in the project."""
    assert _cycles(_module_graph()) == []


def test_the_cycle_check_finds_a_cycle_made_inside_a_function():
    graph = _module_graph()
    graph["congress.registry"].add("congress.site.apps")  # as an import inside a function would
    assert any("congress.registry" in c for c in _cycles(graph))
