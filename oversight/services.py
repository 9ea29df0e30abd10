"""Workflows of the oversight work: a body's report on a review opinion."""

from __future__ import annotations

import datetime

from django.db import transaction

from .models import ReviewOpinion


class ReportRefused(ValueError):
    """The opinion cannot take a report now; the message says why, in Chinese."""


@transaction.atomic
def report(
    opinion: ReviewOpinion, *, date: datetime.date, text: str, file=None, attachments=()
) -> ReviewOpinion:
    """研究处理情况报告: the body reports how it handled the opinion. The row is locked, so two
    reports sent at once (two colleagues, a double click) make one report, never two."""
    o = ReviewOpinion.objects.select_for_update().get(pk=opinion.pk)
    if o.state != ReviewOpinion.State.OPEN:
        raise ReportRefused(f"该意见当前状态为“{o.state}”，不能再提交报告。")
    o.report_date, o.report_text = date, text.strip()
    if file:
        o.report_file = file
    o.state = ReviewOpinion.State.REPORTED
    o.save()
    for upload in attachments:
        o.documents.create(title=upload.name[:200], file=upload, reported=True)
    from django.urls import reverse

    from congress.work.notify import staff, tell

    tell(
        staff(),
        f"opinion:{o.pk}:reported",
        f"已报告研究处理情况：{o.name}",
        f"{o.body}于{o.report_date:%Y年%-m月%-d日}报告。",
        reverse("opinions_detail", args=[o.pk]),
    )
    return o


# --- 审议意见 after a meeting --------------------------------------------------------------------

HEARD = ("专项工作报告", "执法检查", "专题询问")


def opinions_to_send(today, late_only: bool = False):
    """Work heard at a meeting this year whose 审议意见 has not gone to its body yet; with
    ``late_only``, those past OPINION_WORKING_DAYS working days after the meeting."""
    from django.conf import settings

    from congress.work.workdays import deadline

    from .models import OversightItem

    heard = OversightItem.objects.filter(
        kind__in=HEARD,
        meeting__isnull=False,
        meeting__date__lte=today,
        meeting__date__year=today.year,
        opinions__isnull=True,
    )
    if not late_only:
        return heard
    days = settings.CONGRESS["OPINION_WORKING_DAYS"]
    late = [
        i.pk
        for i in heard.select_related("meeting").only("pk", "meeting__date")
        if deadline(i.meeting.date, days).day < today
    ]
    return OversightItem.objects.filter(pk__in=late)


@transaction.atomic
def draft_opinions(meeting, today: datetime.date) -> list:
    """审议意见 drafted for each work heard at the meeting that has none yet: named after it,
    addressed to its body, dated today; staff then write the points and send it."""
    from .models import OversightItem, ReviewOpinion

    made = []
    heard = OversightItem.objects.filter(meeting=meeting, kind__in=HEARD, opinions__isnull=True)
    for item in heard.order_by("date", "pk"):
        body = item.get_organ_display() if item.organ else (item.department or "有关单位")
        subject = item.name.removeprefix("关于")
        if subject.endswith("的报告"):
            subject = subject[:-3] + "报告"  # 关于就业工作情况报告的审议意见
        name = f"关于{subject}的审议意见"
        if ReviewOpinion.objects.filter(name=name).exists():
            continue
        opinion = ReviewOpinion(
            name=name,
            category=ReviewOpinion.Category.REVIEW,
            source=item,
            date=today,
            body=f"区{body}" if item.organ and not body.startswith("区") else body,
        )
        opinion.full_clean()
        opinion.save()
        made.append(opinion)
    return made
