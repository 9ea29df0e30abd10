from congress.work.todo import STAFF, Todo, register

from .kinds import filings
from .models import Filing

register(
    Todo(
        "filings_unreviewed",
        "待审查的备案文件",
        STAFF,
        lambda user, today: Filing.objects.filter(state=Filing.State.FILED),
        lambda user, today: filings.list_url(state=Filing.State.FILED),
        order=90,
    )
)
