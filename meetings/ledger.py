"""The sheets 会议, 决议决定 and 人事任免."""

from congress.ledger.sheets import Col, Sheet, register, yes

from .models import Appointment, Decision, Meeting


def _number_meetings(meeting: Meeting, values: dict, writer) -> None:
    # 次数 left empty: the next number in its 届, counting the rows above in this workbook.
    if meeting.term and not meeting.seq:
        taken = writer.shared.setdefault("seq", {})
        group = (meeting.kind, meeting.term)
        meeting.seq = max(taken.get(group, 0) + 1, meeting.next_seq())
        taken[group] = meeting.seq


def _oath(appointment: Appointment, sworn: bool, values: dict) -> None:
    # The ledger says only whether the oath was sworn; keep a recorded date.
    appointment.oath_date = (appointment.oath_date or values.get("日期")) if sworn else None


register(
    Sheet(
        "会议",
        30,
        Meeting,
        [
            Col("会议类型", "kind", required=True),
            Col("会议名称", "name", required=True),
            Col("召开日期", "date", required=True),
            Col("届次", "term", help="第十八届填 18"),
            Col("次数", "seq", help="本届内的次数"),
            Col("地点", "place"),
            Col("议题", "agenda__title"),
        ],
        key=("会议名称",),
        year_queryset=lambda y: Meeting.objects.filter(date__year=y).order_by("date", "pk"),
        year_column="召开日期",
        adjust=_number_meetings,
    ),
    Sheet(
        "决议决定",
        40,
        Decision,
        [
            Col("名称", "title", required=True),
            Col("类型", "kind", required=True),
            Col("通过日期", "date", required=True),
            Col("会议名称", "meeting__name"),
        ],
        key=("名称",),
        year_queryset=lambda y: Decision.objects.filter(date__year=y).order_by("date", "pk"),
        year_column="通过日期",
    ),
    Sheet(
        "人事任免",
        50,
        Appointment,
        [
            Col("姓名", "person", required=True),
            Col("任免类型", "kind", required=True),
            Col("职务", "post", required=True),
            Col("单位", "organisation"),
            Col("日期", "date", required=True),
            Col("会议名称", "meeting__name"),
            Col(
                "宪法宣誓",
                "oath_date",
                kind="bool",
                get=lambda a: yes(a.oath_date),
                put=_oath,
            ),
        ],
        key=("姓名", "职务", "日期"),
        year_queryset=lambda y: Appointment.objects.filter(date__year=y).order_by("date", "pk"),
        year_column="日期",
    ),
)
