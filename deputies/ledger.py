"""The sheets 联络站, 代表 and 代表活动."""

from django.db.models import Q

from congress.ledger.sheets import Col, Sheet, register

from .models import Activity, Deputy, Station


def deputy_col(header: str, field_path: str, **kw) -> Col:
    """A column naming deputies: by name, the one still in office among namesakes."""
    return Col(
        header,
        field_path,
        missing="找不到代表“{name}”：应在“代表”表中或已录入系统",
        ambiguous="有多名代表叫“{name}”，无法确定是哪一位",
        pick=lambda found, _row: _in_office_only(found),
        **kw,
    )


def _in_office_only(found: list):
    # A by-elected namesake may share the name: prefer the one still in office.
    active = [d for d in found if d.status != Deputy.Status.ENDED]
    return active[0] if len(active) == 1 else None


def _in_office(year: int):
    """Deputies in office at some point of the year, and anyone the year's records name."""
    from datetime import date

    end, start = date(year, 12, 31), date(year, 1, 1)
    named = (
        Q(activities__date__year=year)
        | Q(suggestions_led__date__year=year)
        | Q(suggestions_cosigned__date__year=year)
        | Q(visits__date__year=year)
    )
    qs = Deputy.objects.filter(
        Q(elected__lte=end) & (Q(ended__isnull=True) | Q(ended__gte=start)) | named
    )
    return Deputy.objects.filter(pk__in=qs.values("pk")).order_by("pk")


register(
    Sheet(
        "联络站",
        10,
        Station,
        [
            Col("名称", "name", required=True),
            Col("类型", "kind", required=True),
            Col("所在镇街", "town", required=True),
            Col("建成日期", "built"),
        ],
        key=("名称",),
        year_queryset=lambda y: Station.objects.filter(
            Q(built__year__lte=y) | Q(built__isnull=True)
        ).order_by("pk"),
        year_column="建成日期",
    ),
    Sheet(
        "代表",
        20,
        Deputy,
        [
            Col("姓名", "name", required=True),
            Col("性别", "sex", required=True),
            Col("民族", "ethnicity"),
            Col("出生日期", "birth"),
            Col("政治面貌", "party"),
            Col("层级", "level", required=True),
            Col("届次", "term"),
            Col("选区", "district"),
            Col("代表团", "delegation"),
            Col("联络站", "station__name", help="“联络站”表中的名称"),
            Col("构成类别", "category"),
            Col("当选方式", "election", required=True),
            Col("当选日期", "elected", required=True),
            Col("状态", "status", help="留空为正常", default=Deputy.Status.ACTIVE),
            Col("终止日期", "ended"),
            Col("终止原因", "end_reason", help="仅资格终止时填写"),
        ],
        key=("姓名", "层级", "当选日期"),
        year_queryset=_in_office,
        year_column="当选日期",
    ),
    Sheet(
        "代表活动",
        110,
        Activity,
        [
            Col("活动名称", "name", required=True),
            Col("类型", "kind", required=True),
            Col("日期", "date", required=True),
            deputy_col("参加代表", "deputies__name", required=True),
            Col("联络站", "station__name"),
            Col("联系群众人次", "people_met"),
            Col("推动解决问题数", "problems_solved"),
        ],
        key=("活动名称", "日期"),
        year_queryset=lambda y: Activity.objects.filter(date__year=y).order_by("date", "pk"),
        year_column="日期",
    ),
)
