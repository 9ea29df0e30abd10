"""The meetings app's record kinds: the lists, forms and detail pages the core builds."""

from congress.records.kinds import Column, RecordKind

from . import examples
from .filters import (
    AppointmentFilter,
    AttendanceFilter,
    DecisionFilter,
    MeetingFilter,
    MemberFilter,
    VoteFilter,
)
from .forms import (
    AgendaFormSet,
    AppointmentForm,
    AttendanceForm,
    DecisionForm,
    DocumentFormSet,
    MeetingForm,
    MemberForm,
    VoteForm,
)
from .models import Appointment, Attendance, Decision, Meeting, Member, Vote


def _meeting_context(meeting: Meeting) -> dict:
    return {
        "agenda": meeting.agenda.select_related("oversight", "decision"),
        "documents": meeting.documents.all(),
        "decisions": meeting.decisions.all(),
        "appointments": meeting.appointments.all(),
        "oversight_items": meeting.oversight_items.all(),
        "attendance": meeting.attendance.select_related("member"),
        "meeting_present": meeting.attendance.filter(status="出席").count(),
        "votes": meeting.votes.all(),
    }


meetings = RecordKind(
    key="meetings",
    example=examples.meeting,
    model=Meeting,
    form=MeetingForm,
    filterset=MeetingFilter,
    queryset=lambda: Meeting.objects.all(),
    default_order="-date",
    columns=[
        Column("会议名称", "name", "name", link=True),
        Column("会议类型", "get_kind_display", "kind"),
        Column("召开日期", "date", "date"),
        Column("地点", "place"),
    ],
    formsets=[("议题", AgendaFormSet), ("会议材料", DocumentFormSet)],
    detail_template="meetings/meeting_detail.html",
    detail_fields=[
        "kind",
        "term",
        "seq",
        "name",
        "date",
        "time",
        "place",
        "guests",
        "present",
        "on_leave",
        "notes",
    ],
    detail_context=_meeting_context,
)


decisions = RecordKind(
    key="decisions",
    example=examples.decision,
    model=Decision,
    form=DecisionForm,
    filterset=DecisionFilter,
    queryset=lambda: Decision.objects.select_related("meeting").prefetch_related("votes"),
    default_order="-date",
    columns=[
        Column("名称", "title", "title", link=True),
        Column("类型", "get_kind_display", "kind"),
        Column("通过日期", "date", "date"),
        Column("会议", "meeting.name"),
        Column("表决结果", "vote_result"),
    ],
)


appointments = RecordKind(
    key="appointments",
    example=examples.appointment,
    model=Appointment,
    form=AppointmentForm,
    filterset=AppointmentFilter,
    queryset=lambda: Appointment.objects.select_related("meeting").prefetch_related("votes"),
    default_order="-date",
    columns=[
        Column("姓名", "person", "person", link=True),
        Column("任免类型", "get_kind_display", "kind"),
        Column("职务", "post"),
        Column("单位", "organisation"),
        Column("日期", "date", "date"),
        Column("表决结果", "vote_result"),
        Column("宪法宣誓", "oath_status"),
    ],
    actions=[("任免名册（PDF）", "appointments_roster"), ("待宪法宣誓", "appointments_oath")],
)


members = RecordKind(
    key="members",
    example=examples.member,
    model=Member,
    form=MemberForm,
    filterset=MemberFilter,
    queryset=lambda: Member.objects.all(),
    default_order="start",
    columns=[
        Column("姓名", "name", "name", link=True),
        Column("职务", "get_post_display", "post"),
        Column("届次", "term", "term"),
        Column("任职日期", "start", "start"),
        Column("离任日期", "end", "end"),
    ],
    actions=[("组成人员账号", "member_accounts")],
)


attendance = RecordKind(
    key="attendance",
    example=examples.attendance,
    model=Attendance,
    form=AttendanceForm,
    filterset=AttendanceFilter,
    queryset=lambda: Attendance.objects.select_related("meeting", "member"),
    default_order="-day",
    columns=[
        Column("会议", "meeting.name", link=True),
        Column("会议日期", "day", "day"),
        Column("姓名", "member.name"),
        Column("出席情况", "get_status_display", "status"),
        Column("请假事由", "reason"),
    ],
)


votes = RecordKind(
    key="votes",
    example=examples.vote,
    model=Vote,
    form=VoteForm,
    filterset=VoteFilter,
    queryset=lambda: Vote.objects.select_related("meeting"),
    default_order="-day",
    columns=[
        Column("表决事项", "item", "item", link=True),
        Column("会议", "meeting.name"),
        Column("会议日期", "day", "day"),
        Column("赞成", "yes"),
        Column("反对", "no"),
        Column("弃权", "abstain"),
        Column("结果", "result"),
    ],
)
