"""The ledger's background job: checking a workbook, then importing it once confirmed."""

from congress.ledger.models import LedgerImport
from congress.work.jobs import Kind, register

L = LedgerImport.Status
IMPORT = register(
    Kind(
        LedgerImport,
        {L.QUEUED: L.CHECKING, L.IMPORT_QUEUED: L.IMPORTING},
        "congress.ledger.tasks.run_ledger_import",
        L.FAILED,
        failure=lambda message: {"result": {"errors": [{"text": message}]}},
    )
)
