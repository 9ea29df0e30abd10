"""Background jobs: the annual report PDF."""

from __future__ import annotations

import logging

from celery import shared_task
from django.utils import timezone

log = logging.getLogger(__name__)
# What a person is told when an import stops on something unforeseen (the log has the details).
IMPORT_FAILED = (
    "导入失败：处理工作簿时出现意外错误，没有写入任何内容。请检查工作簿，或把它交给系统管理员。"
)


def _ledger_claim(pk: int, ready: str, running: str, owner: str = "") -> bool:
    from congress.ledger.models import LedgerImport
    from congress.work.jobs import claim as take

    return take(LedgerImport, pk, ready, running, owner=owner, progress=1)


@shared_task(acks_late=True, soft_time_limit=600, time_limit=660)
def run_ledger_import(pk: int, dry_run: bool) -> str:
    """Check (dry run) or write an uploaded workbook, reporting progress on the record."""
    from congress.ledger.models import LedgerImport

    St = LedgerImport.Status
    ready, running = (St.QUEUED, St.CHECKING) if dry_run else (St.IMPORT_QUEUED, St.IMPORTING)
    if not _ledger_claim(pk, ready, running):
        return "skipped"
    from congress.work.jobs import Heartbeat

    with Heartbeat(LedgerImport, pk, running):
        return _import(pk, dry_run, running)


def _import(pk: int, dry_run: bool, running: str) -> str:
    from congress.ledger.importer import import_workbook
    from congress.ledger.models import LedgerImport

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
    except Exception:  # noqa: BLE001 - shown to the user on the import's page
        log.exception("ledger import %s failed", pk)
        LedgerImport.objects.filter(pk=pk).update(
            status=St.FAILED,
            finished=timezone.now(),
            result={"errors": [{"text": IMPORT_FAILED}]},
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
