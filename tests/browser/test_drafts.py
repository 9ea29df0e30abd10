"""Form drafts kept in the browser hold nothing secret and nothing of another person's: never a
password, token or file; keyed by the person; dropped at logout, at another person's login and
after a week; never for 信访; the note tells Beijing time."""

import datetime
import json

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALL_DRAFTS = """() => Object.keys(localStorage).filter((k) => k.startsWith("congress-draft:"))
  .map((k) => [k, localStorage.getItem(k)])"""


def drafts(page) -> list[tuple[str, str]]:
    return page.evaluate(ALL_DRAFTS)


def type_a_decision(tab, title="关于加强城乡规划监督的决定"):
    tab.go("/decisions/new/")
    tab.page.fill("input[name=title]", title)
    tab.page.fill("textarea[name=text]", "决定全文草稿")


def plant(page, owner: str, path: str, saved: datetime.datetime, **fields) -> None:
    """A draft as the page itself would have written it, saved at `saved` (UTC)."""
    data = dict(fields, __saved=saved.isoformat().replace("+00:00", "Z"))
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)",
        [f"congress-draft:{owner}:{path}", json.dumps(data, ensure_ascii=False)],
    )


def owner_of(page) -> str:
    return page.get_attribute("body", "data-draft-owner")


def test_the_set_password_form_keeps_no_draft(tab, clerk):
    page = tab.page
    uid = urlsafe_base64_encode(force_bytes(clerk.pk))
    token = default_token_generator.make_token(clerk)
    tab.go(f"/accounts/set-password/{uid}/{token}/")
    page.wait_for_url("**/set-password/**")
    page.fill("input[name=new_password1]", "zx")  # too weak: refused, the page comes back
    page.fill("input[name=new_password2]", "zx")
    tab.click("button[type=submit]")
    assert page.locator("input[name=new_password1]").count() == 1
    assert page.locator("input[name=new_password1]").input_value() == ""
    stored = json.dumps(drafts(page)) + json.dumps(page.evaluate("() => ({...sessionStorage})"))
    assert "zx" not in stored and drafts(page) == []


def test_a_draft_holds_no_token_hidden_or_file_field(tab, clerk):
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go("/meetings/new/")
    page.fill("input[name=name]", "第二十六次常委会会议")
    [(key, raw)] = drafts(page)
    data = json.loads(raw)
    assert data["name"] == "第二十六次常委会会议"
    kinds = page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll("form[data-draft] [name]"),
          (e) => [e.name, e.type]))"""
    )
    hidden = {n for n, t in kinds.items() if t in ("hidden", "file", "password")}
    assert "csrfmiddlewaretoken" in hidden  # the form does carry secrets the draft must skip
    assert not hidden & set(data), hidden & set(data)
    owner = key.split(":")[1]
    assert clerk.username not in key and owner != str(clerk.pk) and len(owner) == 24


def test_logging_out_drops_every_draft(tab, clerk):
    page = tab.page
    tab.login("clerk", PASSWORD)
    type_a_decision(tab)
    assert len(drafts(page)) == 1
    tab.click("form[data-logout] button")
    assert "/accounts/login/" in page.url
    assert drafts(page) == []
    # Without the button's script too: the page after logout drops what is left.
    plant(page, "someone", "/decisions/new/", datetime.datetime.now(datetime.UTC), title="x")
    tab.go("/accounts/login/?logged_out=1")
    assert drafts(page) == []


def test_another_persons_login_drops_the_draft_left_behind(tab, clerk):
    page = tab.page
    make_user("clerk2", "录入员")
    tab.login("clerk", PASSWORD)
    type_a_decision(tab)
    assert len(drafts(page)) == 1
    # The clerk walks away without logging out; the session ends; a colleague logs in.
    tab.login("clerk2", PASSWORD)
    assert drafts(page) == []
    tab.go("/decisions/new/")
    assert page.locator("input[name=title]").input_value() == ""
    assert "已恢复" not in tab.text()


def test_a_draft_waits_for_its_owner_on_the_login_page(tab, clerk):
    """The login page after an expired session neither shows nor drops the draft."""
    page = tab.page
    tab.login("clerk", PASSWORD)
    type_a_decision(tab)
    page.context.clear_cookies()
    tab.go("/accounts/login/")
    assert len(drafts(page)) == 1
    tab.login("clerk", PASSWORD)
    tab.go("/decisions/new/")
    assert page.locator("input[name=title]").input_value() == "关于加强城乡规划监督的决定"


def test_a_draft_expires_after_the_set_days(tab, clerk):
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go("/decisions/new/")
    owner = owner_of(page)
    assert page.get_attribute("body", "data-draft-days") == "7"
    now = datetime.datetime.now(datetime.UTC)
    plant(
        page, owner, "/decisions/new/", now - datetime.timedelta(days=6, hours=23), title="六天前"
    )
    plant(page, owner, "/meetings/new/", now - datetime.timedelta(days=7, hours=1), name="八天前")
    tab.go("/decisions/new/")
    assert page.locator("input[name=title]").input_value() == "六天前"
    assert [k for k, _ in drafts(page)] == [f"congress-draft:{owner}:/decisions/new/"]
    tab.go("/meetings/new/")
    assert page.locator("input[name=name]").input_value() == ""


def test_petitions_keep_no_draft(tab, clerk):
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go("/petitions/new/")
    assert page.locator("form[data-draft]").count() == 0
    page.fill("textarea[name=summary]", "反映某小区供暖问题")
    page.locator("textarea[name=summary]").dispatch_event("change")
    assert drafts(page) == []
    # The same clerk's decision form does keep one: the difference is the kind, not the page.
    type_a_decision(tab)
    assert len(drafts(page)) == 1


def test_the_draft_note_tells_beijing_time(browser, live_server, clerk):
    from tests.browser.conftest import Session

    context = browser.new_context(locale="zh-CN", timezone_id="America/New_York")
    try:
        tab = Session(context.new_page(), live_server.url)
        tab.login("clerk", PASSWORD)
        tab.go("/decisions/new/")
        # Late in the UTC evening: already the next day in Beijing, still the same in New York.
        saved = datetime.datetime.now(datetime.UTC).replace(hour=20, minute=5, second=0)
        saved -= datetime.timedelta(days=1)
        plant(tab.page, owner_of(tab.page), "/decisions/new/", saved, title="关于某事的决定")
        tab.go("/decisions/new/")
        note = tab.page.locator(".draft-restored").inner_text()
        beijing = saved + datetime.timedelta(hours=8)
        assert f"北京时间 {beijing:%Y-%m-%d} 04:05" in note, note
        assert not tab.problems, tab.problems
    finally:
        context.close()


def test_pages_of_a_signed_in_person_are_not_kept_by_the_browser(client, clerk):
    client.force_login(clerk)
    response = client.get("/decisions/new/")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_confirmation_that_a_published_year_may_change_is_never_kept(tab, clerk):
    # The box appears on a refused save; ticked, it must not come back in a later form by
    # itself from a draft.
    from django.core.files.base import ContentFile

    from congress.review.editions import issue
    from congress.review.gather import checksum, gather
    from congress.review.models import ReportJob
    from meetings.models import Meeting

    meeting = Meeting.objects.create(
        kind="常委会会议", term=18, seq=20, date=datetime.date(2025, 3, 18)
    )
    job = ReportJob(year=2025, status="已完成", checksum=checksum(gather(2025)))
    job.pdf.save("r.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    job.save()
    issue(2025, clerk)
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go(f"/meetings/{meeting.pk}/edit/")
    page.fill("input[name=place]", "区政务中心")
    tab.click("form.record button[type=submit]")
    tab.problems[:] = [p for p in tab.problems if "status of 409" not in p]
    page.check("input[name=_confirmed]")
    page.fill("input[name=place]", "区政务中心二楼")
    [(_key, raw)] = drafts(page)
    data = json.loads(raw)
    assert data["place"] == "区政务中心二楼" and "_confirmed" not in data
