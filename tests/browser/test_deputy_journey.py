"""A deputy's suggestion end to end, the deputies on a phone (390 × 844): written and submitted
with a cosigner, who confirms; staff 立案 and 交办; the unit records a contact and replies; the
deputy rates 不满意 with a reason; the unit reads it on the second handling."""

import datetime
import re

import pytest
from django.utils import timezone

from deputies.models import Deputy
from proposals.models import Draft, Suggestion
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def _fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"


def _action(page, label: str):
    box = page.locator("details.action").filter(
        has=page.locator("summary", has_text=re.compile(f"^{label}$"))
    )
    box.locator("summary").click()
    return box


def _told(tab) -> list[str]:
    """The titles under the bell of whoever is logged in (every event reaches a person once)."""
    tab.go("/notifications/")
    return tab.page.locator("li[data-notification] strong").all_inner_texts()


def test_a_deputys_suggestion_from_writing_to_the_second_handling(
    tab, clerk, unit, unit_user, deputy_user
):
    page = tab.page
    colleague_user = make_user("deputy2", "人大代表", first_name="林代表")
    Deputy.objects.create(
        name="林代表", sex="男", term=18, elected=datetime.date(2021, 10, 1), user=colleague_user
    )

    # The deputy writes on a phone and invites 林代表.
    page.set_viewport_size(PHONE)
    tab.login("deputy", PASSWORD)
    tab.click("a:text('写建议')")
    _fits(page)
    page.select_option("select[name=kind]", "闭会期间建议")
    page.fill("input[name=title]", "关于增设公交站点的建议")
    page.fill("textarea[name=text]", "城东片区居民出行不便，建议增设两个公交站点。")
    page.fill("#id_cosigners", "ldb")
    page.click("ul.suggestions li:text('林代表')")
    assert page.locator(".chips .chip").inner_text().startswith("林代表")
    tab.click("button[name=submit]")
    assert "建议已提交" in tab.text()
    _fits(page)

    # 林代表 confirms on their phone.
    tab.login("deputy2", PASSWORD)
    tab.go("/deputy/drafts/")
    _fits(page)
    tab.click("button:text('确认附议')")
    assert "已确认" in tab.text()

    # Staff register it and assign it.
    page.set_viewport_size({"width": 1360, "height": 900})
    tab.login("clerk", PASSWORD)
    tab.go("/suggestions/submitted/")
    tab.click("button:text('立案')")
    s = Suggestion.objects.get()
    assert Draft.objects.get().state == "已立案" and s.cosigners.get().name == "林代表"
    tab.go(f"/suggestions/{s.pk}/")
    box = _action(page, "交办")
    box.locator("select[name=lead_unit]").select_option(label=unit.name)
    box.locator("input[name=assigned]").fill(timezone.localdate().isoformat())
    with page.expect_navigation():
        box.locator("button[type=submit]").click()
    tab.check()

    # The unit records its contact with the deputy, then replies.
    tab.login("unit", PASSWORD)
    assert _told(tab) == [f"新交办的代表建议（主办）：{s.number} {s.title}"]
    tab.go(f"/portal/{s.pk}/")
    contact = "section.workflow:has(h2:text('记录沟通'))"
    page.select_option(f"{contact} select[name=form]", "面商")
    page.fill(f"{contact} input[name=person]", "黄代表本人")
    page.fill(f"{contact} textarea[name=agreed]", "年内调整线路，增设一个站点")
    tab.click(f"{contact} button[type=submit]")
    reply = "section.workflow:has(h2:text('答复'))"
    page.select_option(f"{reply} select[name=result]", "B")
    page.fill(f"{reply} textarea[name=text]", "已列入明年线路调整计划。")
    tab.click(f"{reply} button[type=submit]")

    # Staff are told of the reply once.
    tab.login("clerk", PASSWORD)
    assert _told(tab).count(f"承办单位已答复：{s.number} {s.title}") == 1

    # The deputy follows it on a phone, then rates 不满意 with the reason.
    page.set_viewport_size(PHONE)
    tab.login("deputy", PASSWORD)
    assert sorted(_told(tab)) == sorted(
        f"{what}：{s.number} {s.title}"
        for what in (
            "您的建议已立案",
            "您的建议已交办",
            "承办单位与您沟通",
            "您的建议已答复，请评价",
        )
    )
    tab.go(f"/deputy/suggestions/{s.pk}/")
    _fits(page)
    assert "年内调整线路，增设一个站点" in tab.text() and "已列入明年线路调整计划" in tab.text()
    page.select_option("select[name=opinion]", "不满意")
    page.fill("textarea[name=reason]", "只增设一个站点，不能解决出行难")
    tab.click("form.record button[type=submit]")
    assert "您的意见已提交" in tab.text()

    # The unit reads why on the second handling.
    page.set_viewport_size({"width": 1360, "height": 900})
    tab.login("unit", PASSWORD)
    told = _told(tab)
    assert told.count(f"代表不满意，请二次办理：{s.number} {s.title}") == 1 and len(told) == 2
    tab.go(f"/portal/{s.pk}/")
    assert "二次办理" in tab.text() and "只增设一个站点，不能解决出行难" in tab.text()
