"""Working days on the official calendar: holidays, 调休, and a year without data."""

import datetime

import pytest
from django.urls import reverse

from congress.work import workdays
from congress.work.models import HolidayNotice
from proposals import services
from proposals.models import Suggestion
from tests import factories as f
from tests.conftest import client_for

D = datetime.date


@pytest.mark.parametrize(
    "start,n,expected",
    [
        (D(2025, 9, 30), 5, D(2025, 10, 14)),  # across National Day: 10-11 (Sat) is a 调休 workday
        (D(2025, 1, 20), 5, D(2025, 1, 26)),  # 2025-01-26 (Sun) is a make-up working day
        (D(2025, 3, 10), 5, D(2025, 3, 17)),  # an ordinary week
        (D(2025, 4, 30), 1, D(2025, 5, 6)),  # Labour Day holiday 05-01..05-05
    ],
)
def test_the_official_calendar(db, start, n, expected):
    assert workdays.add_working_days(start, n) == expected
    assert workdays.deadline(start, n) == workdays.Deadline(expected, False)


def test_a_year_without_data_is_flagged_never_silently_guessed(db):
    workdays.forget(2099)  # a notice another test cached (its row rolled back since)
    far = D(2099, 9, 28)
    with pytest.raises(workdays.CalendarMissing):
        workdays.add_working_days(far, 5)
    guess = workdays.deadline(far, 5)
    assert guess.estimated and guess.day == D(2099, 10, 5)  # weekends only, and said so


def test_an_administrators_notice_covers_a_later_year(db):
    notice = "2099-10-01 至 2099-10-07 放假 国庆节\n2099-10-10 上班 国庆调休"
    HolidayNotice.objects.create(year=2099, text=notice)
    workdays.forget(2099)
    result = workdays.deadline(D(2099, 9, 30), 3)
    # 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, 调休 working day)
    assert result == workdays.Deadline(D(2099, 10, 10), False)


@pytest.mark.parametrize(
    "text,message",
    [
        ("国庆放七天", "第1行看不懂"),
        ("2099-02-30 放假", "日期无效"),
        ("2098-10-01 放假", "应在2099年内"),
        ("2099-10-10 上班", "至少应有一段放假安排"),
    ],
)
def test_a_notice_with_errors_is_refused(admin_user, text, message):
    client = client_for(admin_user)
    response = client.post(reverse("holiday_notice", args=[2099]), {"text": text, "source": ""})
    assert response.status_code == 400 and message in response.content.decode()
    assert not HolidayNotice.objects.exists()


def test_holiday_pages_for_each_role(admin_user, clerk_client, leader_client):
    admin = client_for(admin_user)
    page = admin.get(reverse("holidays")).content.decode()
    assert "日历库" in page and "尚未录入" in page
    ok = admin.post(
        reverse("holiday_notice", args=[2099]),
        {"text": "2099-01-01 放假 元旦", "source": "国办发明电"},
    )
    assert ok.status_code == 302 and HolidayNotice.objects.get().year == 2099
    assert admin.get(reverse("holiday_notice", args=[99999])).status_code == 404
    assert admin.put(reverse("holiday_notice", args=[2099])).status_code == 405
    assert clerk_client.get(reverse("holiday_notice", args=[2099])).status_code == 403
    assert (
        leader_client.post(reverse("holiday_notice", args=[2099]), {"text": "x"}).status_code == 403
    )


def test_the_return_deadline_across_national_day(clerk, unit, unit_user):
    lead = f.deputy("张明远")
    s = services.submit(
        Suggestion(number="第1号", title="关于公交的建议", date=D(2025, 9, 1), lead=lead), clerk
    )
    s = services.assign(s, clerk, lead_unit=unit, assigned=D(2025, 9, 30))
    assert services.return_deadline(s).day == D(2025, 10, 14)
    # Inside the holiday a plain weekday count would have closed the window on 10-07.
    services.return_to_office(
        s, unit_user, unit=unit, reason="不属于本单位职责", today=D(2025, 10, 13)
    )
    s.refresh_from_db()
    assert s.state == Suggestion.State.NEW


def test_a_deadline_asks_the_shared_cache_once_per_year_not_once_per_day(db, monkeypatch):
    import datetime

    from congress.work import safecache
    from congress.work.workdays import deadline

    asked = []
    real = safecache.get
    monkeypatch.setattr(
        safecache, "get", lambda key, default=None: asked.append(key) or real(key, default)
    )
    deadline(datetime.date(2025, 9, 20), 20)
    deadline(datetime.date(2025, 9, 21), 20)
    assert asked.count("congress:holidays:2025") == 1
