"""Workflows that span the apps."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from congress.review.models import ArchiveJob, ReportJob


def request_report(year: int, user) -> tuple[ReportJob, bool]:
    """The year's live job if there is one, else a new job (or the year's job whose worker was
    lost, taken over), sent to the worker after commit. ``job.sent`` is False when the broker
    was away: the job then waits in the outbox, and the sweeper sends it later."""
    from django.utils import timezone

    from congress.review.jobs import REPORT
    from congress.work.jobs import active_filter, enqueue_on_commit

    S = ReportJob.Status
    kind = REPORT
    live = ReportJob.objects.filter(active_filter([S.RUNNING], [S.QUEUED]), year=year).first()
    if live:
        live.sent = True
        return live, False
    outcome: dict = {}
    try:
        with transaction.atomic():
            # A job 生成中 whose lease ran out lost its worker: take it over, never join it.
            stale = ReportJob.objects.filter(
                year=year, status=S.RUNNING, lease_until__lt=timezone.now()
            ).first()
            if stale is not None:
                ReportJob.objects.filter(pk=stale.pk, status=S.RUNNING).update(
                    status=S.QUEUED,
                    enqueued=None,
                    lease_until=None,
                    step="重新排队",
                    requested_by=user,
                )
                job = stale
            else:
                job = ReportJob.objects.create(year=year, requested_by=user if user else None)
            enqueue_on_commit(job, kind, outcome)
    except IntegrityError:
        # Someone asked at the same moment: join their job.
        job = ReportJob.objects.filter(year=year, status__in=(S.QUEUED, S.RUNNING)).first()
        job.sent = True
        return job, False
    job.sent = outcome.get("sent", True)
    return job, stale is None


def request_archive(year: int, user) -> tuple[ArchiveJob, bool]:
    """The year's archive job waiting or running, else a new one sent after commit."""
    from congress.review.jobs import ARCHIVE
    from congress.work.jobs import request

    return request(ArchiveJob, ARCHIVE, user, lost="后台服务中断，已重新生成。", year=year)
