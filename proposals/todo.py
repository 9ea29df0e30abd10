"""What waits for each role among the 代表建议."""

import datetime

from django.urls import reverse

from congress.accounts.models import unit_of
from congress.work.todo import LEADER, STAFF, UNIT, Todo, register, week_end

from .kinds import suggestions
from .models import Suggestion, SuggestionQuerySet

S = Suggestion.State


def _unit(user):
    return unit_of(user)


def _waiting(stage: str):
    def items(user, today):
        unit = _unit(user)
        if unit is None:
            return Suggestion.objects.none()
        return Suggestion.objects.waiting_for(unit, stage, today)

    return items


def _this_week(user, today):
    return Suggestion.objects.filter(
        state=S.HANDLING, deadline__gte=today, deadline__lte=week_end(today)
    )


def _this_week_link(user, today):
    after_sunday = week_end(today) + datetime.timedelta(days=1)
    return suggestions.list_url(
        state=S.HANDLING, deadline_after=today.isoformat(), deadline_before=after_sunday.isoformat()
    )


register(
    Todo(
        "suggestions_new",
        "待交办的代表建议",
        STAFF,
        lambda user, today: Suggestion.objects.filter(state=S.NEW),
        lambda user, today: suggestions.list_url(state=S.NEW),
        order=10,
    ),
    Todo(
        "suggestions_this_week",
        "本周到期的答复",
        STAFF,
        _this_week,
        _this_week_link,
        order=20,
    ),
    Todo(
        "suggestions_overdue",
        "逾期未答复的代表建议",
        STAFF,
        lambda user, today: Suggestion.objects.overdue(today),
        lambda user, today: suggestions.list_url(overdue="true"),
        order=30,
        urgent=True,
    ),
    Todo(
        "leader_suggestions_overdue",
        "逾期未答复的代表建议",
        LEADER,
        lambda user, today: Suggestion.objects.overdue(today),
        lambda user, today: suggestions.list_url(overdue="true"),
        order=10,
        urgent=True,
    ),
    *[
        Todo(
            f"unit_{stage}",
            label,
            UNIT,
            _waiting(stage),
            lambda user, today, stage=stage: f"{reverse('portal')}?todo={stage}",
            order=10 + i,
            urgent=stage in ("overdue", "again"),
        )
        for i, (stage, label) in enumerate(SuggestionQuerySet.UNIT_STAGES.items())
    ],
)


def _submitted(user, today):
    from .models import Draft

    return Draft.objects.filter(state=Draft.State.SUBMITTED)


register(
    Todo(
        "drafts_submitted",
        "代表提交的建议待审查",
        STAFF,
        _submitted,
        lambda user, today: reverse("drafts_review"),
        order=5,
    )
)


register(
    Todo(
        "suggestions_unrated",
        "答复后久未评价的建议",
        STAFF,
        lambda user, today: Suggestion.objects.unrated(today),
        lambda user, today: suggestions.list_url(unrated="true"),
        order=28,
    )
)
