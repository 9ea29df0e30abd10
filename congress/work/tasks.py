"""Background jobs: the annual report PDF."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone


@shared_task(acks_late=True, ignore_result=True)
def send_reminders() -> int:
    """每日提醒 (Celery beat, every morning): items coming due and overdue, once per person,
    item and stage; a second run the same day sends nothing again."""
    from congress.work.notify import send_due

    return send_due(timezone.localdate())


@shared_task(acks_late=True, ignore_result=True)
def sweep_jobs() -> dict:
    """Every minute (beat): retake jobs whose worker was lost, send the ones never sent; forget
    the one-time form tokens of yesterday (a resent form arrives within seconds, not days)."""
    import datetime

    from django.utils import timezone

    from congress.records.models import Submission
    from congress.work.jobs import sweep

    done = sweep()
    cutoff = timezone.now() - datetime.timedelta(days=1)
    done["forms"] = Submission.objects.filter(created__lt=cutoff).delete()[0]
    return done
