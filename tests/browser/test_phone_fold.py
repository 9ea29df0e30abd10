"""On a phone the header's menu and a list's filters fold behind a button each; without
JavaScript both stay open."""

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_menu_and_filters_fold_on_a_phone(tab, clerk):
    page = tab.page
    page.set_viewport_size({"width": 390, "height": 844})
    tab.login("clerk", PASSWORD)
    tab.go("/meetings/")
    assert not page.locator("nav.main").is_visible()
    assert not page.locator("form.filters").is_visible()
    page.click("button.fold-button:text('菜单')")
    assert page.locator("nav.main").is_visible()
    page.click("button.fold-button:text('筛选')")
    assert page.locator("form.filters").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    # On a wide screen nothing folds.
    page.set_viewport_size({"width": 1360, "height": 900})
    tab.go("/meetings/")
    assert page.locator("nav.main").is_visible() and page.locator("form.filters").is_visible()
    assert not page.locator("button.fold-button").first.is_visible()


def test_without_javascript_nothing_is_hidden(browser, live_server, clerk):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "clerk")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.goto(live_server.url + "/meetings/")
    assert page.locator("nav.main").is_visible() and page.locator("form.filters").is_visible()
    context.close()
