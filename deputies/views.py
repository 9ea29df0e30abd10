from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from congress.crud import Column, RecordKind
from congress.models import Profile
from congress.roles import perm_required, staff_required
from congress.rosters import FORMATS, roster_response
from congress.text import cn_number

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
)

activities = RecordKind(
    key="activities",
    model=Activity,
    form=ActivityForm,
    filterset=ActivityFilter,
    queryset=lambda: Activity.objects.select_related("station").annotate(
        deputy_count=Count("deputies")
    ),
    default_order="-date",
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


def composition(term: int, level: str = Deputy.Level.COUNTY) -> dict:
    """代表构成: the current 届's deputies in office, in one aggregate query."""
    qs = Deputy.objects.filter(term=term, level=level).exclude(status=Deputy.Status.ENDED)
    return qs.aggregate(
        total=Count("pk"),
        women=Count("pk", filter=Q(sex=Deputy.Sex.FEMALE)),
        minorities=Count("pk", filter=~Q(ethnicity__in=("", "汉族", "汉"))),
        non_cpc=Count("pk", filter=~Q(party=Deputy.Party.CPC)),
        grassroots=Count("pk", filter=Q(category__in=Deputy.GRASSROOTS)),
    )


@require_http_methods(["GET", "HEAD"])
@staff_required
@perm_required("deputies.view_deputy")
def roster(request: HttpRequest) -> HttpResponse:
    """代表名册: the current 届's deputies grouped by town, delegation and station."""
    profile = Profile.get()
    group = request.GET.get("by", "town")
    field = {"town": "station__town", "delegation": "delegation", "station": "station__name"}.get(
        group, "station__town"
    )
    in_office = Deputy.objects.filter(term=profile.term, level=Deputy.Level.COUNTY).exclude(
        status=Deputy.Status.ENDED
    )
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        people = in_office.select_related("station").order_by(field, "name")
        return roster_response(
            fmt,
            f"{profile.name}第{cn_number(profile.term)}届{profile.level}人大代表名册",
            [
                "姓名",
                "性别",
                "民族",
                "出生日期",
                "政治面貌",
                "工作单位及职务",
                "选区",
                "代表团",
                "联络站",
            ],
            [
                [
                    d.name,
                    d.sex,
                    d.ethnicity,
                    d.birth,
                    d.party,
                    f"{d.workplace}{d.post}",
                    d.district,
                    d.delegation,
                    d.station.name if d.station else "",
                ]
                for d in people
            ],
            note=f"共{len(people)}名 · 截至{timezone.localdate():%Y年%m月%d日}",
        )
    groups = (
        in_office.values(field)
        .annotate(n=Count("pk"), women=Count("pk", filter=Q(sex=Deputy.Sex.FEMALE)))
        .order_by(field)
    )
    return render(
        request,
        "deputies/roster.html",
        {
            "profile": profile,
            "by": group,
            "field": field,
            "groups": [(g[field] or "（未填）", g["n"], g["women"]) for g in groups],
            "figures": composition(profile.term),
        },
    )
