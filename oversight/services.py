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
    return o
