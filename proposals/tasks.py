"""The proposals app's background work (Celery)."""

from celery import shared_task
from django.utils import timezone


@shared_task(acks_late=True, ignore_result=True)
def weekly_digest() -> int:
    """每周摘要 for leadership: what is overdue, by unit, with a link to the home page."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from congress.accounts.roles import LEADER
    from congress.work.notify import deliver

    from .figures import overdue_by_unit

    today = timezone.localdate()
    year, week, _ = today.isocalendar()
    units = overdue_by_unit(today)
    total = sum(u["count"] for u in units)
    lines = [f"{u['name']}：{u['count']}件" for u in units[:10]]
    body = f"逾期未答复的代表建议共{total}件。" + (
        "其中" + "；".join(lines) + "。" if lines else ""
    )
    sent = 0
    for user in get_user_model().objects.filter(groups__name=LEADER, is_active=True):
        if deliver(
            user, f"digest:{year}-W{week:02d}", f"{year}年第{week}周工作摘要", body, reverse("home")
        ):
            sent += 1
    return sent
