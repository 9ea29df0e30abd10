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
        if Path(c.path).is_relative_to(ROOT) and "site-packages" not in c.path
    }
    assert ours <= set(_config()["root_packages"])
    assert ours - {"congress"} <= _layered()
    forbidden = next(c for c in _config()["contracts"] if c["type"] == "forbidden")
    assert ours - {"congress"} <= set(forbidden["forbidden_modules"])


def test_the_layers_hold():
    from importlinter.application.use_cases import lint_imports
    from importlinter.configuration import configure

    configure()
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), cache_dir=None, no_logo=True)
