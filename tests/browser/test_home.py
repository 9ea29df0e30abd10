"""What is waiting for me today, in the browser: each role's counts against their lists, a
reminder from the beat schedule read in the bell, a 退办 deadline across National Day."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import timezone

from oversight.models import ReviewOpinion
from proposals import services
from proposals.models import Suggestion
from tests import factories as f
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
S = Suggestion.State
DAY = datetime.timedelta(days=1)


@pytest.fixture
def waiting(clerk, leader, unit, unit_user, other_unit):
    today = timezone.localdate()
    lead = f.deputy("张明远")
    f.suggestion("1", lead, state=S.NEW)
    f.suggestion(
        "2",
        lead,
        state=S.HANDLING,
        lead_unit=unit,
        assigned=today - 9 * DAY,
        deadline=today + 2 * DAY,
    )
    f.suggestion(
        "3",
        lead,
        state=S.HANDLING,
        lead_unit=unit,
        accepted=today - 80 * DAY,
        assigned=today - 99 * DAY,
        deadline=today - 3 * DAY,
    )
    f.suggestion(
        "4",
        lead,
        state=S.HANDLING,
        lead_unit=other_unit,
        assigned=today - 99 * DAY,
        deadline=today - 1 * DAY,
    )
    ReviewOpinion.objects.create(
        name="意见一", date=today - 60 * DAY, body="区政府", unit=unit, deadline=today + 2 * DAY
    )
    return today


def _check_counts(tab) -> int:
    """Open every to-do of the home page; its list holds exactly the count shown."""
    page = tab.page
    items = page.locator("[data-todo]")
    checked = 0
    for i in range(items.count()):
        item = page.locator("[data-todo]").nth(i)
        n = int(item.locator("[data-todo-count]").inner_text())
        href = item.locator("a").get_attribute("href")
        tab.go(href)
        assert int(page.locator("[data-count]").first.inner_text()) == n, href
        checked += n
        tab.go("/")
    return checked


@pytest.mark.parametrize("username", ["clerk", "unit", "leader"])
def test_each_home_page_counts_what_its_lists_hold(tab, waiting, username):
    tab.login(username, PASSWORD)
    assert "今天" in tab.page.locator("h1").inner_text()
    assert _check_counts(tab) > 0


def test_a_reminder_from_the_beat_schedule_is_read_in_the_bell(tab, waiting, unit_user):
    from congress.celery import app

    app.loader.import_default_modules()
    # The task the beat schedule runs every morning.
    app.tasks[settings.CELERY_BEAT_SCHEDULE["reminders"]["task"]].apply()
    page = tab.page
    tab.login("unit", PASSWORD)
    bell = page.locator("a.bell")
    assert bell.locator("[data-unread]").inner_text() == "3"  # 2 due, 1 overdue… for this unit
    tab.click("a.bell")
    assert "代表建议即将到期：2" in tab.text() and "审议意见即将到期：意见一" in tab.text()
    tab.click("text=审议意见即将到期：意见一")
    assert "意见一" in tab.text()
    assert page.locator("a.bell [data-unread]").inner_text() == "2"


def test_a_return_deadline_across_national_day(tab, clerk, unit, unit_user):
    page = tab.page
    lead = f.deputy("张明远")
    s = services.submit(
        Suggestion(
            number="第9号", title="关于校车线路的建议", date=datetime.date(2025, 9, 1), lead=lead
        ),
        clerk,
    )
    tab.login("clerk", PASSWORD)
    tab.go(f"/suggestions/{s.pk}/")
    box = page.locator("details.action").filter(
        has=page.locator("summary", has_text=re.compile("^交办$"))
    )
    box.locator("summary").click()
    box.locator("select[name=lead_unit]").select_option(label=unit.name)
    box.locator("input[name=assigned]").fill("2025-09-30")
    with page.expect_navigation():
        box.locator("button[type=submit]").click()
    tab.check()
    tab.login("unit", PASSWORD)
    tab.go(f"/portal/{s.pk}/")
    note = page.locator("[data-return-deadline]")
    # Five working days after 09-30 on the official calendar: the holiday runs 10-01 to 10-08
    # and Saturday 10-11 is a make-up working day.
    assert note.get_attribute("data-return-deadline") == "2025-10-14"
    assert "2025年10月14日" in note.inner_text() and "推算" not in note.inner_text()
