"""Background jobs: the annual report PDF."""

from __future__ import annotations

import logging
import re
import time

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.base import ContentFile
from django.db import DatabaseError, OperationalError
from django.utils import timezone

from congress.review.models import ReportJob

log = logging.getLogger(__name__)


SOFT_LIMIT = 300
UNFORESEEN = "生成失败：出现意外错误，请稍后重试；若再次失败，请联系系统管理员。"
CJK = re.compile("[\u4e00-\u9fff]")


S = ReportJob.Status


def claim(job_id: int, owner: str = "") -> bool:
    """Take the job with one conditional UPDATE (congress.work.jobs), so a duplicated task does no
    work twice and a job whose worker died is taken over once its lease ran out."""
    from congress.work.jobs import claim as take

    return take(
        ReportJob,
        job_id,
        S.QUEUED,
        S.RUNNING,
        owner=owner,
        started=timezone.now(),
        progress=5,
        step="汇总数据",
    )


def _progress(job_id: int, progress: int, step: str) -> None:
    ReportJob.objects.filter(pk=job_id).update(progress=progress, step=step)


@shared_task(
    bind=True, acks_late=True, max_retries=3, soft_time_limit=SOFT_LIMIT, time_limit=SOFT_LIMIT + 60
)
def render_annual_report(self, job_id: int) -> str:
    """Gather the year's figures, lay out the PDF and the Word copy, store them on the job."""
    from congress.work.jobs import Heartbeat

    if not claim(job_id, owner=self.request.id or ""):
        return "skipped"
    job = ReportJob.objects.get(pk=job_id)
    with Heartbeat(ReportJob, job_id, S.RUNNING):
        return _render(self, job)


def _render(self, job: ReportJob) -> str:
    from congress.review.gather import checksum, gather
    from congress.review.render import render_pdf
    from congress.review.word import render_docx

    job_id = job.pk
    try:
        started = time.monotonic()
        context = gather(job.year)
        digest = checksum(context)
        gathered = time.monotonic()
        _progress(job_id, 30, "排版")
        pdf, pages = render_pdf(context)
        if context.get("missing_glyphs"):
            log.warning("report %s: no font for %s", job_id, context["missing_glyphs"])
        rendered = time.monotonic()
        _progress(job_id, 85, "生成 Word 文档")
        docx = render_docx(context["review"])
        _progress(job_id, 90, "保存")
        job.pdf.save(f"{job.year}年度工作综述-{job.pk}.pdf", ContentFile(pdf), save=False)
        job.docx.save(f"{job.year}年度工作综述-{job.pk}.docx", ContentFile(docx), save=False)
        ReportJob.objects.filter(pk=job_id).update(
            status=S.DONE,
            progress=100,
            step="完成",
            pdf=job.pdf.name,
            docx=job.docx.name,
            checksum=digest,
            pages=pages,
            finished=timezone.now(),
            error="",
            lease_until=None,
            gather_ms=int((gathered - started) * 1000),
            render_ms=int((rendered - gathered) * 1000),
        )
        return "done"
    except SoftTimeLimitExceeded:
        _fail(job_id, "生成超时：报告排版超过了允许的时间，请稍后重试或联系管理员。")
        return "failed"
    except (OperationalError, ConnectionError) as exc:
        # Transient (the database restarting, a lost connection): put it back and retry.
        if self.request.retries < self.max_retries:
            try:
                ReportJob.objects.filter(pk=job_id).update(
                    status=S.QUEUED, step="等待重试", lease_until=None
                )
            except DatabaseError:
                # The database is still away: the lease runs out and the sweeper retakes the job.
                log.warning("report %s: could not mark for retry", job_id)
            raise self.retry(exc=exc, countdown=2 ** (self.request.retries + 1)) from exc
        _fail(job_id, "生成失败：数据库暂时不可用，请稍后重试。")
        return "failed"
    except Exception as exc:  # noqa: BLE001 - any other failure is final and shown on the job
        log.exception("annual report %s failed", job_id)
        # Our own errors speak Chinese and are shown; anything else only in the log.
        said = str(exc) if CJK.search(str(exc)) else ""
        _fail(job_id, f"生成失败：{said}" if said else UNFORESEEN)
        return "failed"


def _fail(job_id: int, message: str) -> None:
    try:
        ReportJob.objects.filter(pk=job_id).update(
            status=S.FAILED, error=message, finished=timezone.now(), step="失败"
        )
    except DatabaseError:
        log.exception("could not record the failure of report job %s", job_id)


@shared_task(bind=True, acks_late=True, max_retries=3, soft_time_limit=1800, time_limit=1900)
def build_archive(self, job_id: int) -> str:
    """The year's printed documents as one zip, stored on the job."""
    from congress.documents.archive import zipped
    from congress.review.models import ArchiveJob
    from congress.work.jobs import Heartbeat
    from congress.work.jobs import claim as take

    A = ArchiveJob.Status
    if not take(
        ArchiveJob,
        job_id,
        A.QUEUED,
        A.RUNNING,
        owner=self.request.id or "",
        started=timezone.now(),
        progress=5,
        step="准备",
    ):
        return "skipped"
    job = ArchiveJob.objects.get(pk=job_id)
    with Heartbeat(ArchiveJob, job_id, A.RUNNING):
        try:
            data, entries = zipped(
                job.year,
                progress=lambda label: ArchiveJob.objects.filter(pk=job_id).update(
                    step=f"排版{label}", progress=50
                ),
            )
            job.file.save(f"{job.year}年度归档-{job.pk}.zip", ContentFile(data), save=False)
            ArchiveJob.objects.filter(pk=job_id).update(
                status=A.DONE,
                progress=100,
                step="完成",
                file=job.file.name,
                files=len(entries),
                pages=sum(e.pages or 0 for e in entries),
                finished=timezone.now(),
                lease_until=None,
            )
            return "done"
        except Exception:  # noqa: BLE001 - shown on the job; the details go to the log
            log.exception("archive %s failed", job_id)
            ArchiveJob.objects.filter(pk=job_id).update(
                status=A.FAILED, step="失败", error=UNFORESEEN, finished=timezone.now()
            )
            return "failed"
