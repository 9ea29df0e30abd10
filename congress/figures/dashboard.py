"""领导驾驶舱: the year's figures, progress and what is overdue, each linked to its records."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from congress.accounts.roles import staff_required
from congress.figures import panels
from congress.figures.builtin import all_figures
from congress.figures.charts import all_charts, drawn


def tile_names() -> list[str]:
    """The figures the office chose for its dashboard, in its order."""
    from congress.accounts.models import Profile

    return list(Profile.get().tiles or default_tiles())


def default_tiles() -> list[str]:
    """A new installation's tiles: the figures each app offers for the dashboard, in the order
    they declare (the ledger format's overview)."""
    offered = sorted((f for f in all_figures().values() if f.tile), key=lambda f: f.tile)
    return [f.text_name for f in offered]


def _change(now, before) -> str:
    """比上年: +3, −2 or 持平 for counts; nothing for rates (a difference of percentages misleads)."""
    if not isinstance(now, int) or not isinstance(before, int) or isinstance(now, bool):
        return ""
    diff = now - before
    return "持平" if diff == 0 else f"+{diff}" if diff > 0 else f"−{-diff}"


def tiles(year: int, previous_until=None) -> list[dict]:
    """The office's tiles for the year, beside last year's value (or the same days of last year,
    for a year still running)."""
    from congress.figures.figureset import year_values

    now, before = year_values(year), year_values(year - 1, previous_until)
    return [
        {
            "key": name,
            "label": now[name].label or name,
            "unit": now[name].unit,
            "value": now[name].value,
            "previous": before[name].value,
            "previous_link": before[name].link,
            "change": _change(now[name].value, before[name].value),
            "link": now[name].link,
            "definition": now[name].definition,
            "error": now[name].error,
        }
        for name in tile_names()
        # A tile whose office figure was since deleted is skipped rather than a 500.
        if name in now
    ]


@require_http_methods(["GET", "HEAD"])
@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, 1990), today.year + 1)
    svg = drawn(year)
    return render(
        request,
        "congress/dashboard.html",
        {
            "year": year,
            "years": list(range(today.year, today.year - 6, -1)),
            "tiles": tiles(year, previous_until=_same_days(year, today)),
            "previous_label": "上年同期" if year == today.year else "上年",
            "attention": panels.rendered(panels.ATTENTION, year, today),
            "charts": [(c.caption, svg[c.name]) for c in all_charts()],
            "tables": panels.rendered(panels.TABLE, year, today),
        },
    )


def _same_days(year: int, today):
    """For a running year, last year up to the same day; None for a year already closed."""
    if year != today.year:
        return None
    from congress.figures.figureset import same_day_last_year

    return same_day_last_year(today)
