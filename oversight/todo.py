"""What waits for each role among the 审议意见."""

from django.urls import reverse

from congress.accounts.models import unit_of
from congress.work.todo import LEADER, STAFF, UNIT, Todo, register

from .kinds import opinions, oversight
from .models import ReviewOpinion
from .services import opinions_to_send

register(
    Todo(
        "opinions_to_send",
        "会后待送出的审议意见",
        STAFF,
        lambda user, today: opinions_to_send(today),
        lambda user, today: oversight.list_url(opinion="pending"),
        order=36,
    ),
    Todo(
        "opinions_late",
        "逾期未送出的审议意见",
        STAFF,
        lambda user, today: opinions_to_send(today, late_only=True),
        lambda user, today: oversight.list_url(opinion="late"),
        order=37,
        urgent=True,
    ),
    Todo(
        "opinions_to_report",
        "待报告的审议意见",
        STAFF,
        lambda user, today: ReviewOpinion.objects.to_report(),
        lambda user, today: opinions.list_url(state=ReviewOpinion.State.OPEN),
        order=40,
    ),
    Todo(
        "opinions_overdue",
        "逾期未报告的审议意见",
        STAFF,
        lambda user, today: ReviewOpinion.objects.overdue(today),
        lambda user, today: opinions.list_url(overdue="true"),
        order=45,
        urgent=True,
    ),
    Todo(
        "leader_opinions_overdue",
        "逾期未报告的审议意见",
        LEADER,
        lambda user, today: ReviewOpinion.objects.overdue(today),
        lambda user, today: opinions.list_url(overdue="true"),
        order=20,
        urgent=True,
    ),
    Todo(
        "unit_opinions",
        "待报告的审议意见",
        UNIT,
        lambda user, today: (
            ReviewOpinion.objects.to_report(unit_of(user))
            if unit_of(user)
            else ReviewOpinion.objects.none()
        ),
        lambda user, today: f"{reverse('portal_opinions')}?todo=opinions",
        order=50,
    ),
)
