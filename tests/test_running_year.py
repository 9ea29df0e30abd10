"""统计截至今日: while a year runs, its figures count what happened up to today, never a record
dated later (a meeting set for next week is not yet held), and the figure's list agrees."""

import datetime

import pytest
from django.utils import timezone

from congress.figures.figureset import year_values
from meetings.models import Meeting


@pytest.mark.django_db
def test_a_meeting_set_for_later_is_not_yet_counted(clerk_client):
    today = timezone.localdate()
    later = today + datetime.timedelta(days=1)
    if later.year != today.year:
        pytest.skip("the last day of the year: nothing later in it")
    Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=today)
    Meeting.objects.create(kind="常委会会议", term=18, seq=2, date=later)
    value = year_values(today.year)["常委会会议"]
    assert value.value == 1
    listing = clerk_client.get(value.link).content.decode()
    assert "data-count>1<" in listing
    # A past year counts all of it.
    Meeting.objects.create(
        kind="常委会会议", term=17, seq=3, date=datetime.date(today.year - 1, 12, 31)
    )
    assert year_values(today.year - 1)["常委会会议"].value == 1
