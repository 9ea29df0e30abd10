"""The cache as a help, never a dependency: with Redis away, saving a record, reading the
dashboard or computing a deadline goes on without it (slower, never failing)."""

from __future__ import annotations

import logging

from django.core.cache import cache

log = logging.getLogger(__name__)
MISSING = object()


def _warn(what: str, exc: Exception) -> None:
    log.warning("cache unavailable (%s): %s", what, exc.__class__.__name__)


def get(key: str, default=None):
    try:
        return cache.get(key, default)
    except Exception as exc:  # noqa: BLE001 - any cache failure means "not cached"
        _warn("get", exc)
        return default


def get_many(keys: list[str]) -> dict:
    try:
        return cache.get_many(keys)
    except Exception as exc:  # noqa: BLE001
        _warn("get_many", exc)
        return {}


def set(key: str, value, timeout=None) -> None:  # noqa: A001 - mirrors the cache API
    try:
        cache.set(key, value, timeout)
    except Exception as exc:  # noqa: BLE001
        _warn("set", exc)


def add(key: str, value, timeout=None) -> bool:
    try:
        return cache.add(key, value, timeout)
    except Exception as exc:  # noqa: BLE001
        _warn("add", exc)
        return False


def delete(key: str) -> None:
    try:
        cache.delete(key)
    except Exception as exc:  # noqa: BLE001
        _warn("delete", exc)


def incr(key: str) -> None:
    """Move a version counter on (created at 2 when missing)."""
    try:
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 2, None)
    except Exception as exc:  # noqa: BLE001
        _warn("incr", exc)
