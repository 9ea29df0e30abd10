"""How the apps plug in: one discovery, one rule for duplicates.

A ``Registry`` holds one kind of declaration: record kinds, figures, charts, dashboard panels,
ledger sheets, to-dos, reminder rules, job kinds, home sections, portal parts. Each app declares
its own in ``<app>/<module>.py`` (``kinds``, ``figures``, ``ledger``, ``todo``, ``reminders``,
``declarations``), and the core's packages by concept do the same in
``congress/<package>/<module>.py``. ``discover(module)`` imports those modules once, whatever was
imported before; the start-up (``congress/site/apps.py``) discovers every registry's module, so a
name declared twice (two figures called 来信, two sheets called 信访) stops the start-up with an
error naming both places, rather than one silently replacing the other.
"""

from __future__ import annotations

import pkgutil
import sys
from collections.abc import Callable, Iterator
from importlib import import_module
from importlib.util import find_spec
from typing import Generic, TypeVar

from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T")

REGISTRIES: list[Registry] = []
_found: set[str] = set()
# Frames that only pass a declaration on: the place to name is the one that called them.
_PASSING = {"register", "rule", "__post_init__", "__init__"}


class DuplicateDeclaration(ImproperlyConfigured):
    """Two declarations under one name."""


def _declared_at() -> str:
    frame = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__", "?")
        if module != __name__ and frame.f_code.co_name not in _PASSING:
            return f"{module} (line {frame.f_lineno})"
        frame = frame.f_back
    return "?"


class Registry(Generic[T]):
    """Declarations of one kind, each under a name no other declaration may take.

    ``key`` gives the name; ``unique`` further names that must not repeat either (a figure's
    key, and its name in the review's text). ``module`` is where apps declare them.
    """

    def __init__(
        self,
        what: str,
        module: str,
        key: Callable[[T], str],
        unique: dict[str, Callable[[T], str | None]] | None = None,
    ) -> None:
        self.what, self.module, self.key = what, module, key
        self.unique = {"": key, **(unique or {})}
        self._items: dict[str, T] = {}
        self._taken: dict[tuple[str, str], tuple[str, str]] = {}  # (what, name) -> (key, where)
        REGISTRIES.append(self)

    def register(self, *items: T) -> None:
        where = _declared_at()
        for item in items:
            names = {label: name for label, fn in self.unique.items() if (name := fn(item))}
            for label, name in names.items():
                if (label, name) in self._taken:
                    first = self._taken[(label, name)][1]
                    raise DuplicateDeclaration(
                        f"{self.what}{label} “{name}” is declared twice: in {first} and in {where}"
                    )
            key = self.key(item)
            self._items[key] = item
            for label, name in names.items():
                self._taken[(label, name)] = (key, where)

    def unregister(self, key: str) -> None:
        """Take a declaration back (a test's throwaway one)."""
        self._items.pop(key, None)
        self._taken = {k: v for k, v in self._taken.items() if v[0] != key}

    def all(self) -> dict[str, T]:
        discover(self.module)
        return self._items

    def values(self) -> list[T]:
        return list(self.all().values())

    def items(self) -> list[tuple[str, T]]:
        return list(self.all().items())

    def get(self, key: str) -> T | None:
        return self.all().get(key)

    def __getitem__(self, key: str) -> T:
        return self.all()[key]

    def __contains__(self, key: object) -> bool:
        return key in self.all()

    def __iter__(self) -> Iterator[str]:
        return iter(self.all())

    def __len__(self) -> int:
        return len(self.all())


def packages() -> list[str]:
    """Where declarations live: the core's packages by concept, then every installed app."""
    from django.apps import apps

    core = import_module("congress")
    found = [f"congress.{m.name}" for m in pkgutil.iter_modules(core.__path__) if m.ispkg]
    return found + [c.name for c in apps.get_app_configs() if c.name != "congress"]


def discover(module: str) -> None:
    """Import ``<package>.<module>`` of every package that has one, once."""
    if module in _found:
        return
    _found.add(module)  # a declaring module that reads its own registry finds it under way
    try:
        for package in packages():
            name = f"{package}.{module}"
            if find_spec(name) is not None:
                import_module(name)
    except BaseException:
        _found.discard(module)
        raise


def discover_all() -> None:
    """Every registry's declarations, at start-up: a duplicate stops it there."""
    for registry in list(REGISTRIES):
        discover(registry.module)
