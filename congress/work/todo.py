"""待办: what is waiting for each role today, each a count and the list it counts.

Apps declare their to-do items in ``<app>/todo.py`` with ``register``. An item's count is the
length of the list its link opens (the same query behind both), so a home page never promises
more or less than the list shows.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from congress.registry import Registry

STAFF, UNIT, LEADER, DEPUTY = "staff", "unit", "leader", "deputy"


@dataclass(frozen=True)
class Todo:
    key: str
    label: str
    role: str  # staff, unit or leader
    items: Callable[..., QuerySet]  # (user, today) -> the records waiting
    link: Callable[..., str]  # (user, today) -> the list that shows exactly them
    order: int = 100
    urgent: bool = False  # shown in red when not zero (overdue)


TODOS: Registry[Todo] = Registry("to-do", "todo", key=lambda t: t.key)


def register(*todos: Todo) -> None:
    TODOS.register(*todos)


def for_role(role: str) -> list[Todo]:
    return sorted((t for t in TODOS.values() if t.role == role), key=lambda t: (t.order, t.key))


def week_end(today: datetime.date) -> datetime.date:
    """The Sunday closing today's week."""
    return today + datetime.timedelta(days=6 - today.weekday())


def counted(role: str, user, today: datetime.date) -> list[dict]:
    return [
        {
            "key": t.key,
            "label": t.label,
            "count": t.items(user, today).count(),
            "link": t.link(user, today),
            "urgent": t.urgent,
        }
        for t in for_role(role)
    ]
