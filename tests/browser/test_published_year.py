"""In Chromium: a list opened from the menu shows the current year, every year one link away;
a year whose review is issued asks before a record of it changes, and the review page then
lists the change and the figure it moved."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from congress.review.gather import checksum, gather
from congress.review.models import Edition, ReportJob
from meetings.models import Meeting
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lists_open_on_the_current_year(tab, clerk):
    this_year = timezone.localdate().year
    Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=datetime.date(this_year, 1, 2))
    Meeting.objects.create(kind="常委会会议", term=17, seq=9, date=datetime.date(2020, 5, 6))
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.click("nav >> text=会议与任免")
    tab.go("/meetings/")
    assert page.url.endswith(f"/meetings/?year={this_year}")
    assert f"{this_year}年度" in page.inner_text("h1")
    assert page.input_value("input[name=year]") == str(this_year)
    assert page.locator("[data-count]").inner_text() == "1"
    tab.click("a:text('全部年度')")
    assert "全部年度" in page.inner_text("h1") and page.locator("[data-count]").inner_text() == "2"


def test_an_issued_year_asks_before_a_change_and_lists_it(tab, clerk):
    meeting = Meeting.objects.create(
        kind="常委会会议", term=18, seq=20, date=datetime.date(2025, 3, 18), place="机关会议室"
    )
    job = ReportJob(year=2025, status="已完成", checksum=checksum(gather(2025)))
    job.pdf.save("r.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    job.save()
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go("/reports/?year=2025")
    tab.click("button:text('签发2025年度综述')")
    assert "已签发2025年度工作综述（第1版）" in tab.text()
    assert Edition.objects.get().issued_by == clerk

    tab.go(f"/meetings/{meeting.pk}/edit/")
    page.fill("input[name=place]", "区政务中心")
    tab.click("form.record button[type=submit]")
    assert "签发（第1版）" in tab.text()
    assert Meeting.objects.get(pk=meeting.pk).place == "机关会议室"
    # The refused save answered 409, which the browser logs; that is the point here.
    tab.problems[:] = [p for p in tab.problems if "status of 409" not in p]
    page.check("input[name=_confirmed]")
    tab.click("form.record button[type=submit]")
    assert Meeting.objects.get(pk=meeting.pk).place == "区政务中心"

    tab.go("/reports/?year=2025")
    changes = page.locator("table[data-changes] tbody tr")
    assert (
        changes.count() == 1 and "录入员" in changes.inner_text() and "修改" in changes.inner_text()
    )
    assert "统计数字与签发时一致" in tab.text()
    assert page.locator("button:text('重新签发（第 2 版）')").count() == 1
