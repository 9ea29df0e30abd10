"""The office's documents and forms in the browser: typed dates, a draft that survives an expired
session, a unit answering an opinion, batch 交办 and its letters, a collective oath, an account,
and the portal and dashboard on a phone."""

import datetime
import io
import re

import pytest

from meetings.models import Appointment, Decision
from oversight.models import OpinionDocument, ReviewOpinion
from proposals.models import AssignmentLetter, Suggestion
from tests import factories as f
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
D = datetime.date


def test_a_date_typed_as_people_type_it(tab, clerk):
    page = tab.page
    tab.login("clerk", PASSWORD)
    for typed in ["2025-03-18", "2025/3/18", "2025.03.18", "20250318", "2025年3月18日"]:
        tab.go("/decisions/new/")
        page.fill("input[name=title]", f"关于{typed}的决定")
        page.locator("input[name=date]").type(typed)  # typed key by key, as a clerk does
        tab.click("form.record button[type=submit]")
        assert Decision.objects.get(title=f"关于{typed}的决定").date == D(2025, 3, 18), typed
        assert "2025年3月18日" in tab.text() or "2025-03-18" in tab.text()


def test_the_picker_still_fills_a_date(tab, clerk):
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go("/decisions/new/")
    assert page.locator("input[name=date] + button.date-button").count() == 1
    page.locator("input.date-picker").first.fill("2025-04-01")
    page.locator("input.date-picker").first.dispatch_event("change")
    assert page.locator("input[name=date]").input_value() == "2025-04-01"


def test_a_draft_comes_back_after_the_session_expired(tab, clerk):
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go("/decisions/new/")
    page.fill("input[name=title]", "关于加强城乡规划监督的决定")
    page.fill("input[name=date]", "2025-06-20")
    page.fill("textarea[name=text]", "一段很长的决定全文……" * 20)
    page.context.clear_cookies(name="sessionid")  # the session expires while the clerk types
    tab.click("form.record button[type=submit]")
    assert "/accounts/login/" in page.url
    page.fill("#id_username", "clerk")
    page.fill("#id_password", PASSWORD)
    tab.click("button[type=submit]")
    assert page.url.endswith("/decisions/new/")
    assert "已恢复您上次在本机未保存的内容" in tab.text()
    assert page.locator("input[name=title]").input_value() == "关于加强城乡规划监督的决定"
    assert page.locator("textarea[name=text]").input_value().startswith("一段很长的决定全文")
    tab.click("form.record button[type=submit]")
    assert Decision.objects.get().title == "关于加强城乡规划监督的决定"
    # Saved: the draft is gone, a new form starts empty.
    tab.go("/decisions/new/")
    assert "已恢复" not in tab.text() and page.locator("input[name=title]").input_value() == ""


def test_a_unit_reads_an_opinion_and_its_attachment_and_answers(tab, unit, unit_user):
    from django.core.files.base import ContentFile

    page = tab.page
    opinion = ReviewOpinion.objects.create(
        name="关于城市更新工作情况报告的审议意见",
        doc_number="安人常办〔2025〕9号",
        date=D(2025, 3, 5),
        body="区人民政府",
        unit=unit,
        points=4,
        text="一、加快老旧小区改造。\n二、完善配套设施。",
    )
    doc = OpinionDocument(opinion=opinion, title="审议意见签发稿")
    doc.file.save("意见.pdf", ContentFile(PDF))
    tab.login("unit", PASSWORD)
    tab.click("[data-todo=unit_opinions] a")
    tab.click("text=关于城市更新工作情况报告的审议意见")
    assert "加快老旧小区改造" in tab.text() and "安人常办〔2025〕9号" in tab.text()
    with page.expect_download() as download:
        page.click("text=审议意见签发稿")
    assert open(download.value.path(), "rb").read().startswith(b"%PDF")
    page.fill("textarea[name=text]", "已制定整改方案，逐条落实。")
    page.set_input_files(
        "input[name=attachments]",
        files=[
            {"name": "整改方案.pdf", "mimeType": "application/pdf", "buffer": PDF},
            {"name": "完成情况表.pdf", "mimeType": "application/pdf", "buffer": PDF},
        ],
    )
    tab.click("section.workflow button[type=submit]")
    opinion.refresh_from_db()
    assert opinion.state == "已报告" and opinion.documents.filter(reported=True).count() == 2


def test_batch_assignment_and_its_letters(tab, clerk, unit, other_unit):
    page = tab.page
    lead = f.deputy("张明远")
    items = [
        f.suggestion(f"第{n}号", lead, state="待交办", title=f"关于第{n}件事的建议")
        for n in (2, 10, 11)
    ]
    tab.login("clerk", PASSWORD)
    tab.go("/suggestions/")
    tab.click("text=批量交办")
    for s in items:
        page.check(f"#pick-{s.pk}")
    page.select_option("#unit_all", label=unit.name)
    page.select_option(f"select[name=unit_{items[2].pk}]", label=other_unit.name)
    page.fill("#assigned", "2025/2/10")
    page.fill(f"input[name=deadline_{items[2].pk}]", "20250610")
    tab.click("form.batch button[type=submit]")
    assert "已交办3件建议，生成交办函2份" in tab.text()
    assert AssignmentLetter.objects.count() == 2
    assert Suggestion.objects.get(pk=items[2].pk).deadline == D(2025, 6, 10)
    with page.expect_download() as download:
        page.click("text=打印本批交办函（PDF）")
    pdf = open(download.value.path(), "rb").read()
    assert pdf.startswith(b"%PDF")
    from pypdf import PdfReader

    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert (
        "关于交办代表建议的函" in text
        and "安人常办〔2025〕1号" in text
        and "安人常办〔2025〕2号" in text
    )


def test_a_collective_oath_is_recorded_once(tab, clerk):
    page = tab.page
    for name in ("李华", "王强"):
        Appointment.objects.create(
            person=name, kind="任命", post=f"{name}局局长", date=D(2025, 3, 18)
        )
    tab.login("clerk", PASSWORD)
    tab.go("/appointments/oath/")
    for a in Appointment.objects.all():
        page.check(f"#oath-{a.pk}")
    page.fill("input[name=date]", "2025年3月18日")
    page.fill("input[name=place]", "常委会会议室")
    tab.click("form.oath button[type=submit]")
    assert "已记录" in tab.text() and "所有任命人员均已宣誓" in tab.text()
    assert set(Appointment.objects.values_list("oath_form", flat=True)) == {"集体宣誓"}


def test_an_administrator_creates_a_unit_account(tab, admin_user, unit, browser, live_server):
    page = tab.page
    tab.login("admin", PASSWORD)
    tab.go("/settings/accounts/")
    tab.click("text=新建账号")
    page.fill("input[name=username]", "jsj")
    page.fill("input[name=name]", "王建设")
    page.select_option("select[name=role]", "承办单位")
    page.select_option("select[name=unit]", label=unit.name)
    tab.click("form.record button[type=submit]")
    link = page.locator("[data-password-link]").inner_text()
    # The new colleague opens the link in a browser of their own and sets a password.
    other = browser.new_context(locale="zh-CN")
    mine = other.new_page()
    mine.goto(link)
    mine.fill("input[name=new_password1]", "Qingshan-2026-ok")
    mine.fill("input[name=new_password2]", "Qingshan-2026-ok")
    with mine.expect_navigation():
        mine.click("button[type=submit]")
    mine.fill("#id_username", "jsj")
    mine.fill("#id_password", "Qingshan-2026-ok")
    with mine.expect_navigation():
        mine.click("button[type=submit]")
    assert "区住房和城乡建设局 · 今天要办的事" in mine.inner_text("body")
    other.close()


def test_a_phone_never_scrolls_sideways(tab, known_year, clerk, leader, unit_user):
    page = tab.page
    page.set_viewport_size({"width": 390, "height": 844})
    wide = []
    for username, paths in [
        ("unit", ["/portal/", "/"]),
        ("leader", ["/dashboard/?year=2025", "/"]),
        ("clerk", ["/suggestions/"]),
    ]:
        tab.login(username, PASSWORD)
        for path in paths:
            tab.go(path)
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > 390:
                wide.append(f"{username} {path}: {width}px")
    assert not wide, wide
