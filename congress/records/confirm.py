"""Saving or deleting a record that a published document already reports on asks the person to
confirm first. The records' pages do not know what was published: the package that publishes
(the review) declares a ``Confirmation`` here, and the pages ask every declaration."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from congress.registry import Registry


def year_of(instance) -> int | None:
    """The year a record counts in: its model's ``year_field`` (a date, or a year number)."""
    field = getattr(type(instance), "year_field", None)
    value = getattr(instance, field, None) if field else None
    return value if isinstance(value, int) else getattr(value, "year", None)


@dataclass(frozen=True)
class Confirmation:
    """``ask(years)`` gives what a person must read and confirm before changing a record of
    those years, or "" when nothing needs confirming."""

    key: str
    ask: Callable[[set[int]], str]


CONFIRMATIONS: Registry[Confirmation] = Registry(
    "save confirmation", "declarations", key=lambda c: c.key
)

FIELD = "_confirmed"


def needed(*instances_or_years) -> str:
    """The messages to confirm before changing records of these years (or these records)."""
    years = {
        y if isinstance(y, int) else year_of(y) for y in instances_or_years if y is not None
    } - {None}
    if not years:
        return ""
    return " ".join(m for c in CONFIRMATIONS.values() if (m := c.ask(years)))
