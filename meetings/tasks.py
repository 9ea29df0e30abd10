"""Background work of meetings: the pack of a meeting's materials."""

from __future__ import annotations

import logging

from celery import shared_task
from django.core.files.base import ContentFile
from django.utils import timezone

log = logging.getLogger(__name__)

FAILED = "汇编失败：出现意外错误，请稍后重试；若再次失败，请联系系统管理员。"
REPLACED = "汇编期间有材料被修改或替换，本次结果未保存，已重新排队汇编。"


@shared_task(bind=True, acks_late=True, max_retries=3, soft_time_limit=900, time_limit=960)
def build_pack(self, job_id: int) -> str:
    """Build the pack; a material changed meanwhile makes the result stale: it is not kept and
    the meeting is queued again, so that members never read a pack of materials since replaced."""
    from congress.work.jobs import Heartbeat, claim

    from . import packs
    from .models import PackJob

    S = PackJob.Status
    if not claim(
        PackJob,
        job_id,
        S.QUEUED,
        S.RUNNING,
        owner=self.request.id or "",
        started=timezone.now(),
        progress=1,
        step="准备",
    ):
        return "skipped"
    job = PackJob.objects.select_related("meeting").get(pk=job_id)
    meeting = job.meeting
    with Heartbeat(PackJob, job_id, S.RUNNING):
        try:
            before = packs.digest(meeting)
            data, pages, listed = packs.build(
                meeting,
                lambda p, step: PackJob.objects.filter(pk=job_id).update(progress=p, step=step),
            )
            if packs.digest(meeting) != before:
                PackJob.objects.filter(pk=job_id).update(
                    status=S.FAILED, step="失败", error=REPLACED, finished=timezone.now()
                )
                from .services import request_pack

                request_pack(meeting, job.requested_by)
                return "stale"
            job.file.save(f"{meeting.pk}-{job.pk}.pdf", ContentFile(data), save=False)
            PackJob.objects.filter(pk=job_id).update(
                status=S.DONE,
                progress=100,
                step="完成",
                file=job.file.name,
                pages=pages,
                listed="\n".join(listed),
                digest=before,
                finished=timezone.now(),
                lease_until=None,
            )
            return "done"
        except Exception:  # noqa: BLE001 - told on the job; the details go to the log
            log.exception("pack %s failed", job_id)
            PackJob.objects.filter(pk=job_id).update(
                status=S.FAILED, step="失败", error=FAILED, finished=timezone.now()
            )
            return "failed"
