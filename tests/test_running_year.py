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


@pytest.mark.django_db
def test_last_years_same_days_open_their_own_list_and_the_change_is_shown(leader_client):
    import re

    from django.urls import reverse

    today = timezone.localdate()
    try:
        last = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        last = datetime.date(today.year - 1, 2, 28)
    Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=today)
    Meeting.objects.create(kind="常委会会议", term=18, seq=2, date=datetime.date(today.year, 1, 1))
    Meeting.objects.create(kind="常委会会议", term=17, seq=3, date=last)
    if last < datetime.date(today.year - 1, 12, 31):
        # After the same day of last year: not in 上年同期.
        Meeting.objects.create(
            kind="常委会会议", term=17, seq=4, date=datetime.date(today.year - 1, 12, 31)
        )
    html = leader_client.get(reverse("home")).content.decode()
    box = html[html.index('data-figure="常委会会议"') :]
    box = box[: box.index("</div>")]
    prev = re.search(r'<a class="prev" href="([^"]+)">([^<]+)</a>', box)
    assert prev is not None
    link, text = prev.group(1).replace("&amp;", "&"), prev.group(2)
    expected_now = 2 if datetime.date(today.year, 1, 1) <= today else 1
    assert f"上年同期 1 次，今年+{expected_now - 1}" in text or (
        expected_now == 1 and "持平" in text
    )
    listing = leader_client.get(link).content.decode()
    assert "data-count>1<" in listing


@pytest.mark.django_db
def test_last_years_same_days_count_only_the_trainings_up_to_that_day():
    # 培训人数 reads 截至 through the figure's own parameters (RecordFilter.param): a training
    # after the same day of last year is not in 上年同期.
    from tests import factories as f

    a, b = f.deputy("甲"), f.deputy("乙")
    f.activity("春季培训", "培训", datetime.date(2025, 3, 1), deputies=[a])
    f.activity("冬季培训", "培训", datetime.date(2025, 12, 1), deputies=[b])
    assert year_values(2025)["培训人数"].value == 2
    assert year_values(2025, until=datetime.date(2025, 6, 1))["培训人数"].value == 1
