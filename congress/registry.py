"""Registries the apps fill: each app declares its things in ``<app>/<name>.py`` and the core
finds them by discovery, once per name, never by importing an app by name."""

from __future__ import annotations

_found: set[str] = set()


def discover(module: str) -> None:
    """Import ``<app>.<module>`` of every installed app, once."""
    if module not in _found:
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules(module)
        _found.add(module)
