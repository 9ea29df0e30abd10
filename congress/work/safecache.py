"""The cache as a help, never a dependency: with Redis away, saving a record, reading the
dashboard or computing a deadline goes on without it (slower, never failing).

A Redis that hangs (accepting connections, never answering) costs each call its socket timeout;
a page making dozens of calls would then take a minute. So after one failure this process leaves
the cache alone for ``PAUSE`` seconds, and tries again after."""

from __future__ import annotations

import logging
import time

from django.core.cache import cache

log = logging.getLogger(__name__)
MISSING = object()
PAUSE = 30.0  # seconds without the cache after it failed
_down_until = 0.0
# Values read again and again within one page (the holiday notice of a year, asked for each
# day a deadline counts): kept in the process for a few seconds, so a page asks Redis once.
LOCAL_SECONDS = 5.0
_local: dict[str, tuple[float, object]] = {}


def available() -> bool:
    return time.monotonic() >= _down_until


def reset() -> None:
    """Try the cache again at once (the tests, between one outage and the next test)."""
    from congress.accounts import memo

    global _down_until
    _down_until = 0.0
    _local.clear()
    memo.clear()


def _warn(what: str, exc: Exception) -> None:
    global _down_until
    _down_until = time.monotonic() + PAUSE
    log.warning("cache unavailable (%s): %s", what, exc.__class__.__name__)


def get(key: str, default=None):
    if not available():
        return default
    try:
        return cache.get(key, default)
    except Exception as exc:  # noqa: BLE001 - any cache failure means "not cached"
        _warn("get", exc)
        return default


def get_local(key: str, default=None):
    """``get``, answered from this process for LOCAL_SECONDS after the last answer."""
    now = time.monotonic()
    hit = _local.get(key)
    if hit is not None and now - hit[0] < LOCAL_SECONDS:
        return hit[1]
    value = get(key, MISSING)
    # Remembered even when missing: the caller's set() that follows fills it in.
    _local[key] = (now, default if value is MISSING else value)
    return default if value is MISSING else value


def get_many(keys: list[str]) -> dict:
    if not available():
        return {}
    try:
        return cache.get_many(keys)
    except Exception as exc:  # noqa: BLE001
        _warn("get_many", exc)
        return {}


def set(key: str, value, timeout=None) -> None:  # noqa: A001 - mirrors the cache API
    if key in _local:
        _local[key] = (time.monotonic(), value)
    if not available():
        return
    try:
        cache.set(key, value, timeout)
    except Exception as exc:  # noqa: BLE001
        _warn("set", exc)


def add(key: str, value, timeout=None) -> bool:
    if not available():
        return False
    try:
        return cache.add(key, value, timeout)
    except Exception as exc:  # noqa: BLE001
        _warn("add", exc)
        return False


def delete(key: str) -> None:
    _local.pop(key, None)
    if not available():
        return
    try:
        cache.delete(key)
    except Exception as exc:  # noqa: BLE001
        _warn("delete", exc)


def incr(key: str) -> None:
    """Move a version counter on (created at 2 when missing)."""
    if not available():
        return
    try:
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 2, None)
    except Exception as exc:  # noqa: BLE001
        _warn("incr", exc)
