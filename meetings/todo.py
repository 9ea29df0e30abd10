"""What waits for staff among the appointments: the constitutional oath."""

from django.urls import reverse

from congress.work.todo import STAFF, Todo, register

from .kinds import meetings
from .models import Appointment
from .services import materials_due, notice_due

register(
    Todo(
        "oath_pending",
        "尚未宪法宣誓的被任命人员",
        STAFF,
        lambda user, today: Appointment.objects.awaiting_oath(),
        lambda user, today: reverse("appointments_oath"),
        order=50,
    ),
    Todo(
        "meeting_notice_due",
        "会议通知待印发",
        STAFF,
        lambda user, today: notice_due(today),
        lambda user, today: meetings.list_url(pending="notice"),
        order=12,
        urgent=True,
    ),
    Todo(
        "meeting_materials_due",
        "会议材料未齐",
        STAFF,
        lambda user, today: materials_due(today),
        lambda user, today: meetings.list_url(pending="materials"),
        order=14,
    ),
)
