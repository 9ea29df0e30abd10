"""The sheets 会议, 决议决定 and 人事任免."""

import datetime

from django.db.models import Q

from congress.ledger.sheets import Col, Refusal, Sheet, register, yes

from .models import Appointment, Attendance, Decision, Meeting, Member, Vote, quorum_problem


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


# --- format 3: 组成人员, 会议出席, 表决 --------------------------------------------------------


def _serving_pick(found: list, row: dict):
    # Two members of one name (two 届): the one serving on the meeting's day.
    meeting = Meeting.objects.filter(name=row.get("会议名称")).first()
    if meeting is None:
        return None
    serving = [
        m for m in found if m.start <= meeting.date and (m.end is None or m.end >= meeting.date)
    ]
    return serving[0] if len(serving) == 1 else None


def _year_members(year: int):
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return (
        Member.objects.filter(start__lte=last)
        .filter(Q(end__isnull=True) | Q(end__gte=first))
        .order_by("term", "start", "pk")
    )


def _refusal_records(kind: str) -> dict[str, str]:
    """A meeting of the 18th 届 and its one member, for the refusals below."""
    meeting = Meeting.objects.create(kind=kind, term=18, seq=1, date=datetime.date(2025, 3, 1))
    member = Member.objects.create(
        name="王委员", post=Member.Post.MEMBER, term=18, start=datetime.date(2021, 10, 1)
    )
    return {"MEETING": str(meeting.pk), "MEMBER": str(member.pk)}


def _attendance_judged_together(row: Attendance, values: dict, writer) -> None:
    # The quorum is judged over all the meeting's rows once the sheet is written (verify).
    row.judged_together = True


def _quorum(written: list) -> list[tuple[int, str, str]]:
    """A 常委会会议 whose rows show no more than half of its serving members present is
    refused, at the meeting's last row in the sheet."""
    last_row: dict = {}
    for number, row in written:
        last_row[row.meeting_id] = number
    problems = []
    for meeting in Meeting.objects.filter(pk__in=list(last_row)):
        meeting.count_attendance()
        message = quorum_problem(meeting)
        if message:
            problems.append((last_row[meeting.pk], "出席情况", message))
    return problems


register(
    Sheet(
        "组成人员",
        55,
        Member,
        [
            Col("姓名", "name", required=True),
            Col("职务", "post", required=True),
            Col("届次", "term", required=True, help="第十八届填 18"),
            Col("任职日期", "start", required=True),
            Col("离任日期", "end", help="留空：仍在任"),
        ],
        key=("姓名", "届次"),
        year_queryset=_year_members,
        year_column="任职日期",
        refusals=(
            Refusal(
                [
                    ["姓名", "职务", "届次", "任职日期", "离任日期"],
                    ["李离任", "委员", 18, "2022-01-10", "2021-12-01"],
                ],
                {
                    "name": "李离任",
                    "post": "委员",
                    "term": "18",
                    "start": "2022-01-10",
                    "end": "2021-12-01",
                },
                "离任日期不能早于任职日期。",
            ),
        ),
    ),
    Sheet(
        "会议出席",
        56,
        Attendance,
        [
            Col("会议名称", "meeting__name", required=True),
            Col(
                "姓名",
                "member__name",
                required=True,
                pick=lambda found, row: _serving_pick(found, row),
            ),
            Col("出席情况", "status", required=True),
            Col("请假事由", "reason"),
        ],
        key=("会议名称", "姓名"),
        year_queryset=lambda y: Attendance.objects.filter(day__year=y).order_by(
            "day", "meeting", "pk"
        ),
        # A row is in the year of its meeting.
        year_column="会议名称",
        adjust=_attendance_judged_together,
        verify=_quorum,
        refusals=(
            Refusal(
                [
                    ["会议名称", "姓名", "出席情况", "请假事由"],
                    ["区第十八届人大常委会第一次主任会议", "王委员", "出席", "出差"],
                ],
                {"meeting": "MEETING", "member": "MEMBER", "status": "出席", "reason": "出差"},
                "只有请假时填写请假事由。",
                setup=lambda: _refusal_records(Meeting.Kind.CHAIRMAN),
            ),
        ),
    ),
    Sheet(
        "表决",
        57,
        Vote,
        [
            Col("会议名称", "meeting__name", required=True),
            Col("表决事项", "item", required=True),
            Col("赞成", "yes", required=True),
            Col("反对", "no", required=True),
            Col("弃权", "abstain", required=True),
            Col("未按表决器", "silent"),
        ],
        key=("会议名称", "表决事项"),
        year_queryset=lambda y: Vote.objects.filter(day__year=y).order_by("day", "meeting", "pk"),
        year_column="会议名称",
        refusals=(
            Refusal(
                [
                    ["会议名称", "表决事项", "赞成", "反对", "弃权"],
                    ["区第十八届人大常委会第一次会议", "关于某事项的决定", 5, 0, 0],
                ],
                {
                    "meeting": "MEETING",
                    "item": "关于某事项的决定",
                    "yes": "5",
                    "no": "0",
                    "abstain": "0",
                    "silent": "0",
                },
                "赞成、反对、弃权和未按表决器共5票，超过了当日全体组成人员1人。",
                setup=lambda: _refusal_records(Meeting.Kind.STANDING),
            ),
        ),
    ),
)
