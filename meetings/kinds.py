"""The meetings app's record kinds: the lists, forms and detail pages the core builds."""

from congress.records.kinds import Column, RecordKind

from . import examples
from .filters import AppointmentFilter, DecisionFilter, MeetingFilter
from .forms import AgendaFormSet, AppointmentForm, DecisionForm, DocumentFormSet, MeetingForm
from .models import Appointment, Decision, Meeting


def _meeting_context(meeting: Meeting) -> dict:
    return {
        "agenda": meeting.agenda.select_related("oversight", "decision"),
        "documents": meeting.documents.all(),
        "decisions": meeting.decisions.all(),
        "appointments": meeting.appointments.all(),
        "oversight_items": meeting.oversight_items.all(),
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
    detail_fields=["kind", "term", "seq", "name", "date", "place", "present", "on_leave", "notes"],
    detail_context=_meeting_context,
)


decisions = RecordKind(
    key="decisions",
    example=examples.decision,
    model=Decision,
    form=DecisionForm,
    filterset=DecisionFilter,
    queryset=lambda: Decision.objects.select_related("meeting"),
    default_order="-date",
    columns=[
        Column("名称", "title", "title", link=True),
        Column("类型", "get_kind_display", "kind"),
        Column("通过日期", "date", "date"),
        Column("会议", "meeting.name"),
    ],
)


appointments = RecordKind(
    key="appointments",
    example=examples.appointment,
    model=Appointment,
    form=AppointmentForm,
    filterset=AppointmentFilter,
    queryset=lambda: Appointment.objects.select_related("meeting"),
    default_order="-date",
    columns=[
        Column("姓名", "person", "person", link=True),
        Column("任免类型", "get_kind_display", "kind"),
        Column("职务", "post"),
        Column("单位", "organisation"),
        Column("日期", "date", "date"),
        Column("宪法宣誓", "oath_status"),
    ],
    actions=[("任免名册（PDF）", "appointments_roster"), ("待宪法宣誓", "appointments_oath")],
)
