"""Values every page reads and that change a few times a year (the office's settings, the
roles' permissions), kept in the process for a few seconds: a page then asks the database for
them once in a while rather than every time. Never shared between processes; a change made in
this process drops its value at once (``forget``), another process sees it seconds later."""

from __future__ import annotations

import time

SECONDS = 5.0
_memo: dict[str, tuple[float, object]] = {}


def remember(key: str, compute, seconds: float = SECONDS):
    now = time.monotonic()
    hit = _memo.get(key)
    if hit is not None and now - hit[0] < seconds:
        return hit[1]
    value = compute()
    _memo[key] = (now, value)
    return value


def forget(key: str) -> None:
    _memo.pop(key, None)


def clear() -> None:
    """Forget everything (the tests, between one test's rows and the next's)."""
    _memo.clear()
