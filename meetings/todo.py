"""What waits for staff among the appointments: the constitutional oath."""

from django.urls import reverse

from congress.work.todo import STAFF, Todo, register

from .models import Appointment

register(
    Todo(
        "oath_pending",
        "尚未宪法宣誓的被任命人员",
        STAFF,
        lambda user, today: Appointment.objects.awaiting_oath(),
        lambda user, today: reverse("appointments_oath"),
        order=50,
    ),
)
