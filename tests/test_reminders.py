"""提醒: reminders coming due and overdue, once per person, item and stage; the bell; beat."""

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from congress.work.models import Notification
from congress.work.notify import send_due
from oversight.models import ReviewOpinion
from proposals.models import Suggestion
from proposals.tasks import weekly_digest
from tests import factories as f

D = datetime.date
TODAY = D(2025, 6, 10)
S = Suggestion.State
SENT = []


def sms(user, notification):
    """A stand-in SMS gateway plugged in through CONGRESS_NOTIFY_CHANNELS."""
    SENT.append((user.username, notification.title))


@pytest.fixture
def items(db, unit, unit_user, clerk, leader):
    unit_user.email = "unit@example.org"
    unit_user.save()
    lead = f.deputy("张明远")
    due = f.suggestion(
        "1", lead, state=S.HANDLING, lead_unit=unit, assigned=D(2025, 3, 1), deadline=D(2025, 6, 12)
    )
    late = f.suggestion(
        "2", lead, state=S.HANDLING, lead_unit=unit, assigned=D(2025, 2, 1), deadline=D(2025, 6, 1)
    )
    f.suggestion("3", lead, state=S.HANDLING, lead_unit=unit, deadline=D(2025, 7, 30))  # not yet
    f.suggestion("4", lead, state=S.CLOSED, lead_unit=unit, deadline=D(2025, 6, 1))  # done
    ReviewOpinion.objects.create(
        name="意见一", date=D(2025, 3, 1), body="区政府", unit=unit, deadline=D(2025, 6, 11)
    )
    return due, late


def test_due_and_overdue_reach_the_responsible_people_once(items, unit_user, clerk, leader):
    due, late = items
    assert send_due(TODAY) == 4  # unit: 1 due, 1 overdue, 1 opinion due; clerk: 1 overdue
    titles = set(Notification.objects.filter(user=unit_user).values_list("title", flat=True))
    assert titles == {
        f"代表建议即将到期：{due.number} {due.title}",
        f"代表建议已逾期：{late.number} {late.title}",
        "审议意见即将到期：意见一",
    }
    assert Notification.objects.filter(user=clerk).count() == 1
    assert not Notification.objects.filter(user=leader).exists()
    assert len(mail.outbox) == 3 and mail.outbox[0].to == ["unit@example.org"]
    # The next morning: nothing new for the same items and stages.
    assert send_due(TODAY + datetime.timedelta(days=1)) == 0
    assert len(mail.outbox) == 3


def test_a_second_handling_is_a_new_stage(items, unit_user):
    _due, late = items
    send_due(TODAY)
    Suggestion.objects.filter(pk=late.pk).update(round=2)
    assert send_due(TODAY) == 2  # the unit and the clerk, for the second round


def test_another_channel_plugs_in(items, settings):
    settings.CONGRESS_NOTIFY_CHANNELS = ["tests.test_reminders.sms"]
    SENT.clear()
    send_due(TODAY)
    assert ("unit", "审议意见即将到期：意见一") in SENT


def test_a_failing_channel_does_not_stop_the_others(items, settings, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("congress.work.notify.send_mail", broken)
    assert send_due(TODAY) == 4
    assert Notification.objects.count() == 4


def test_the_bell_and_the_notifications_page(items, unit_user, unit_client, clerk_client):
    send_due(TODAY)
    home = unit_client.get(reverse("portal")).content.decode()
    assert "data-unread>3<" in home
    page = unit_client.get(reverse("notifications")).content.decode()
    assert "审议意见即将到期：意见一" in page
    note = Notification.objects.filter(user=unit_user).order_by("pk").first()
    opened = unit_client.get(reverse("notification_open", args=[note.pk]))
    assert opened.status_code == 302 and opened["Location"] == note.link
    note.refresh_from_db()
    assert note.read is not None
    assert "data-unread>2<" in unit_client.get(reverse("portal")).content.decode()
    # Someone else's reminder is a 404.
    assert clerk_client.get(reverse("notification_open", args=[note.pk])).status_code == 404
    assert unit_client.post(reverse("notifications")).status_code == 302
    assert not Notification.objects.filter(user=unit_user, read__isnull=True).exists()
    assert unit_client.delete(reverse("notifications")).status_code == 405


def test_an_outside_link_is_never_followed(db, clerk, clerk_client):
    note = Notification.objects.create(user=clerk, key="x", title="t", link="https://evil.example/")
    response = clerk_client.get(reverse("notification_open", args=[note.pk]))
    assert response["Location"] == reverse("notifications")


def test_the_weekly_digest_reaches_leadership_once_a_week(items, leader, clerk):
    assert weekly_digest.apply().get() == 1
    assert weekly_digest.apply().get() == 0
    note = Notification.objects.get(user=leader)
    assert note.title.endswith("周工作摘要") and "逾期未答复的代表建议共" in note.body


def test_the_beat_schedule_names_real_tasks(settings):
    from congress.celery import app

    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]


@pytest.mark.real_worker
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (CI sets it)")
def test_beat_and_a_real_worker_send_the_days_reminders(items, unit_user, settings, tmp_path):
    """celery beat (a process of its own) schedules the reminders; a real worker sends them."""
    from celery.contrib.testing.worker import start_worker
    from django.db import connection

    from congress.celery import app

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        pytest.skip("beat and the test share the database only on PostgreSQL")
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    from django.utils import timezone

    Suggestion.objects.filter(deadline=D(2025, 6, 12)).update(deadline=timezone.localdate())
    root = Path(__file__).resolve().parents[1]
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "CONGRESS_REMINDER_EVERY": "1",
        "DJANGO_DATA_DIR": str(tmp_path),
        "DJANGO_SECRET_KEY": "beat-test-" + "x" * 40,
    }
    connection.close()
    beat = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "congress",
            "beat",
            "-l",
            "warning",
            "-s",
            str(tmp_path / "schedule"),
        ],
        cwd=root,
        env=env,
    )
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if Notification.objects.filter(user=unit_user).exists():
                    break
                time.sleep(0.5)
    finally:
        beat.terminate()
        beat.wait(10)
    titles = set(Notification.objects.filter(user=unit_user).values_list("title", flat=True))
    assert any(t.startswith("代表建议即将到期") for t in titles), titles
