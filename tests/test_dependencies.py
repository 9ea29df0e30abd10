"""Every third-party package the application imports is one of its own dependencies, not only
the tests': a newcomer's `./dev run` installs those alone (pypdf was once missed this way, and
the demo failed to load on a fresh machine)."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_DIRS = ["congress", "meetings", "oversight", "deputies", "proposals", "petitions", "demo"]


def _imported() -> dict[str, str]:
    """Top-level module → a file importing it, over the application's code (tests excluded)."""
    found: dict[str, str] = {}
    for folder in APP_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return found


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_application_imports_only_what_it_depends_on():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {
        _normal(re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0]) for d in project["dependencies"]
    }
    own = set(APP_DIRS) | {"tests"}
    distributions = packages_distributions()
    missing = {}
    for module, where in _imported().items():
        if module in own or module in sys.stdlib_module_names:
            continue
        dists = {_normal(d) for d in distributions.get(module, [])}
        # Installed with a declared package (Django's own, celery's kombu …) counts as declared.
        if dists and not dists & declared and not _pulled_in(dists, declared):
            missing[module] = where
    assert missing == {}, f"imported but not a dependency: {missing}"


def _pulled_in(dists: set[str], declared: set[str]) -> bool:
    """A distribution a declared one requires (kombu by celery, tinycss2 by weasyprint)."""
    from importlib.metadata import requires

    for name in declared:
        try:
            needs = requires(name) or []
        except Exception:  # noqa: BLE001 - a declared name that is not installed here
            continue
        for req in needs:
            if "extra ==" in req and "redis" not in req:
                continue
            if _normal(re.split(r"[<>=!~\[; ]", req, maxsplit=1)[0]) in dists:
                return True
    return False
