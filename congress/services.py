"""Workflows that span the apps."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from .models import ReportJob


def request_report(year: int, user) -> tuple[ReportJob, bool]:
    """The year's running job if there is one, else a new job enqueued after commit."""
    from .tasks import render_annual_report

    active = ReportJob.objects.filter(
        year=year, status__in=(ReportJob.Status.QUEUED, ReportJob.Status.RUNNING)
    ).first()
    if active:
        return active, False
    try:
        with transaction.atomic():
            job = ReportJob.objects.create(year=year, requested_by=user if user else None)
            render_annual_report.delay_on_commit(job.pk)
    except IntegrityError:
        # Someone asked at the same moment: join their job.
        return ReportJob.objects.get(
            year=year, status__in=(ReportJob.Status.QUEUED, ReportJob.Status.RUNNING)
        ), False
    return job, True
