"""领导驾驶舱: the year's figures, progress and what is overdue, each linked to its records."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from congress.accounts.roles import staff_required
from congress.figures import panels
from congress.figures.charts import all_charts, drawn

# A new installation's tiles: the figures of the ledger format's overview, in its order.
DEFAULT_TILES = [
    "常委会会议", "主任会议", "专项工作报告", "执法检查", "专题询问", "决议决定", "任免", "补选",
    "意见建议条数", "推动解决", "学习研讨", "请示报告", "民生实事", "督导", "立法调研",
    "联动执法检查", "联合执法", "公益诉讼", "代表之家", "代表联络站", "邀请人次", "培训人数",
    "代表建议", "发言建议", "重点督办", "办结率", "满意率", "联系群众", "解决问题", "述职人数",
]  # fmt: skip


def tile_names() -> list[str]:
    """The figures the office chose for its dashboard, in its order."""
    from congress.accounts.models import Profile

    return list(Profile.get().tiles or DEFAULT_TILES)


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
            "link": now[name].link,
            "definition": now[name].definition,
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
