"""Reminders on 审议意见: a report coming due, and one overdue."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from congress.accounts.models import accounts_of
from congress.accounts.roles import CLERK
from congress.work.notify import Reminder, rule

from .models import ReviewOpinion


@rule
def opinions_due(today: datetime.date):
    ahead = today + datetime.timedelta(days=settings.CONGRESS["REMIND_DAYS_AHEAD"])
    due = ReviewOpinion.objects.to_report().filter(deadline__gte=today, deadline__lte=ahead)
    for o in due.select_related("unit").prefetch_related("unit__users"):
        if o.unit is None:
            continue
        yield Reminder(
            accounts_of(o.unit),
            f"opinion:{o.pk}:due",
            f"审议意见即将到期：{o.name}",
            f"研究处理情况报告的期限为{o.deadline:%Y年%-m月%-d日}。",
            reverse("portal_opinion", args=[o.pk]),
        )


@rule
def opinions_overdue(today: datetime.date):
    clerks = list(get_user_model().objects.filter(groups__name=CLERK, is_active=True))
    for o in (
        ReviewOpinion.objects.overdue(today).select_related("unit").prefetch_related("unit__users")
    ):
        title = f"审议意见逾期未报告：{o.name}"
        body = f"期限{o.deadline:%Y年%-m月%-d日}已过，办理机关：{o.body}。"
        if o.unit is not None:
            yield Reminder(
                accounts_of(o.unit),
                f"opinion:{o.pk}:overdue",
                title,
                body,
                reverse("portal_opinion", args=[o.pk]),
            )
        yield Reminder(
            clerks, f"opinion:{o.pk}:overdue", title, body, reverse("opinions_detail", args=[o.pk])
        )
