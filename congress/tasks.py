"""Background jobs: the annual report PDF."""

from __future__ import annotations

import logging
import time

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.base import ContentFile
from django.db import DatabaseError, OperationalError
from django.utils import timezone

from .models import ReportJob

log = logging.getLogger(__name__)
SOFT_LIMIT = 300

S = ReportJob.Status


def claim(job_id: int) -> bool:
    """Take the job with one conditional UPDATE (congress.jobs), so a duplicated task does no
    work twice and a job whose worker died is taken over once its lease ran out."""
    from .jobs import claim as take

    return take(
        ReportJob, job_id, S.QUEUED, S.RUNNING, started=timezone.now(), progress=5, step="汇总数据"
    )


def _progress(job_id: int, progress: int, step: str) -> None:
    ReportJob.objects.filter(pk=job_id).update(progress=progress, step=step)


@shared_task(
    bind=True, acks_late=True, max_retries=3, soft_time_limit=SOFT_LIMIT, time_limit=SOFT_LIMIT + 60
)
def render_annual_report(self, job_id: int) -> str:
    """Gather the year's figures, lay out the PDF and the Word copy, store them on the job."""
    from .jobs import Heartbeat

    if not claim(job_id):
        return "skipped"
    job = ReportJob.objects.get(pk=job_id)
    with Heartbeat(ReportJob, job_id, S.RUNNING):
        return _render(self, job)


def _render(self, job: ReportJob) -> str:
    from .report.gather import checksum, gather
    from .report.render import render_pdf
    from .report.word import render_docx

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
        _fail(job_id, f"生成失败（数据库暂时不可用）：{exc}")
        return "failed"
    except Exception as exc:  # noqa: BLE001 - any other failure is final and shown on the job
        log.exception("annual report %s failed", job_id)
        _fail(job_id, f"生成失败：{exc.__class__.__name__}: {exc}")
        return "failed"


def _fail(job_id: int, message: str) -> None:
    try:
        ReportJob.objects.filter(pk=job_id).update(
            status=S.FAILED, error=message, finished=timezone.now(), step="失败"
        )
    except DatabaseError:
        log.exception("could not record the failure of report job %s", job_id)


def _ledger_claim(pk: int, ready: str, running: str) -> bool:
    from .jobs import claim as take
    from .models import LedgerImport

    return take(LedgerImport, pk, ready, running, progress=1)


@shared_task(acks_late=True, soft_time_limit=600, time_limit=660)
def run_ledger_import(pk: int, dry_run: bool) -> str:
    """Check (dry run) or write an uploaded workbook, reporting progress on the record."""
    from .models import LedgerImport

    St = LedgerImport.Status
    ready, running = (St.QUEUED, St.CHECKING) if dry_run else (St.IMPORT_QUEUED, St.IMPORTING)
    if not _ledger_claim(pk, ready, running):
        return "skipped"
    from .jobs import Heartbeat

    with Heartbeat(LedgerImport, pk, running):
        return _import(pk, dry_run, running)


def _import(pk: int, dry_run: bool, running: str) -> str:
    from .ledger.importer import import_workbook
    from .models import LedgerImport

    St = LedgerImport.Status
    record = LedgerImport.objects.get(pk=pk)

    def progress(done: int, total: int) -> None:
        LedgerImport.objects.filter(pk=pk).update(progress=max(1, min(99, done * 100 // total)))

    try:
        data = record.file.read()
        decisions = {} if dry_run else (record.result or {}).get("decisions", {})
        result = import_workbook(
            data,
            dry_run=dry_run,
            progress=progress,
            user=record.confirmed_by or record.user,
            decisions=decisions,
        )
    except Exception as exc:  # noqa: BLE001 - shown to the user on the import's page
        log.exception("ledger import %s failed", pk)
        LedgerImport.objects.filter(pk=pk).update(
            status=St.FAILED,
            finished=timezone.now(),
            result={"errors": [{"text": f"导入失败：{exc.__class__.__name__}: {exc}"}]},
        )
        return "failed"
    if result.ok:
        status = St.READY if dry_run else St.DONE
    elif dry_run and not result.errors:
        status = St.READY  # conflicts only: a person decides each one before confirming
    else:
        status = St.INVALID
    LedgerImport.objects.filter(pk=pk).update(
        status=status,
        progress=100,
        result=result.as_dict(),
        finished=timezone.now(),
        lease_until=None,
    )
    return status


@shared_task(acks_late=True, soft_time_limit=120, time_limit=150, ignore_result=True)
def warm_year(year: int) -> None:
    """Recompute a year's dashboard figures and charts into the cache after records changed."""
    from . import safecache
    from .charts import drawn
    from .figures import compute_year

    # Later changes schedule a new run rather than relying on this one.
    safecache.delete(f"congress:warm-pending:{year}")
    compute_year(year)
    drawn(year)


@shared_task(acks_late=True, ignore_result=True)
def send_reminders() -> int:
    """每日提醒 (Celery beat, every morning): items coming due and overdue, once per person,
    item and stage; a second run the same day sends nothing again."""
    from .notify import send_due

    return send_due(timezone.localdate())


@shared_task(acks_late=True, ignore_result=True)
def sweep_jobs() -> dict:
    """Every minute (beat): retake jobs whose worker was lost, send the ones never sent."""
    from .jobs import sweep

    return sweep()
