"""领导驾驶舱: the year's figures, progress and what is overdue, each linked to its records."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from deputies.figures import activities_by_month, participation_by_town
from meetings.figures import meetings_by_month
from meetings.models import Appointment
from oversight.figures import opinions_awaiting, projects_progress
from proposals.figures import attention, suggestions_by_state
from proposals.services import unit_table

from .charts import Bar, bar_chart, column_chart
from .crud import KINDS
from .figures import cached_for_year
from .roles import staff_required

ATTENTION_ROWS = 10
# A province votes hundreds of projects: the chart shows those furthest behind.
PROJECT_BARS = 20


# The charts a review's text may ask for with {{图:name}}, by the name it uses.
CHART_NAMES = {
    "常委会会议按月": "standing_by_month",
    "主任会议按月": "chairman_by_month",
    "代表活动按月": "activities_by_month",
    "代表建议办理状态": "suggestions_by_state",
    "民生实事进度": "projects",
    "代表参与活动按镇街": "participation",
}


# A new installation's tiles: the figures of the ledger format's overview, in its order.
DEFAULT_TILES = [
    "常委会会议", "主任会议", "专项工作报告", "执法检查", "专题询问", "决议决定", "任免", "补选",
    "意见建议条数", "推动解决", "学习研讨", "请示报告", "民生实事", "督导", "立法调研",
    "联动执法检查", "联合执法", "公益诉讼", "代表之家", "代表联络站", "邀请人次", "培训人数",
    "代表建议", "发言建议", "重点督办", "办结率", "满意率", "联系群众", "解决问题", "述职人数",
]  # fmt: skip


def tile_names() -> list[str]:
    """The figures the office chose for its dashboard, in its order."""
    from .models import Profile

    return list(Profile.get().tiles or DEFAULT_TILES)


def tiles(year: int, previous_until=None) -> list[dict]:
    """The office's tiles for the year, beside last year's value (or the same days of last year,
    for a year still running)."""
    from .report.figureset import year_values

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


def charts(year: int) -> dict:
    """The year's charts; the annual report draws the same ones. Cached with the figures."""
    return cached_for_year("charts", year, lambda: _charts(year))


def _charts(year: int) -> dict:
    meetings, activities, suggestions = KINDS["meetings"], KINDS["activities"], KINDS["suggestions"]
    by_month = meetings_by_month(year)
    month_bars = {
        kind: [
            Bar(f"{m + 1}月", n, meetings.list_url(year=year, kind=kind, month=m + 1))
            for m, n in enumerate(series)
        ]
        for kind, series in by_month.items()
    }
    return {
        "standing_by_month": column_chart(month_bars["常委会会议"], "常委会会议（按月）"),
        "chairman_by_month": column_chart(month_bars["主任会议"], "主任会议（按月）"),
        "activities_by_month": column_chart(
            [
                Bar(f"{m + 1}月", n, activities.list_url(year=year, month=m + 1))
                for m, n in enumerate(activities_by_month(year))
            ],
            "代表活动（按月）",
        ),
        "suggestions_by_state": bar_chart(
            [
                Bar(state, n, suggestions.list_url(year=year, group="suggestions", state=state))
                for state, n in suggestions_by_state(year)
            ],
            "代表建议办理状态",
        ),
        "projects": bar_chart(
            [
                Bar(p.name, p.progress, KINDS["projects"].url("detail", p.pk), "%")
                for p in projects_progress(year)
            ],
            "民生实事项目进度",
            max_value=100,
            label_width=190,
        ),
        "participation": bar_chart(
            [
                Bar(town, n, activities.list_url(year=year, town=town))
                for town, n in participation_by_town(year)[:15]
            ],
            "代表参与活动人次（按镇街）",
        ),
    }


@require_http_methods(["GET", "HEAD"])
@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, 1990), today.year + 1)
    need = attention(today)
    waiting_oath = Appointment.objects.awaiting_oath().order_by("date")
    opinions = opinions_awaiting(today)
    return render(
        request,
        "congress/dashboard.html",
        {
            "year": year,
            "years": list(range(today.year, today.year - 6, -1)),
            "tiles": tiles(year, previous_until=_same_days(year, today)),
            "previous_label": "上年同期" if year == today.year else "上年",
            "charts": charts(year),
            "units": cached_for_year(
                f"units-{today}", year, lambda: unit_table(year, today, limit=15)
            ),
            "overdue": need["overdue"][:ATTENTION_ROWS],
            "overdue_count": need["overdue"].count(),
            "unsatisfied": need["unsatisfied"][:ATTENTION_ROWS],
            "opinions": opinions[:ATTENTION_ROWS],
            "opinions_overdue": opinions.filter(deadline__lt=today).count(),
            "waiting_oath": waiting_oath[:ATTENTION_ROWS],
            "waiting_oath_count": waiting_oath.count(),
            "today": today,
        },
    )


def _same_days(year: int, today):
    """For a running year, last year up to the same day; None for a year already closed."""
    if year != today.year:
        return None
    from .views import _same_day_last_year

    return _same_day_last_year(today)


def overdue_by_unit(today) -> list[dict]:
    """逾期未答复 by lead unit: each row's count is its list's (the staff list, filtered)."""
    from django.db.models import Count

    from .crud import KINDS
    from .registry import discover

    discover("figures")
    suggestions = KINDS["suggestions"]
    model = suggestions.model
    rows = (
        model.objects.overdue(today)
        .values("lead_unit", "lead_unit__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "lead_unit__name")
    )
    return [
        {
            "name": r["lead_unit__name"] or "（未指定）",
            "count": r["n"],
            "link": suggestions.list_url(overdue="true", lead_unit=r["lead_unit"] or ""),
        }
        for r in rows
    ]
