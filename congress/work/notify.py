"""提醒: notifications in the application (the bell) and by e-mail, sent once per item and stage.

Apps declare reminder rules in ``<app>/reminders.py``: a rule yields ``Reminder``s for a day.
``send_due`` (run daily by Celery beat) delivers each one at most once to each person: the
(user, key) pair is unique, so a second run, a redelivered task or two workers racing create
nothing twice. Channels beyond the bell and e-mail (an SMS gateway) plug in through
``CONGRESS_NOTIFY_CHANNELS``: dotted paths of callables ``(user, notification) -> None``.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

from congress.registry import Registry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reminder:
    users: Iterable  # who is responsible
    key: str  # item and stage, e.g. "suggestion:12:overdue"
    title: str
    body: str = ""
    link: str = ""


Rule = Callable[[datetime.date], Iterable[Reminder]]
RULES: Registry[Rule] = Registry(
    "reminder rule", "reminders", key=lambda fn: f"{fn.__module__}.{fn.__qualname__}"
)


def rule(fn: Rule) -> Rule:
    """Declare a reminder rule (in ``<app>/reminders.py``)."""
    RULES.register(fn)
    return fn


def email_channel(user, notification) -> None:
    if not user.email:
        return
    send_mail(
        subject=f"【{_office()}】{notification.title}",
        message=f"{notification.body}\n\n{_absolute(notification.link)}".strip(),
        from_email=None,
        recipient_list=[user.email],
    )


def _office() -> str:
    from congress.accounts.models import Profile

    return Profile.get().name


def _absolute(link: str) -> str:
    base = getattr(settings, "CONGRESS_SITE_URL", "").rstrip("/")
    return f"{base}{link}" if link else ""


def channels() -> list[Callable]:
    extra = [import_string(path) for path in getattr(settings, "CONGRESS_NOTIFY_CHANNELS", [])]
    return [email_channel, *extra]


def deliver(user, key: str, title: str, body: str = "", link: str = ""):
    """The notification, created and sent once; None when this user already has it."""
    from congress.work.models import Notification

    try:
        with transaction.atomic():
            note = Notification.objects.create(
                user=user, key=key, title=title, body=body, link=link
            )
    except IntegrityError:
        return None
    for channel in channels():
        try:
            channel(user, note)
        except Exception:  # noqa: BLE001 - a mail server down must not stop the others
            log.exception("notification %s to %s by %s failed", key, user, channel)
    return note


def send_due(today: datetime.date) -> int:
    """Deliver every reminder the apps' rules give for today; the number delivered."""
    sent = 0
    for make in RULES.values():
        for reminder in make(today):
            for user in reminder.users:
                if user.is_active and deliver(
                    user, reminder.key, reminder.title, reminder.body, reminder.link
                ):
                    sent += 1
    return sent


def tell(users, key: str, title: str, body: str = "", link: str = "") -> None:
    """An event told to the people concerned (交办 to the units, 答复 to staff …): once each,
    by the bell and every channel, after the change that caused it commits."""
    people = [u for u in users if u is not None and u.is_active]

    def send() -> None:
        for user in people:
            deliver(user, key, title, body, link)

    transaction.on_commit(send)


def staff():
    """The office's clerks, who are told what units and deputies do."""
    from django.contrib.auth import get_user_model

    from congress.accounts.roles import CLERK

    return get_user_model().objects.filter(groups__name=CLERK, is_active=True)
