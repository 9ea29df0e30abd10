"""A backup taken while staff save is one consistent snapshot."""

import json
import threading
import time

import pytest
from django.db import connection

from congress.management.commands.backup import snapshot
from meetings.models import Decision, Meeting
from tests import factories as f

pytestmark = [pytest.mark.django_db(transaction=True)]


def test_no_row_points_at_a_row_written_after_its_table_was_dumped(settings):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the snapshot matters on PostgreSQL")
    for i in range(200):  # enough rows that a dump takes a while
        m = Meeting.objects.create(kind="主任会议", term=18, seq=i + 1, date=f.D(2024, 1, 1))
        Decision.objects.create(title=f"旧决定{i}", date=f.D(2024, 1, 2), meeting=m)
    stop = threading.Event()

    def write():
        from django.db import connections

        n = 1000
        while not stop.is_set():
            n += 1
            m = Meeting.objects.create(kind="主任会议", term=19, seq=n, date=f.D(2025, 1, 1))
            Decision.objects.create(title=f"新决定{n}", date=f.D(2025, 1, 2), meeting=m)
        connections.close_all()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        time.sleep(0.2)
        dumps = [json.loads(snapshot()) for _ in range(3)]
    finally:
        stop.set()
        writer.join()
    for rows in dumps:
        meetings = {r["pk"] for r in rows if r["model"] == "meetings.meeting"}
        decisions = [r for r in rows if r["model"] == "meetings.decision"]
        assert len(decisions) >= 200
        for r in decisions:
            assert r["fields"]["meeting"] in meetings, r["fields"]["title"]
