"""代表工作 figures of the year."""

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractMonth

from congress.figures.builtin import Figure, register, total
from congress.figures.charts import Bar, Chart, bar_chart, column_chart
from congress.figures.charts import register as register_charts

from .kinds import activities, deputies, stations
from .models import Activity, Deputy, Station


def participations(qs: QuerySet) -> int:
    """Names in 参加代表, counted once per activity (人次)."""
    return qs.aggregate(n=Count("deputies"))["n"] or 0


participations.field_name = "deputy_count"

register(
    Figure(
        "by_elected",
        "补选人大代表",
        "名",
        "当年补选产生的代表（当选方式为补选）",
        kind=deputies,
        params=lambda y: {"year": y, "election": Deputy.Election.BY_ELECTION},
        section="deputies",
        name="补选",
        tile=80,
    ),
    Figure(
        "homes",
        "代表之家",
        "个",
        "年底前已建成的代表之家（未填建成日期的也计入）",
        kind=stations,
        params=lambda y: {"built_by": y, "kind": Station.Kind.HOME},
        section="deputies",
        name="代表之家",
        tile=190,
    ),
    Figure(
        "stations",
        "代表联络站",
        "个",
        "年底前已建成的代表联络站（未填建成日期的也计入）",
        kind=stations,
        params=lambda y: {"built_by": y, "kind": Station.Kind.STATION},
        section="deputies",
        name="代表联络站",
        tile=200,
    ),
    Figure(
        "participations",
        "邀请代表参与履职活动",
        "人次",
        "视察、调研、执法检查、专题询问和其他活动的参加代表人次之和",
        kind=activities,
        params=lambda y: {"year": y, "participation": True},
        measure=participations,
        section="deputies",
        name="邀请人次",
        tile=210,
    ),
    Figure(
        "trained",
        "代表参加专题培训",
        "名",
        "参加培训活动的代表人数（同一代表只计一次）",
        kind=deputies,
        params=lambda y: {"trained_in": y},
        section="deputies",
        name="培训人数",
        tile=220,
    ),
    Figure(
        "constituents",
        "代表联系群众",
        "人次",
        "联系群众活动的联系群众人次之和",
        kind=activities,
        params=lambda y: {"year": y, "kind": Activity.Kind.CONSTITUENTS},
        measure=total("people_met"),
        section="deputies",
        name="联系群众",
        tile=280,
    ),
    Figure(
        "constituent_problems",
        "推动解决群众问题",
        "个",
        "联系群众活动的推动解决问题数之和",
        kind=activities,
        params=lambda y: {"year": y, "kind": Activity.Kind.CONSTITUENTS},
        measure=total("problems_solved"),
        section="deputies",
        name="解决问题",
        tile=290,
    ),
    Figure(
        "reported",
        "代表向选民述职",
        "名",
        "参加述职活动的代表人数（同一代表只计一次）",
        kind=deputies,
        params=lambda y: {"reported_in": y},
        section="deputies",
        name="述职人数",
        tile=300,
    ),
)


def activities_by_month(year: int) -> list[int]:
    """代表活动 per month of the year, in one query."""
    months = [0] * 12
    rows = (
        Activity.objects.in_year(year)
        .annotate(m=ExtractMonth("date"))
        .values("m")
        .annotate(n=Count("pk"))
    )
    for r in rows:
        months[r["m"] - 1] = r["n"]
    return months


def participation_by_town(year: int) -> list[tuple[str, int]]:
    """Deputies' participations (人次) in the year's activities, by the station's town."""
    # Counted from the activities' side on deputy ids, so that PostgreSQL can answer from the
    # (activity, deputy) index alone.
    rows = (
        Activity.objects.in_year(year)
        .values("station__town")
        .annotate(n=Count("deputies"))
        .filter(n__gt=0)
        .order_by("-n")
    )
    return [(r["station__town"] or "未指定联络站", r["n"]) for r in rows]


def _activities_chart(year: int):
    return column_chart(
        [
            Bar(f"{m + 1}月", n, activities.list_url(year=year, month=m + 1))
            for m, n in enumerate(activities_by_month(year))
        ],
        "代表活动（按月）",
    )


def _participation_chart(year: int):
    return bar_chart(
        [
            Bar(town, n, activities.list_url(year=year, town=town))
            for town, n in participation_by_town(year)[:15]
        ],
        "代表参与活动人次（按镇街）",
    )


register_charts(
    Chart("代表活动按月", "代表活动（按月）", _activities_chart, 30),
    Chart("代表参与活动按镇街", "代表参与活动人次（按镇街）", _participation_chart, 60),
)
