"""代表建议 figures of the year, with 办结率 and 满意率."""

from django.db.models import Count

from congress.figures import Figure, register

from .models import Suggestion
from .views import suggestions

K = Suggestion.Kind

register(
    Figure(
        "suggestions",
        "代表建议",
        "件",
        "代表建议 rows of 类别 代表建议 or 闭会期间建议",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "suggestions"},
        section="deputies",
    ),
    Figure(
        "speeches",
        "发言建议",
        "条",
        "代表建议 rows of 类别 发言建议",
        kind=suggestions,
        params=lambda y: {"year": y, "kind": K.SPEECH},
        section="deputies",
    ),
    Figure(
        "motions",
        "议案",
        "件",
        "代表建议 rows of 类别 议案",
        kind=suggestions,
        params=lambda y: {"year": y, "kind": K.MOTION},
        section="deputies",
    ),
    Figure(
        "key_suggestions",
        "重点督办",
        "件",
        "代表建议 and 闭会期间建议 rows with 重点督办 是",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "suggestions", "key": True},
        section="deputies",
    ),
    Figure(
        "litigation",
        "代表建议转化为公益诉讼案件",
        "件",
        "代表建议 and 闭会期间建议 rows with 转公益诉讼 是",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "suggestions", "litigation": True},
        section="law",
    ),
    Figure(
        "handled",
        "应办结建议",
        "件",
        "代表建议 and 闭会期间建议 rows other than 不予立案 and 撤回",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "handled"},
        section="deputies",
    ),
    Figure(
        "closed",
        "已办结建议",
        "件",
        "已办结 代表建议 and 闭会期间建议",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "handled", "state": Suggestion.State.CLOSED},
        section="deputies",
    ),
    Figure(
        "with_opinion",
        "已有代表意见的建议",
        "件",
        "代表建议 and 闭会期间建议 rows that have a 代表意见",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "with_opinion"},
        section="deputies",
    ),
    Figure(
        "satisfied",
        "满意和基本满意的建议",
        "件",
        "满意 + 基本满意",
        kind=suggestions,
        params=lambda y: {"year": y, "group": "satisfied"},
        section="deputies",
    ),
    Figure(
        "closure_rate",
        "办结率",
        "",
        "已办结 ÷ 代表建议 and 闭会期间建议 rows other than 不予立案 and 撤回",
        numerator="closed",
        denominator="handled",
        section="deputies",
    ),
    Figure(
        "satisfaction_rate",
        "满意率",
        "",
        "(满意 + 基本满意) ÷ 代表建议 and 闭会期间建议 rows that have a 代表意见",
        numerator="satisfied",
        denominator="with_opinion",
        section="deputies",
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
