"""The sheets 会议, 决议决定 and 人事任免."""

from congress.ledger.sheets import Col, Sheet, by_name, register, upsert

from .models import AgendaItem, Appointment, Decision, Meeting


def save_meeting(v: dict) -> bool:
    term, seq = v.get("届次"), v.get("次数")
    obj, created = upsert(
        Meeting,
        {"name": v["会议名称"]},
        {
            "kind": v["会议类型"],
            "date": v["召开日期"],
            "term": term,
            "seq": seq,
            "place": v.get("地点", ""),
        },
    )
    agenda = v.get("议题") or []
    if agenda or not created:
        obj.agenda.all().delete()
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=obj, order=i + 1, title=title) for i, title in enumerate(agenda)
        )
    return created


def save_decision(v: dict) -> bool:
    _obj, created = upsert(
        Decision,
        {"title": v["名称"]},
        {
            "kind": v["类型"],
            "date": v["通过日期"],
            "meeting": by_name(Meeting, "会议名称", v.get("会议名称", "")),
        },
    )
    return created


def save_appointment(v: dict) -> bool:
    key = {"person": v["姓名"], "post": v["职务"], "date": v["日期"]}
    sworn = v.get("宪法宣誓", False)
    existing = Appointment.objects.filter(**key).values_list("oath_date", flat=True).first()
    _obj, created = upsert(
        Appointment,
        key,
        {
            "kind": v["任免类型"],
            "organisation": v.get("单位", ""),
            "meeting": by_name(Meeting, "会议名称", v.get("会议名称", "")),
            # The ledger says only whether the oath was sworn; keep a recorded date.
            "oath_date": (existing or v["日期"]) if sworn else None,
        },
    )
    return created


register(
    Sheet(
        "会议",
        30,
        [
            Col("会议类型", "enum", True, tuple(Meeting.Kind.values)),
            Col("会议名称", required=True),
            Col("召开日期", "date", True),
            Col("届次", "int", help="第十八届填 18"),
            Col("次数", "int", help="本届内的次数"),
            Col("地点"),
            Col("议题", "lines"),
        ],
        key=("会议名称",),
        save=save_meeting,
        dump=lambda m: {
            "会议类型": m.kind,
            "会议名称": m.name,
            "召开日期": m.date,
            "届次": m.term,
            "次数": m.seq,
            "地点": m.place,
            "议题": "；".join(a.title for a in m.agenda.all()),
        },
        year_queryset=lambda y: Meeting.objects.filter(date__year=y).order_by("date", "pk"),
        prepare=lambda qs: qs.prefetch_related("agenda"),
        fields={
            "会议类型": "kind",
            "会议名称": "name",
            "召开日期": "date",
            "届次": "term",
            "次数": "seq",
            "地点": "place",
            "议题": "agenda__title",
        },
        year_column="召开日期",
    ),
    Sheet(
        "决议决定",
        40,
        [
            Col("名称", required=True),
            Col("类型", "enum", True, tuple(Decision.Kind.values)),
            Col("通过日期", "date", True),
            Col("会议名称"),
        ],
        key=("名称",),
        save=save_decision,
        dump=lambda d: {
            "名称": d.title,
            "类型": d.kind,
            "通过日期": d.date,
            "会议名称": d.meeting.name if d.meeting else "",
        },
        year_queryset=lambda y: Decision.objects.filter(date__year=y).order_by("date", "pk"),
        prepare=lambda qs: qs.select_related("meeting"),
        fields={"名称": "title", "类型": "kind", "通过日期": "date", "会议名称": "meeting__name"},
        year_column="通过日期",
    ),
    Sheet(
        "人事任免",
        50,
        [
            Col("姓名", required=True),
            Col("任免类型", "enum", True, tuple(Appointment.Kind.values)),
            Col("职务", required=True),
            Col("单位"),
            Col("日期", "date", True),
            Col("会议名称"),
            Col("宪法宣誓", "bool"),
        ],
        key=("姓名", "职务", "日期"),
        save=save_appointment,
        dump=lambda a: {
            "姓名": a.person,
            "任免类型": a.kind,
            "职务": a.post,
            "单位": a.organisation,
            "日期": a.date,
            "会议名称": a.meeting.name if a.meeting else "",
            "宪法宣誓": "是" if a.oath_date else "否",
        },
        year_queryset=lambda y: Appointment.objects.filter(date__year=y).order_by("date", "pk"),
        prepare=lambda qs: qs.select_related("meeting"),
        fields={
            "姓名": "person",
            "任免类型": "kind",
            "职务": "post",
            "单位": "organisation",
            "日期": "date",
            "会议名称": "meeting__name",
            "宪法宣誓": "oath_date",
        },
        year_column="日期",
    ),
)
