"""A meeting's agenda rows are added and removed in place, any number of them, and numbered in
the order they stand on the page."""

import datetime
import re

import pytest

from meetings.models import AgendaItem, Meeting
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _titles(meeting):
    return list(
        AgendaItem.objects.filter(meeting=meeting).order_by("order").values_list("order", "title")
    )


def _agenda(page):
    legend = page.locator("legend", has_text=re.compile("^议题$"))
    return page.locator("fieldset.formset").filter(has=legend)


def test_agenda_rows_are_added_removed_and_numbered_in_place(tab, clerk):
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go("/meetings/new/")
    page.select_option("select[name=kind]", "常委会会议")
    page.fill("input[name=term]", "18")
    page.fill("input[name=date]", datetime.date(2025, 6, 18).isoformat())
    agenda = _agenda(page)
    assert agenda.locator("tbody tr.row").count() == 3
    for _ in range(3):
        agenda.locator("button.add-row").click()
    rows = agenda.locator("tbody tr.row")
    assert rows.count() == 6
    for i, title in enumerate(["议题一", "议题二", "议题三", "议题四", "议题五"]):
        rows.nth(i).locator("input[name$='-title']").fill(title)
    rows.nth(1).locator("button:text('移除')").click()
    assert not rows.nth(1).is_visible()
    orders = [rows.nth(i).locator("input[name$='-order']").input_value() for i in (0, 2, 3, 4)]
    assert orders == ["1", "2", "3", "4"]
    tab.click("form.record button[type=submit]")
    meeting = Meeting.objects.get()
    assert _titles(meeting) == [(1, "议题一"), (2, "议题三"), (3, "议题四"), (4, "议题五")]

    # A saved row removed: the rest close up.
    tab.go(f"/meetings/{meeting.pk}/edit/")
    rows = _agenda(page).locator("tbody tr.row")
    rows.nth(1).locator("button:text('移除')").click()
    tab.click("form.record button[type=submit]")
    assert _titles(meeting) == [(1, "议题一"), (2, "议题四"), (3, "议题五")]
