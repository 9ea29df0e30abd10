"""A create form submitted twice (a double click, a resent request) saves one record: the form's
one-time token is taken in the same transaction as the record, automatic numbering included."""

import re
import threading

import pytest
from django.db import connection

from meetings.models import Meeting

FORMSETS = {
    "agenda-TOTAL_FORMS": "0",
    "agenda-INITIAL_FORMS": "0",
    "documents-TOTAL_FORMS": "0",
    "documents-INITIAL_FORMS": "0",
}


def _token(client) -> str:
    page = client.get("/meetings/new/").content.decode()
    return re.search(r'name="_once" value="([0-9a-f]{32})"', page).group(1)


@pytest.mark.django_db
def test_the_same_form_sent_twice_saves_once(clerk_client):
    token = _token(clerk_client)
    data = {"kind": "常委会会议", "term": "18", "date": "2025-03-18", "_once": token, **FORMSETS}
    first = clerk_client.post("/meetings/new/", data)
    second = clerk_client.post("/meetings/new/", data, follow=True)
    assert Meeting.objects.count() == 1
    meeting = Meeting.objects.get()
    assert first["Location"] == f"/meetings/{meeting.pk}/"
    assert second.redirect_chain[-1][0] == f"/meetings/{meeting.pk}/"
    assert "这份表单已经保存过，没有重复保存。" in second.content.decode()
    # A new form is a new token: the next meeting is saved and numbered on.
    data["_once"] = _token(clerk_client)
    clerk_client.post("/meetings/new/", data)
    assert sorted(Meeting.objects.values_list("seq", flat=True)) == [1, 2]


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_save_once(clerk, settings):
    """Two requests at once with one token (a double click that beat the script)."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers: the sequential case above covers it")
    from django.test import Client

    clients = [Client(), Client()]
    for c in clients:
        c.force_login(clerk)
    token = _token(clients[0])
    data = {"kind": "常委会会议", "term": "18", "date": "2025-03-18", "_once": token, **FORMSETS}
    statuses = []
    barrier = threading.Barrier(2)

    def send(c):
        barrier.wait()
        statuses.append(c.post("/meetings/new/", data).status_code)
        connection.close()

    threads = [threading.Thread(target=send, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert Meeting.objects.count() == 1 and statuses == [302, 302]


@pytest.mark.django_db
def test_a_post_without_a_token_still_saves(clerk_client):
    data = {"kind": "常委会会议", "term": "18", "date": "2025-03-18", **FORMSETS}
    assert clerk_client.post("/meetings/new/", data).status_code == 302
    assert Meeting.objects.count() == 1


@pytest.mark.django_db
def test_the_sweeper_forgets_yesterdays_form_tokens(clerk_client):
    import datetime

    from django.utils import timezone

    from congress.records.models import Submission
    from congress.work.tasks import sweep_jobs

    old = Submission.objects.create(token="a" * 32)
    Submission.objects.filter(pk=old.pk).update(created=timezone.now() - datetime.timedelta(days=2))
    fresh = Submission.objects.create(token="b" * 32)
    assert sweep_jobs()["forms"] == 1
    assert list(Submission.objects.all()) == [fresh]
