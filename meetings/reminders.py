"""Reminders to staff before a meeting: its notice and its materials fall due."""

import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse

from congress.accounts.roles import CLERK
from congress.documents.text import cn_date
from congress.work.notify import Reminder, rule

from .services import materials_due, notice_due


def _clerks() -> list:
    return list(get_user_model().objects.filter(groups__name=CLERK, is_active=True))


@rule
def meeting_notice_due(today: datetime.date):
    clerks = _clerks()
    for meeting in notice_due(today):
        yield Reminder(
            clerks,
            f"meeting:{meeting.pk}:notice",
            f"会议通知待印发：{meeting.name}",
            f"会议定于{cn_date(meeting.date)}召开，按规定应提前印发会议通知。",
            reverse("meetings_detail", args=[meeting.pk]),
        )


@rule
def meeting_materials_due(today: datetime.date):
    clerks = _clerks()
    for meeting in materials_due(today):
        yield Reminder(
            clerks,
            f"meeting:{meeting.pk}:materials",
            f"会议材料未齐：{meeting.name}",
            f"会议定于{cn_date(meeting.date)}召开，尚有议题未提交会议材料。",
            reverse("meetings_detail", args=[meeting.pk]),
        )
