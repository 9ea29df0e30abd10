"""组成人员: the notice numbered and issued by staff in the official layout (PDF and Word), sent
to the members' accounts; a member reads their own meetings' notices and materials on a
phone, and nothing else."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congress.work.models import Notification
from meetings.models import Meeting, MeetingDocument, Member
from tests.conftest import client_for, make_user
from tests.layoutcheck import Spec, check

D = datetime.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def meetings(db, member_user):
    standing = Meeting.objects.create(
        kind="常委会会议", term=18, seq=25, date=D(2025, 6, 18), place="机关会议室", time="上午9:00"
    )
    standing.agenda.create(order=1, title="听取和审议关于就业工作情况的报告", reporter="区人社局")
    chairman = Meeting.objects.create(kind="主任会议", term=18, seq=40, date=D(2025, 6, 10))
    before = Meeting.objects.create(kind="常委会会议", term=17, seq=30, date=D(2020, 6, 18))
    for m in (standing, chairman, before):
        MeetingDocument.objects.create(
            meeting=m, title=f"{m.name}材料", file=SimpleUploadedFile("a.pdf", PDF)
        )
    return standing, chairman, before


def test_staff_issue_the_notice_and_members_are_told(meetings, clerk_client, member_user):
    standing, *_ = meetings
    response = clerk_client.post(reverse("meeting_notice", args=[standing.pk]))
    assert response.status_code == 302
    standing.refresh_from_db()
    assert standing.notice_number == "安人常办通〔2025〕1号" or standing.notice_number.endswith(
        "〕1号"
    )
    note = Notification.objects.get(user=member_user)
    assert standing.name in note.title and note.link == reverse(
        "member_meeting", args=[standing.pk]
    )
    # Issued again: the same 文号, nobody told twice; the next meeting takes 2号.
    clerk_client.post(reverse("meeting_notice", args=[standing.pk]))
    standing.refresh_from_db()
    assert standing.notice_number.endswith("〕1号") and Notification.objects.count() == 1
    other = Meeting.objects.create(kind="常委会会议", term=18, seq=26, date=D(2025, 8, 1))
    clerk_client.post(reverse("meeting_notice", args=[other.pk]))
    other.refresh_from_db()
    assert other.notice_number.endswith("〕2号")


def test_the_notice_in_the_official_layout_and_in_word(meetings, clerk_client):
    standing, *_ = meetings
    clerk_client.post(reverse("meeting_notice", args=[standing.pk]))
    pdf = clerk_client.get(reverse("meeting_notice", args=[standing.pk]) + "?format=pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert check(pdf.content, Spec(closing=True)) == []
    docx = clerk_client.get(reverse("meeting_notice", args=[standing.pk]) + "?format=docx")
    styles = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/styles.xml").decode()
    assert "Theme" not in styles and 'w:eastAsia="仿宋_GB2312"' in styles
    document = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    assert "听取和审议关于就业工作情况的报告" in document and "吕玉梅" in document
    assert (
        clerk_client.get(reverse("meeting_notice", args=[standing.pk]) + "?format=xls").status_code
        == 404
    )


def test_only_staff_who_change_meetings_issue_notices(
    meetings, leader_client, unit_client, member_client
):
    standing, *_ = meetings
    url = reverse("meeting_notice", args=[standing.pk])
    assert leader_client.post(url).status_code == 403
    assert unit_client.post(url).status_code == 403
    assert member_client.post(url).status_code == 403
    assert member_client.get(url).status_code == 403
    standing.refresh_from_db()
    assert not standing.notice_number


def test_a_member_reads_their_own_meetings_only(meetings, member_client, clerk_client):
    standing, chairman, before = meetings
    listing = member_client.get(reverse("member_meetings")).content.decode()
    assert standing.name in listing
    assert chairman.name not in listing  # a 委员 does not attend the 主任会议
    assert before.name not in listing  # before their time
    assert member_client.get(reverse("member_meeting", args=[standing.pk])).status_code == 200
    for other in (chairman, before):
        assert member_client.get(reverse("member_meeting", args=[other.pk])).status_code == 404
        doc = other.documents.get()
        assert member_client.get(reverse("member_document", args=[doc.pk])).status_code == 404
    own = standing.documents.get()
    assert member_client.get(reverse("member_document", args=[own.pk])).status_code == 200
    # No notice before it is issued; then the issued one.
    assert member_client.get(reverse("member_notice", args=[standing.pk])).status_code == 404
    clerk_client.post(reverse("meeting_notice", args=[standing.pk]))
    notice = member_client.get(reverse("member_notice", args=[standing.pk]))
    assert notice.status_code == 200 and notice.content.startswith(b"%PDF")
    assert member_client.post(reverse("member_meetings")).status_code == 405


def test_a_member_sees_nothing_of_the_office(meetings, member_client):
    home = member_client.get(reverse("home")).content.decode()
    assert "会议通知与材料" in home and "待办" not in home.split("<main>")[1]
    for name in ("meetings_list", "dashboard", "suggestions_list", "reports", "ledger", "portal"):
        assert member_client.get(reverse(name)).status_code == 403, name
    assert member_client.get(reverse("meetings_detail", args=[meetings[0].pk])).status_code == 403


def test_staff_and_units_do_not_use_the_members_pages(meetings, clerk_client, unit_client, db):
    standing, *_ = meetings
    for client in (clerk_client, unit_client):
        assert client.get(reverse("member_meetings")).status_code == 403
        assert client.get(reverse("member_meeting", args=[standing.pk])).status_code == 403
    # An account with the member role but no member record behind it sees nothing either.
    from congress.accounts import roles

    stray = client_for(make_user("stray", roles.MEMBER))
    assert stray.get(reverse("member_meetings")).status_code == 403


def test_a_member_who_left_loses_their_later_meetings(meetings, member_client, member_user):
    standing, *_ = meetings
    Member.objects.filter(user=member_user).update(end=D(2025, 5, 31))
    assert member_client.get(reverse("member_meeting", args=[standing.pk])).status_code == 404


def test_an_administrator_creates_the_members_accounts_at_once(db, admin_user, clerk_client):
    from django.contrib.auth.models import User

    from congress.accounts import roles

    for name in ("冯委员", "陈委员"):
        Member.objects.create(name=name, post="委员", term=18, start=D(2021, 10, 1))
    Member.objects.create(
        name="旧委员", post="委员", term=17, start=D(2016, 10, 1), end=D(2021, 9, 30)
    )
    admin = client_for(admin_user)
    assert clerk_client.post(reverse("member_accounts")).status_code == 403
    response = admin.post(reverse("member_accounts"))
    page = response.content.decode()
    assert response.status_code == 200 and "账号发放单" in page and "/set-password/" in page
    made = User.objects.filter(member__isnull=False)
    assert {u.username for u in made} == {"冯委员", "陈委员"}
    assert all(u.groups.get().name == roles.MEMBER and not u.has_usable_password() for u in made)
    # Again: nobody gets a second account.
    admin.post(reverse("member_accounts"))
    assert User.objects.filter(member__isnull=False).count() == 2


def test_the_schedule_of_the_day_in_the_official_layout(meetings, clerk_client, unit_client):
    standing, *_ = meetings
    standing.agenda.update(time="9:00—9:40")
    url = reverse("meeting_notice", args=[standing.pk]) + "?format=schedule"
    pdf = clerk_client.get(url)
    assert pdf.status_code == 200 and check(pdf.content) == []
    from tests.layoutcheck import read

    text = "".join(p.text for p in read(pdf.content))
    assert "9:00—9:40" in text and "日程" in text
    assert unit_client.get(url).status_code == 403
