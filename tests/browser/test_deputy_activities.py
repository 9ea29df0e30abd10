"""A deputy answers an activity the office opened, on a phone: 报名, then 请假 with its reason."""

import datetime

import pytest
from django.utils import timezone

from deputies.models import Activity, Enrolment
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_deputy_signs_up_then_asks_for_leave_on_a_phone(tab, deputy_user):
    day = timezone.localdate() + datetime.timedelta(days=5)
    Activity.objects.create(
        name="城东片区交通调研", kind="调研", date=day, signup=True, notes="九时机关一楼集合。"
    )
    page = tab.page
    page.set_viewport_size({"width": 390, "height": 844})
    tab.login("deputy", PASSWORD)
    tab.click("a:text('近期活动报名')")
    assert "城东片区交通调研" in tab.text() and "尚未答复" in tab.text()
    tab.click("button:text('报名')")
    assert page.locator("[data-answer]").inner_text() == "报名"
    page.click("summary:text('请假')")
    page.fill("input[name=reason]", "外出学习")
    tab.click("details.action button[type=submit]")
    assert page.locator("[data-answer]").inner_text() == "请假（外出学习）"
    assert Enrolment.objects.get().answer == "请假"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
