"""The ledger's to-do on the staff home: imports checked and waiting to be confirmed."""

from django.urls import reverse

from congress.ledger.models import LedgerImport
from congress.work.todo import STAFF, Todo, register


def _imports_waiting(user, today):
    return LedgerImport.objects.filter(status=LedgerImport.Status.READY)


def _imports_link(user, today):
    return f"{reverse('ledger')}?status=待确认"


register(
    Todo(
        "imports_ready",
        "检查通过、待确认的台账导入",
        STAFF,
        _imports_waiting,
        _imports_link,
        order=60,
    )
)
