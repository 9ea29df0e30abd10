"""Choosing several deputies: each chosen name a chip with a button that removes it, found by
name or pinyin initials; without JavaScript the same field takes names separated by 、."""

import datetime

import pytest

from deputies.models import Deputy
from proposals.models import Suggestion
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _deputies():
    for name in ("张明远", "林晓", "王刚", "周红"):
        Deputy.objects.create(name=name, sex="男", term=18, elected=datetime.date(2021, 10, 1))


def _fill_suggestion(page, number: str) -> None:
    page.fill("input[name=number]", number)
    page.fill("input[name=title]", "关于改善农村饮水的建议")
    page.fill("input[name=date]", "2025-01-10")
    page.fill("input[name=lead]", "周红")


def test_cosigners_are_chips_added_by_initials_and_removed_by_their_button(tab, clerk):
    _deputies()
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go("/suggestions/new/")
    _fill_suggestion(page, "第31号")
    box = page.locator("#id_cosigners")
    for initials, name in (("zmy", "张明远"), ("lx", "林晓"), ("wg", "王刚")):
        box.fill(initials)
        page.click(f"ul.suggestions li:text('{name}')")
    chips = page.locator(".chips .chip")
    assert chips.count() == 3 and box.input_value() == ""
    # The label still names the box a person types into.
    assert page.locator("label[for=id_cosigners]").count() == 1
    page.click("button[aria-label='移除 林晓']")
    assert [c.strip("× \n") for c in chips.all_inner_texts()] == ["张明远", "王刚"]
    # Backspace in the empty box takes the last chip off.
    box.focus()
    page.keyboard.press("Backspace")
    assert chips.count() == 1
    tab.click("form.record button[type=submit]")
    s = Suggestion.objects.get(number="第31号")
    assert [d.name for d in s.cosigners.all()] == ["张明远"]

    # Editing shows the saved cosigners as chips again.
    tab.go(f"/suggestions/{s.pk}/edit/")
    assert [c.strip("× \n") for c in page.locator(".chips .chip").all_inner_texts()] == ["张明远"]


def test_a_typed_name_not_picked_from_the_list_still_reaches_the_server(tab, clerk):
    _deputies()
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go("/suggestions/new/")
    _fill_suggestion(page, "第32号")
    page.fill("#id_cosigners", "无此人")
    tab.click("form.record button[type=submit]")
    assert "找不到代表“无此人”" in tab.text()
    # The refused form answers 400, which the browser logs; that is the point here.
    tab.problems[:] = [p for p in tab.problems if "status of 400" not in p]
    assert not Suggestion.objects.filter(number="第32号").exists()


def test_without_javascript_names_are_typed_separated_by_a_comma(browser, live_server, clerk):
    _deputies()
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/accounts/login/")
        page.fill("#id_username", "clerk")
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.click("button[type=submit]")
        page.goto(live_server.url + "/suggestions/new/")
        assert page.locator(".chips").count() == 0
        _fill_suggestion(page, "第33号")
        page.fill("input[name=cosigners]", "张明远、王刚")
        with page.expect_navigation():
            page.click("form.record button[type=submit]")
        s = Suggestion.objects.get(number="第33号")
        assert sorted(d.name for d in s.cosigners.all()) == ["张明远", "王刚"]
    finally:
        context.close()
