"""代表建议 figures of the year, with 办结率 and 满意率."""

from django.db.models import Count

from congress.figures.builtin import Figure, register
from congress.figures.charts import Bar, Chart, bar_chart
from congress.figures.charts import register as register_charts
from congress.figures.panels import LEADER_HOME, ROWS, TABLE, Panel
from congress.figures.panels import register as register_panels

from .kinds import suggestions
from .models import Suggestion

K = Suggestion.Kind

register(
    Figure(
        "suggestions",
        "代表建议",
        "件",
        "当年提出的代表建议和闭会期间建议",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "suggestions"},
        section="deputies",
        name="代表建议",
        tile=230,
    ),
    Figure(
        "speeches",
        "发言建议",
        "条",
        "当年的发言建议",
        kind=suggestions,
        params=lambda y: {"year": y, "kind": K.SPEECH},
        section="deputies",
        name="发言建议",
        tile=240,
    ),
    Figure(
        "motions",
        "议案",
        "件",
        "当年的议案",
        kind=suggestions,
        params=lambda y: {"year": y, "kind": K.MOTION},
        section="deputies",
        name="议案",
    ),
    Figure(
        "key_suggestions",
        "重点督办",
        "件",
        "列为重点督办的代表建议和闭会期间建议",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "suggestions", "key": True},
        section="deputies",
        name="重点督办",
        tile=250,
    ),
    Figure(
        "litigation",
        "代表建议转化为公益诉讼案件",
        "件",
        "转化为公益诉讼案件的代表建议和闭会期间建议",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "suggestions", "litigation": True},
        section="law",
        name="公益诉讼",
        tile=180,
    ),
    Figure(
        "handled",
        "应办结建议",
        "件",
        "代表建议和闭会期间建议，不含不予立案和撤回",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "handled"},
        section="deputies",
        name="应办结建议",
    ),
    Figure(
        "closed",
        "已办结建议",
        "件",
        "已办结的代表建议和闭会期间建议",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "handled", "state": Suggestion.State.CLOSED},
        section="deputies",
        name="已办结建议",
    ),
    Figure(
        "with_opinion",
        "已有代表意见的建议",
        "件",
        "已有代表意见的代表建议和闭会期间建议",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "with_opinion"},
        section="deputies",
        name="已有代表意见建议",
    ),
    Figure(
        "satisfied",
        "满意和基本满意的建议",
        "件",
        "代表意见为满意或基本满意的建议",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "satisfied"},
        section="deputies",
        name="满意基本满意建议",
    ),
    Figure(
        "closure_rate",
        "办结率",
        "",
        "已办结件数 ÷ 代表建议和闭会期间建议件数（不含不予立案和撤回）",
        numerator="closed",
        denominator="handled",
        section="deputies",
        name="办结率",
        tile=260,
    ),
    Figure(
        "satisfaction_rate",
        "满意率",
        "",
        "（满意 + 基本满意）件数 ÷ 已有代表意见的代表建议和闭会期间建议件数",
        numerator="satisfied",
        denominator="with_opinion",
        section="deputies",
        name="满意率",
        tile=270,
    ),
)


def suggestions_by_state(year: int) -> list[tuple[str, int]]:
    """代表建议 and 闭会期间建议 of the year by 办理状态, in the workflow's order."""
    rows = dict(
        Suggestion.objects.in_year(year).suggestions().values_list("state").annotate(n=Count("pk"))
    )
    return [(state, rows.get(state, 0)) for state in Suggestion.State.values]


def attention(today=None):
    """What needs attention now: overdue replies and suggestions whose deputy was unsatisfied."""
    qs = Suggestion.objects.select_related("lead", "lead_unit")
    return {
        "overdue": qs.overdue(today).order_by("deadline"),
        "unsatisfied": qs.filter(opinion=Suggestion.Opinion.UNSATISFIED)
        .exclude(state=Suggestion.State.CLOSED)
        .order_by("deadline"),
    }


def _states_chart(year: int):
    return bar_chart(
        [
            Bar(state, n, suggestions.list_url(year=year, group="suggestions", state=state))
            for state, n in suggestions_by_state(year)
        ],
        "代表建议办理状态",
    )


register_charts(Chart("代表建议办理状态", "代表建议办理状态", _states_chart, 40))


def _overdue_panel(year: int, today) -> dict:
    items = attention(today)["overdue"]
    return {"items": items[:ROWS], "count": items.count()}


def _unsatisfied_panel(year: int, today) -> dict:
    return {"items": attention(today)["unsatisfied"][:ROWS]}


def _units_panel(year: int, today) -> dict:
    from .services import unit_table

    return {"rows": unit_table(year, today, limit=15)}


register_panels(
    Panel("suggestions-overdue", "proposals/_attention_overdue.html", _overdue_panel, order=10),
    Panel(
        "suggestions-unsatisfied",
        "proposals/_attention_unsatisfied.html",
        _unsatisfied_panel,
        order=40,
    ),
    Panel("units", "proposals/_dashboard_units.html", _units_panel, place=TABLE, order=10),
)


def overdue_by_unit(today) -> list[dict]:
    """逾期未答复 by lead unit: each row's count is its list's (the staff list, filtered)."""
    rows = (
        Suggestion.objects.overdue(today)
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


register_panels(
    Panel(
        "overdue-by-unit",
        "proposals/_leader_units.html",
        lambda year, today: {"units": overdue_by_unit(today)},
        place=LEADER_HOME,
        order=10,
    )
)
