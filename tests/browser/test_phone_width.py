"""Every page of every role fits a 390 px phone without sideways scrolling (the review-text
editor, whose hidden date input once made it 477 px wide, and the forms' rows included)."""

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STAFF = [
    "/", "/dashboard/", "/meetings/", "/meetings/new/", "/decisions/", "/appointments/",
    "/members/", "/attendance/", "/votes/", "/oversight/", "/oversight/new/", "/opinions/",
    "/deputies/", "/activities/new/", "/suggestions/", "/suggestions/new/",
    "/suggestions/assign/", "/suggestions/letters/", "/suggestions/submitted/", "/petitions/",
    "/reports/", "/reports/2025/text/", "/ledger/", "/notifications/", "/accounts/password/",
]  # fmt: skip
PORTALS = {
    "unit": ["/", "/portal/", "/portal/opinions/", "/portal/petitions/"],
    "member": ["/", "/my/meetings/"],
    "deputy": [
        "/",
        "/deputy/suggestions/",
        "/deputy/drafts/",
        "/deputy/drafts/new/",
        "/deputy/record/",
        "/deputy/activities/",
    ],
}


def _too_wide(tab, paths) -> list:
    page = tab.page
    wide = []
    for path in paths:
        page.goto(tab.base + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide.append((path, width))
    return wide


def test_every_page_fits_a_phone(tab, clerk, known_year, unit_user, member_user, deputy_user):
    tab.page.set_viewport_size({"width": 390, "height": 844})
    tab.login("clerk", PASSWORD)
    wide = _too_wide(tab, STAFF)
    for username, paths in PORTALS.items():
        tab.login(username, PASSWORD)
        wide += _too_wide(tab, paths)
    assert wide == []
