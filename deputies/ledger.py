"""The sheets 联络站, 代表 and 代表活动."""

from django.db.models import Q

from congress.ledger.sheets import Col, RowError, Sheet, by_name, deputies_named, register, upsert

from .models import Activity, Deputy, Station


def save_station(v: dict) -> bool:
    _obj, created = upsert(
        Station,
        {"name": v["名称"]},
        {"kind": v["类型"], "town": v["所在镇街"], "built": v.get("建成日期")},
    )
    return created


def save_deputy(v: dict) -> bool:
    status = v.get("状态") or Deputy.Status.ACTIVE
    ended = v.get("终止日期")
    reason = v.get("终止原因", "")
    _obj, created = upsert(
        Deputy,
        {"name": v["姓名"], "level": v["层级"], "elected": v["当选日期"]},
        {
            "sex": v["性别"],
            "ethnicity": v.get("民族", ""),
            "birth": v.get("出生日期"),
            "party": v.get("政治面貌", ""),
            "term": v.get("届次"),
            "district": v.get("选区", ""),
            "delegation": v.get("代表团", ""),
            "station": by_name(Station, "联络站", v.get("联络站", "")),
            "category": v.get("构成类别", ""),
            "election": v["当选方式"],
            "status": status,
            "ended": ended,
            "end_reason": reason,
        },
    )
    return created


def save_activity(v: dict) -> bool:
    kind = v["类型"]
    people = deputies_named("参加代表", v["参加代表"])
    if not people:
        raise RowError("参加代表", "至少填写一名参加代表")
    obj, created = upsert(
        Activity,
        {"name": v["活动名称"], "date": v["日期"]},
        {
            "kind": kind,
            "station": by_name(Station, "联络站", v.get("联络站", "")),
            "people_met": v.get("联系群众人次") or 0,
            "problems_solved": v.get("推动解决问题数") or 0,
        },
    )
    obj.deputies.set(people)
    return created


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
    return Deputy.objects.filter(pk__in=qs.values("pk")).select_related("station").order_by("pk")


register(
    Sheet(
        "联络站",
        10,
        [
            Col("名称", required=True),
            Col("类型", "enum", True, tuple(Station.Kind.values)),
            Col("所在镇街", required=True),
            Col("建成日期", "date"),
        ],
        key=("名称",),
        save=save_station,
        dump=lambda s: {"名称": s.name, "类型": s.kind, "所在镇街": s.town, "建成日期": s.built},
        year_queryset=lambda y: Station.objects.filter(
            Q(built__year__lte=y) | Q(built__isnull=True)
        ).order_by("pk"),
        fields={"名称": "name", "类型": "kind", "所在镇街": "town", "建成日期": "built"},
        year_column="建成日期",
    ),
    Sheet(
        "代表",
        20,
        [
            Col("姓名", required=True),
            Col("性别", "enum", True, tuple(Deputy.Sex.values)),
            Col("民族"),
            Col("出生日期", "date"),
            Col("政治面貌", "enum", choices=tuple(Deputy.Party.values)),
            Col("层级", "enum", True, tuple(Deputy.Level.values)),
            Col("届次", "int"),
            Col("选区"),
            Col("代表团"),
            Col("联络站", help="“联络站”表中的名称"),
            Col("构成类别", "enum", choices=tuple(Deputy.Category.values)),
            Col("当选方式", "enum", True, tuple(Deputy.Election.values)),
            Col("当选日期", "date", True),
            Col("状态", "enum", choices=tuple(Deputy.Status.values), help="留空为正常"),
            Col("终止日期", "date"),
            Col(
                "终止原因", "enum", choices=tuple(Deputy.EndReason.values), help="仅资格终止时填写"
            ),
        ],
        key=("姓名", "层级", "当选日期"),
        save=save_deputy,
        dump=lambda d: {
            "姓名": d.name,
            "性别": d.sex,
            "民族": d.ethnicity,
            "出生日期": d.birth,
            "政治面貌": d.party,
            "层级": d.level,
            "届次": d.term,
            "选区": d.district,
            "代表团": d.delegation,
            "联络站": d.station.name if d.station else "",
            "构成类别": d.category,
            "当选方式": d.election,
            "当选日期": d.elected,
            "状态": d.status,
            "终止日期": d.ended,
            "终止原因": d.end_reason,
        },
        year_queryset=_in_office,
        prepare=lambda qs: qs.select_related("station"),
        fields={
            "姓名": "name",
            "性别": "sex",
            "民族": "ethnicity",
            "出生日期": "birth",
            "政治面貌": "party",
            "层级": "level",
            "届次": "term",
            "选区": "district",
            "代表团": "delegation",
            "联络站": "station__name",
            "构成类别": "category",
            "当选方式": "election",
            "当选日期": "elected",
            "状态": "status",
            "终止日期": "ended",
            "终止原因": "end_reason",
        },
        year_column="当选日期",
    ),
    Sheet(
        "代表活动",
        110,
        [
            Col("活动名称", required=True),
            Col("类型", "enum", True, tuple(Activity.Kind.values)),
            Col("日期", "date", True),
            Col("参加代表", "list", True),
            Col("联络站"),
            Col("联系群众人次", "int"),
            Col("推动解决问题数", "int"),
        ],
        key=("活动名称", "日期"),
        save=save_activity,
        dump=lambda a: {
            "活动名称": a.name,
            "类型": a.kind,
            "日期": a.date,
            "参加代表": "、".join(d.name for d in a.deputies.all()),
            "联络站": a.station.name if a.station else "",
            "联系群众人次": a.people_met or None,
            "推动解决问题数": a.problems_solved or None,
        },
        year_queryset=lambda y: Activity.objects.filter(date__year=y).order_by("date", "pk"),
        prepare=lambda qs: qs.select_related("station").prefetch_related("deputies"),
        fields={
            "活动名称": "name",
            "类型": "kind",
            "日期": "date",
            "参加代表": "deputies__name",
            "联络站": "station__name",
            "联系群众人次": "people_met",
            "推动解决问题数": "problems_solved",
        },
        year_column="日期",
    ),
)
