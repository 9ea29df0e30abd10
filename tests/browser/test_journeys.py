"""The three users' days (and the import), end to end in headless chromium."""

import datetime
import io
import os
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from congress.accounts.models import Unit
from demo.installation import DEMO_PASSWORD
from proposals import services
from proposals.models import Suggestion
from tests import factories as f
from tests.conftest import PASSWORD, set_eager
from tests.ledgerbook import STATION, book

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _action(page, label: str):
    """The workflow form under the summary with exactly this label."""
    box = page.locator("details.action").filter(
        has=page.locator("summary", has_text=re.compile(f"^{label}$"))
    )
    box.locator("summary").click()
    return box


def test_staff_day(tab, clerk, unit, other_unit):
    page = tab.page
    lead = f.deputy("张明远")
    tab.login("clerk", PASSWORD)

    # A standing-committee meeting with two agenda items.
    tab.go("/meetings/new/")
    page.select_option("select[name=kind]", "常委会会议")
    page.fill("input[name=term]", "18")
    page.fill("input[name=date]", "2025-03-18")
    page.fill("input[name=place]", "区人大常委会机关会议室")
    page.fill("input[name='agenda-0-title']", "听取和审议区政府关于就业工作情况的报告")
    page.fill("input[name='agenda-0-reporter']", "区人力资源和社会保障局")
    page.fill("input[name='agenda-1-order']", "2")
    page.fill("input[name='agenda-1-title']", "审议人事任免事项")
    tab.click("form.record button[type=submit]")
    meeting_name = "区第十八届人大常委会第一次会议"
    assert meeting_name in tab.text() and "审议人事任免事项" in tab.text()

    # The special work report heard at it, and the review opinion sent to the government.
    tab.go("/oversight/new/")
    page.select_option("select[name=kind]", "专项工作报告")
    page.fill("input[name=name]", "关于就业工作情况的报告")
    page.fill("input[name=date]", "2025-03-18")
    page.select_option("select[name=organ]", "人民政府")
    page.fill("input[name=department]", "区人力资源和社会保障局")
    page.select_option("select[name=meeting]", label=meeting_name)
    tab.click("form.record button[type=submit]")
    assert "关于就业工作情况的报告" in tab.text()
    tab.click("text=新增意见建议")
    page.fill("input[name=name]", "关于就业工作情况报告的审议意见")
    page.fill("input[name=date]", "2025-03-25")
    page.fill("input[name=body]", "区人民政府")
    page.fill("input[name=points]", "6")
    tab.click("form.record button[type=submit]")
    assert "2025年6月25日" in tab.text() or "2025-06-25" in tab.text() or "6月25日" in tab.text()

    # Two appointments, one of them sworn in.
    for person, oath in (("李华", True), ("王强", False)):
        tab.go("/appointments/new/")
        page.fill("input[name=person]", person)
        page.select_option("select[name=kind]", "任命")
        page.fill("input[name=post]", "区财政局局长" if oath else "区教育局局长")
        page.fill("input[name=date]", "2025-03-18")
        page.select_option("select[name=meeting]", label=meeting_name)
        if oath:
            page.fill("input[name=oath_date]", "2025-03-18")
            page.select_option("select[name=oath_form]", "集体宣誓")
        tab.click("form.record button[type=submit]")
    tab.go("/appointments/oath/")
    assert "王强" in tab.text() and "李华" not in tab.text()

    # A deputy's suggestion, assigned to a unit with an assisting unit.
    tab.go("/suggestions/new/")
    page.fill("input[name=number]", "第12号")
    page.fill("input[name=title]", "关于优化城乡公交线路的建议")
    page.fill("input[name=date]", "2025-01-10")
    # The lead deputy by the pinyin initials of the name, chosen from the suggestions.
    page.fill("input[name=lead]", "zmy")
    page.click("ul.suggestions li:text('张明远')")
    assert page.input_value("input[name=lead]") == "张明远"
    tab.click("form.record button[type=submit]")
    box = _action(page, "交办")
    box.locator("select[name=lead_unit]").select_option(label=unit.name)
    box.locator("select[name=assist_units]").select_option(label=other_unit.name)
    box.locator("input[name=assigned]").fill(timezone.localdate().isoformat())
    with page.expect_navigation():
        box.locator("button[type=submit]").click()
    tab.check()
    assert "办理中" in tab.text() and "协办：区教育局" in tab.text()

    # Not overdue today; overdue once the clock passes the deadline.
    tab.go("/suggestions/overdue/")
    assert "关于优化城乡公交线路的建议" not in tab.text()
    later = timezone.localdate() + datetime.timedelta(days=120)
    original = timezone.localdate
    timezone.localdate = lambda *a, **k: later
    try:
        tab.go("/suggestions/overdue/")
        assert "关于优化城乡公交线路的建议" in tab.text()
    finally:
        timezone.localdate = original
    assert Suggestion.objects.get().lead == lead


def test_handling_unit_day(tab, clerk, unit, unit_user, other_unit):
    page = tab.page
    lead = f.deputy("张明远")
    today = timezone.localdate()
    wrong = services.assign(
        services.submit(
            f.suggestion("第3号", lead, title="关于修建学校操场的建议", date=today), clerk
        ),
        clerk,
        lead_unit=unit,
        assigned=today,
    )
    mine = services.assign(
        services.submit(
            f.suggestion("第4号", lead, title="关于老旧小区加装电梯的建议", date=today), clerk
        ),
        clerk,
        lead_unit=unit,
        assigned=today,
    )
    services.assign(
        services.submit(
            f.suggestion("第5号", lead, title="关于扩建幼儿园的建议", date=today), clerk
        ),
        clerk,
        lead_unit=other_unit,
        assigned=today,
    )

    tab.login("unit", PASSWORD)
    assert "今天要办的事" in tab.text()
    tab.click("text=全部承办事项")
    assert "关于修建学校操场的建议" in tab.text() and "关于扩建幼儿园的建议" not in tab.text()

    # Return the wrongly assigned item with a reason.
    tab.click("text=关于修建学校操场的建议")
    page.fill("section.workflow:has(h2:text('退办')) textarea[name=reason]", "该事项属区教育局职责")
    tab.click("section.workflow:has(h2:text('退办')) button[type=submit]")
    assert "已退办" in tab.text()
    assert "关于修建学校操场的建议" not in page.locator("table.list").first.inner_text()

    # Answer the other with a reply and an attachment.
    tab.click("text=关于老旧小区加装电梯的建议")
    reply = "section.workflow:has(h2:text('答复'))"
    page.select_option(f"{reply} select[name=result]", "B")
    page.fill(f"{reply} textarea[name=text]", "已列入2026年老旧小区改造计划。")
    page.set_input_files(
        f"{reply} input[name=file]",
        files=[{"name": "答复函.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    tab.click(f"{reply} button[type=submit]")
    assert "已答复" in tab.text() and "答复文件" in tab.text()

    # Staff record the deputy's 不满意: the item goes back to the unit.
    tab.login("clerk", PASSWORD)
    tab.go(f"/suggestions/{mine.pk}/")
    box = _action(page, "登记代表意见")
    box.locator("select[name=opinion]").select_option("不满意")
    box.locator("textarea[name=reason]").fill("电梯加装进度太慢")
    with page.expect_navigation():
        box.locator("button[type=submit]").click()
    tab.check()
    tab.go(f"/suggestions/{wrong.pk}/")
    assert "主办单位已退办：该事项属区教育局职责" in tab.text()

    tab.login("unit", PASSWORD)
    tab.click("text=全部承办事项")
    tab.click("text=关于老旧小区加装电梯的建议")
    assert "二次办理" in tab.text() and "办理中" in tab.text()
    assert "电梯加装进度太慢" in tab.text()  # the unit reads why the deputy was not satisfied


def test_leadership_day(tab, django_db_serialized_rollback=None):
    from pypdf import PdfReader

    from congress.review.document import build

    call_command("load_demo", year_only=True, verbosity=0)  # the 2025 review is all it reads
    page = tab.page
    tab.login("leader", DEMO_PASSWORD)
    tab.go("/dashboard/?year=2025")

    def tile(name: str) -> str:
        return page.locator(f"[data-figure='{name}'] .value").inner_text().split()[0]

    # Three figures of the Anzhou review.
    assert tile("常委会会议") == "11"
    assert tile("代表建议") == "131"
    assert tile("联系群众") == "3514"
    tab.click("[data-figure='主任会议']")
    assert page.locator("[data-count]").inner_text() == "15"

    tab.go("/reports/?year=2025")
    worker = None
    if os.environ.get("REDIS_URL"):
        from celery.contrib.testing.worker import start_worker

        from congress.celery import app

        set_eager(False)
        worker = start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING")
        worker.__enter__()
    try:
        tab.click("text=生成年度报告")
        page.wait_for_selector("text=下载 PDF", timeout=90000)
    finally:
        if worker is not None:
            worker.__exit__(None, None, None)
    tab.check()
    with page.expect_download() as download:
        page.click("text=下载 PDF")
    reader = PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))
    text = re.sub(r"—\d+—", "", text)  # page numbers between the lines of a paragraph
    review = build(2025)
    for part in review.parts:
        if part.kind == "p":
            assert re.sub(r"\s+", "", "".join(r.text for r in part.runs)) in text
    with page.expect_download() as word:
        page.click("text=下载 Word")
    assert open(word.value.path(), "rb").read(2) == b"PK"


def test_import_day(tab, clerk, tmp_path):
    page = tab.page
    tab.login("clerk", PASSWORD)
    bad = tmp_path / "台账.xlsx"
    bad.write_bytes(
        book(
            {
                "联络站": [
                    STATION,
                    ["河清镇双碑村代表联络站", "代表联络站", "河清镇", ""],
                    ["黄土镇红光村代表联络站", "联络点", "黄土镇", ""],
                ]
            }
        )
    )
    tab.go("/ledger/")
    page.set_input_files("input[name=file]", str(bad))
    tab.click("form.record button[type=submit]")
    page.wait_for_selector("[data-status]")
    assert "发现 1 个错误" in tab.text()
    row = page.locator("table.list tbody tr").first.inner_text()
    assert "联络站" in row and "3" in row and "类型" in row and "联络点" in row

    fixed = tmp_path / "台账（改）.xlsx"
    fixed.write_bytes(
        book(
            {
                "联络站": [
                    STATION,
                    ["河清镇双碑村代表联络站", "代表联络站", "河清镇", ""],
                    ["黄土镇红光村代表联络站", "代表联络站", "黄土镇", ""],
                ]
            }
        )
    )
    tab.go("/ledger/")
    page.set_input_files("input[name=file]", str(fixed))
    tab.click("form.record button[type=submit]")
    page.wait_for_selector("text=确认导入")
    tab.click("text=确认导入")
    page.wait_for_selector("text=已导入")
    tab.go("/stations/")
    assert "河清镇双碑村代表联络站" in tab.text() and "黄土镇红光村代表联络站" in tab.text()
    assert Unit.objects.count() == 0


def test_writing_the_review(tab, clerk, known_year):
    """The text beside its live preview: figures filled in and linked, errors at their line."""
    from playwright.sync_api import expect

    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go("/reports/2025/text/")
    preview = page.locator("#preview")
    preview.locator("a.figure").first.wait_for()
    editor = page.locator("textarea[name=text]")
    editor.fill(
        "# 一、概况\n\n本年全年召开常委会会议{{常委会会议}}，作出决议决定{{决议决定|数}}项。"
    )
    expect(preview).to_contain_text("本年全年召开")
    assert "全年召开常委会会议3次" in preview.inner_text()
    link = preview.locator("a.figure", has_text="3次")
    assert "meetings" in link.get_attribute("href")
    editor.fill("第一行\n\n召开{{常委会会义}}次")
    errors = page.locator("#text-errors")
    errors.locator("a").first.wait_for()
    assert "第3行：未知的统计数字“常委会会义”" in errors.inner_text()
    # The editor numbers its lines and marks the one with the error.
    gutter = page.locator(".gutter div")
    assert gutter.all_inner_texts() == ["1", "2", "3"]
    assert page.locator(".gutter .bad").inner_text() == "3"
    assert "未知的统计数字" in page.locator(".gutter .bad").get_attribute("title")
    editor.fill("# 一、概况\n\n全年召开常委会会议{{常委会会议}}。")
    expect(errors).to_be_hidden()
    tab.click("#text-form button[type=submit]")
    assert "文稿已保存" in tab.text()
    tab.go("/reports/2025/preview/")
    assert "全年召开常委会会议3次。" in page.locator("body").inner_text()
    assert not tab.problems, tab.problems
