"""The deputies app's record kinds: the lists, forms and detail pages the core builds."""

from django.db.models import Count

from congress.records.kinds import Column, RecordKind

from . import examples
from .filters import ActivityFilter, DeputyFilter, StationFilter
from .forms import ActivityForm, DeputyForm, StationForm
from .models import Activity, Deputy, Station


def _record_of_service(deputy: Deputy) -> dict:
    """履职档案: everything the office already entered about this deputy, nothing typed twice."""
    activities = deputy.activities.select_related("station").order_by("-date")
    return {
        "activities": activities,
        "trainings": [a for a in activities if a.kind == Activity.Kind.TRAINING],
        "reports": [a for a in activities if a.kind == Activity.Kind.REPORT],
        "led": deputy.suggestions_led.select_related("lead_unit").order_by("-date"),
        "cosigned": deputy.suggestions_cosigned.select_related("lead_unit").order_by("-date"),
        "visits": deputy.visits.select_related("project").order_by("-date"),
    }


stations = RecordKind(
    key="stations",
    example=examples.station,
    model=Station,
    form=StationForm,
    filterset=StationFilter,
    queryset=lambda: Station.objects.annotate(deputy_count=Count("deputies")),
    default_order="town",
    columns=[
        Column("名称", "name", "name", link=True),
        Column("类型", "get_kind_display", "kind"),
        Column("所在镇街", "town", "town"),
        Column("建成日期", "built", "built"),
        Column("联系代表数", "deputy_count", "deputy_count"),
        Column("接待日", "reception_days"),
    ],
    detail_template="deputies/station_detail.html",
    detail_context=lambda s: {
        "deputies": s.deputies.order_by("name"),
        "activities": s.activities.order_by("-date")[:50],
    },
)


deputies = RecordKind(
    key="deputies",
    example=examples.deputy,
    model=Deputy,
    form=DeputyForm,
    filterset=DeputyFilter,
    queryset=lambda: Deputy.objects.select_related("station"),
    default_order="name",
    columns=[
        Column("姓名", "name", "name", link=True),
        Column("性别", "get_sex_display", "sex"),
        Column("层级", "get_level_display", "level"),
        Column("届次", "term", "term"),
        Column("代表团", "delegation", "delegation"),
        Column("联络站", "station.name"),
        Column("构成类别", "get_category_display", "category"),
        Column("当选", "get_election_display", "election"),
        Column("状态", "get_status_display", "status"),
    ],
    detail_template="deputies/deputy_detail.html",
    detail_context=_record_of_service,
    actions=[("代表名册", "deputies_roster"), ("代表账号", "deputy_accounts")],
)


activities = RecordKind(
    key="activities",
    example=examples.activity,
    model=Activity,
    form=ActivityForm,
    filterset=ActivityFilter,
    queryset=lambda: Activity.objects.select_related("station").annotate(
        deputy_count=Count("deputies")
    ),
    default_order="-date",
    detail_template="deputies/activity_detail.html",
    detail_context=lambda a: {
        "enrolments": a.enrolments.select_related("deputy"),
        "to_join": a.enrolments.filter(answer="报名").exclude(deputy__in=a.deputies.all()).count(),
    },
    columns=[
        Column("活动名称", "name", "name", link=True),
        Column("类型", "get_kind_display", "kind"),
        Column("日期", "date", "date"),
        Column("参加代表数", "deputy_count", "deputy_count"),
        Column("联络站", "station.name"),
        Column("联系群众人次", "people_met", "people_met"),
        Column("解决问题数", "problems_solved", "problems_solved"),
    ],
)
