"""A meeting carried from notice to minutes: staff prepare it (agenda, materials, notice, pack),
a member reads the notice and the pack on a phone, staff record attendance and votes, the
appointment shows its 表决结果, and the minutes download as Word."""

import datetime
import io

import pytest
from django.utils import timezone
from docx import Document

from congress.documents.layout import page_html, print_pdf
from meetings.models import Meeting, Member
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _material() -> bytes:
    html = page_html("documents/base.html", {"title": "报告"}).replace(
        "<body>", "<body><h1 class='title'>关于就业工作情况的报告</h1><p>正文。</p>"
    )
    return print_pdf([html], title="报告").data


def test_a_meeting_from_notice_to_minutes(tab, clerk, member_user):
    page = tab.page
    for name, post in (
        ("赵主任", "主任"),
        ("钱副主任", "副主任"),
        ("孙委员", "委员"),
        ("李委员", "委员"),
    ):
        Member.objects.create(name=name, post=post, term=18, start=datetime.date(2021, 10, 1))
    day = timezone.localdate() + datetime.timedelta(days=10)

    # Staff prepare the meeting: its agenda, then a material under its first item.
    tab.login("clerk", PASSWORD)
    tab.go("/meetings/new/")
    page.select_option("select[name=kind]", "常委会会议")
    page.fill("input[name=term]", "18")
    page.fill("input[name=date]", day.isoformat())
    page.fill("input[name=time]", "上午9:00")
    page.fill("input[name=place]", "区人大常委会机关会议室")
    page.fill("input[name='agenda-0-title']", "听取和审议关于就业工作情况的报告")
    page.fill("input[name='agenda-1-order']", "2")
    page.fill("input[name='agenda-1-title']", "审议人事任免事项")
    tab.click("form.record button[type=submit]")
    meeting = Meeting.objects.get()
    tab.go(f"/meetings/{meeting.pk}/edit/")
    page.fill("input[name='documents-0-title']", "就业工作报告")
    page.select_option("select[name='documents-0-item']", label="听取和审议关于就业工作情况的报告")
    page.set_input_files(
        "input[name='documents-0-file']",
        files=[{"name": "报告.pdf", "mimeType": "application/pdf", "buffer": _material()}],
    )
    tab.click("form.record button[type=submit]")

    # The notice, then the pack.
    tab.click("button:text('印发会议通知')")
    assert "已通知1名组成人员" in tab.text()
    tab.click("button:text('汇编会议材料')")
    assert "下载汇编" in tab.text()

    # The member, on a phone: the meeting, its notice and its pack.
    page.set_viewport_size({"width": 390, "height": 844})
    tab.login("member", PASSWORD)
    assert "会议通知与材料" in tab.text()
    tab.click("a:text('会议通知与材料')")
    tab.click(f"a:text('{meeting.name}')")
    assert "听取和审议关于就业工作情况的报告" in tab.text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    notice = page.context.request.get(tab.base + f"/my/meetings/{meeting.pk}/notice.pdf")
    assert notice.status == 200 and notice.body().startswith(b"%PDF")
    pack = page.context.request.get(tab.base + f"/my/meetings/{meeting.pk}/pack.pdf")
    assert pack.status == 200 and pack.body().startswith(b"%PDF")

    # Back at the office: attendance, an appointment and its vote.
    page.set_viewport_size({"width": 1360, "height": 900})
    tab.login("clerk", PASSWORD)
    tab.go(f"/meetings/{meeting.pk}/attendance/")
    members = {m.name: m.pk for m in Member.objects.all()}
    page.check(f"input[name='status-{members['李委员']}'][value=请假]")
    page.fill(f"input[name='reason-{members['李委员']}']", "出差")
    tab.click("form.record button[type=submit]")
    assert "已记录5名组成人员的出席情况" in tab.text()
    tab.go("/appointments/new/")
    page.fill("input[name=person]", "郑明")
    page.select_option("select[name=kind]", "任命")
    page.fill("input[name=post]", "区人力资源和社会保障局局长")
    page.fill("input[name=date]", day.isoformat())
    page.select_option("select[name=meeting]", label=meeting.name)
    tab.click("form.record button[type=submit]")
    tab.go("/votes/new/")
    page.select_option("select[name=meeting]", label=meeting.name)
    page.fill("input[name=item]", "郑明")
    page.fill("input[name=yes]", "4")
    page.fill("input[name=no]", "0")
    page.fill("input[name=abstain]", "0")
    page.fill("input[name=silent]", "0")
    tab.click("form.record button[type=submit]")
    tab.go("/appointments/")
    assert "通过（赞成4票，反对0票，弃权0票）" in tab.text()

    # The minutes, as Word.
    tab.go(f"/meetings/{meeting.pk}/")
    with page.expect_download() as download:
        page.click("a[href*='minutes'][href*='docx']")
    text = "\n".join(
        p.text for p in Document(io.BytesIO(open(download.value.path(), "rb").read())).paragraphs
    )
    assert "应出席5人，实到4人，请假1人" in text and "任命郑明为区人力资源和社会保障局局长" in text
