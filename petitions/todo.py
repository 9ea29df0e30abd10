"""What waits for a unit among the 信访 forwarded to it."""

from django.urls import reverse

from congress.accounts.models import unit_of
from congress.work.todo import STAFF, UNIT, Todo, register

from .kinds import petitions
from .models import Petition


def _open_for(user, today):
    unit = unit_of(user)
    if unit is None:
        return Petition.objects.none()
    return Petition.objects.filter(unit=unit).exclude(state=Petition.State.CLOSED)


register(
    Todo(
        "unit_petitions",
        "转办的信访（待办结）",
        UNIT,
        _open_for,
        lambda user, today: f"{reverse('unit_petitions')}?open=1",
        order=60,
    ),
    Todo(
        "petitions_registered",
        "已登记、待转办的信访",
        STAFF,
        lambda user, today: Petition.objects.filter(state=Petition.State.REGISTERED),
        lambda user, today: petitions.list_url(state=Petition.State.REGISTERED),
        order=70,
    ),
)
