"""Reminders on 代表建议: a reply coming due, and one overdue."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from congress.accounts.models import accounts_of
from congress.accounts.roles import CLERK
from congress.work.notify import Reminder, rule

from .models import Suggestion


def _clerks():
    return list(get_user_model().objects.filter(groups__name=CLERK, is_active=True))


@rule
def suggestions_due(today: datetime.date):
    """The lead unit's accounts, a few days before the reply deadline."""
    ahead = today + datetime.timedelta(days=settings.CONGRESS["REMIND_DAYS_AHEAD"])
    due = (
        Suggestion.objects.filter(
            state=Suggestion.State.HANDLING, deadline__gte=today, deadline__lte=ahead
        )
        .select_related("lead_unit")
        .prefetch_related("lead_unit__users")
    )
    for s in due:
        if s.lead_unit is None:
            continue
        yield Reminder(
            users=accounts_of(s.lead_unit),
            key=f"suggestion:{s.pk}:{s.round}:due",
            title=f"代表建议即将到期：{s.number} {s.title}",
            body=f"答复期限为{s.deadline:%Y年%-m月%-d日}，请按时答复。",
            link=reverse("portal_detail", args=[s.pk]),
        )


@rule
def suggestions_overdue(today: datetime.date):
    """The lead unit's accounts and the office's staff, once a reply is overdue."""
    clerks = None
    for s in (
        Suggestion.objects.overdue(today)
        .select_related("lead_unit")
        .prefetch_related("lead_unit__users")
    ):
        clerks = _clerks() if clerks is None else clerks
        title = f"代表建议已逾期：{s.number} {s.title}"
        body = f"答复期限{s.deadline:%Y年%-m月%-d日}已过，主办单位：{s.lead_unit or '未指定'}。"
        if s.lead_unit is not None:
            yield Reminder(
                accounts_of(s.lead_unit),
                f"suggestion:{s.pk}:{s.round}:overdue",
                title,
                body,
                reverse("portal_detail", args=[s.pk]),
            )
        yield Reminder(
            clerks,
            f"suggestion:{s.pk}:{s.round}:overdue",
            title,
            body,
            reverse("suggestions_detail", args=[s.pk]),
        )


@rule
def rating_awaited(today: datetime.date):
    """A reply the lead deputy has not rated: the deputy is reminded after RATE_REMIND_DAYS."""
    days = settings.CONGRESS["RATE_REMIND_DAYS"]
    waiting = Suggestion.objects.filter(
        state=Suggestion.State.ANSWERED,
        opinion="",
        reply_date__lte=today - datetime.timedelta(days=days),
        lead__user__isnull=False,
    ).select_related("lead__user")
    for s in waiting:
        yield Reminder(
            [s.lead.user],
            f"suggestion:{s.pk}:rate:{s.round}",
            f"请评价答复：{s.number} {s.title}",
            f"承办单位已于{s.reply_date:%Y年%-m月%-d日}答复，请在“我的建议”中评价。",
            reverse("deputy_suggestion", args=[s.pk]),
        )
