"""A deputy's to-do on their home: the activities the office opened that wait for their answer."""

from django.urls import reverse

from congress.work.todo import DEPUTY, Todo, register


def _unanswered(user, today):
    from .portal import open_activities

    return open_activities(today).exclude(enrolments__deputy__user=user)


register(
    Todo(
        "activities_unanswered",
        "待答复的活动（报名或请假）",
        DEPUTY,
        items=_unanswered,
        link=lambda user, today: reverse("deputy_activities") + "?unanswered=1",
        order=10,
    )
)
