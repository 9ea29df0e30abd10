"""需要关注 and the dashboard's tables: parts of the leaders' dashboard that an app contributes
(overdue replies, opinions awaiting a report, appointees yet to swear the oath, the handling
units' table). Apps declare theirs in ``<app>/figures.py``; the dashboard shows them in order."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from congress.registry import Registry

# Where a panel shows: a card under 需要关注, a table below the dashboard's charts, or a part of
# the leaders' home page.
ATTENTION, TABLE, LEADER_HOME = "attention", "table", "leader-home"
ROWS = 10  # a card lists the first ten; its link opens them all


@dataclass(frozen=True)
class Panel:
    key: str
    template: str  # an ``_``-prefixed partial of the app's own templates
    context: Callable[[int, datetime.date], dict]  # (year, today) -> the partial's context
    place: str = ATTENTION
    order: int = 100


PANELS: Registry[Panel] = Registry("dashboard panel", "figures", key=lambda p: p.key)


def register(*panels: Panel) -> None:
    PANELS.register(*panels)


def rendered(place: str, year: int, today: datetime.date) -> list[SafeString]:
    """The place's panels as HTML, each kept (for the day) until a record it reads changes."""
    from congress.figures.cache import cached_by_tables

    panels = {
        f"panel-{p.key}-{today.isoformat()}": p
        for p in sorted(PANELS.values(), key=lambda p: p.order)
        if p.place == place
    }

    def render(name: str) -> SafeString:
        p = panels[name]
        return render_to_string(
            p.template, {"year": year, "today": today, **p.context(year, today)}
        )

    # A panel lists what is overdue today in every year, not only in the year shown.
    html = cached_by_tables(list(panels), year, render, every_year=True)
    return [html[name] for name in panels]
