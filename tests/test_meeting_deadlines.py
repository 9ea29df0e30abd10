"""The office's own deadlines around a meeting, on the working-day calendar, as to-dos: the
notice and the materials before it, the 审议意见 after it."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from congress.work import todo
from meetings.models import Meeting, MeetingDocument
from meetings.services import materials_due, notice_due
from oversight.models import OversightItem, ReviewOpinion
from oversight.services import opinions_to_send

D = datetime.date


@pytest.fixture
def coming(db, settings):
    settings.CONGRESS = {**settings.CONGRESS, "MEETING_NOTICE_DAYS": 5, "MEETING_MATERIALS_DAYS": 3}
    meeting = Meeting.objects.create(kind="常委会会议", term=18, seq=27, date=D(2025, 10, 16))
    meeting.agenda.create(order=1, title="听取和审议报告")
    return meeting


def test_the_notice_is_due_five_working_days_before(coming):
    # 16 Oct is a Thursday. Five working days before it is Friday 10 Oct, not Thursday 9:
    # Saturday 11 Oct is a make-up working day (调休) after the National Day holiday.
    assert not notice_due(D(2025, 10, 9)).exists()
    assert list(notice_due(D(2025, 10, 10))) == [coming]
    coming.notice_number = "安人常办通〔2025〕9号"
    coming.save()
    assert not notice_due(D(2025, 10, 10)).exists()


def test_materials_are_due_three_working_days_before(coming):
    assert not materials_due(D(2025, 10, 10)).exists()
    assert list(materials_due(D(2025, 10, 13))) == [coming]
    MeetingDocument.objects.create(
        meeting=coming,
        item=coming.agenda.get(),
        title="报告",
        file=SimpleUploadedFile("r.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    assert not materials_due(D(2025, 10, 13)).exists()


def test_the_to_dos_count_what_their_lists_show(coming, clerk, clerk_client):
    counts = {t["key"]: t for t in todo.counted(todo.STAFF, clerk, D(2025, 10, 13))}
    assert counts["meeting_notice_due"]["count"] == 1
    assert counts["meeting_materials_due"]["count"] == 1


def test_an_opinion_is_due_after_the_meeting(db, settings):
    settings.CONGRESS = {**settings.CONGRESS, "OPINION_WORKING_DAYS": 5}
    meeting = Meeting.objects.create(kind="常委会会议", term=18, seq=28, date=D(2025, 6, 18))
    heard = OversightItem.objects.create(
        kind="专项工作报告", name="关于就业工作情况的报告", date=meeting.date, meeting=meeting
    )
    assert list(opinions_to_send(D(2025, 6, 20))) == [heard]
    assert not opinions_to_send(D(2025, 6, 20), late_only=True).exists()
    # Five working days after Wednesday 18 June is Wednesday 25 June; late from the 26th.
    assert not opinions_to_send(D(2025, 6, 25), late_only=True).exists()
    assert list(opinions_to_send(D(2025, 6, 26), late_only=True)) == [heard]
    ReviewOpinion.objects.create(
        name="关于就业工作情况报告的审议意见", date=D(2025, 6, 26), body="区政府", source=heard
    )
    assert not opinions_to_send(D(2025, 6, 26)).exists()


def test_staff_are_reminded_once(coming, clerk):
    from congress.work.models import Notification
    from congress.work.notify import send_due

    send_due(D(2025, 10, 13))
    titles = sorted(Notification.objects.filter(user=clerk).values_list("title", flat=True))
    assert titles == [f"会议材料未齐：{coming.name}", f"会议通知待印发：{coming.name}"]
    send_due(D(2025, 10, 14))
    assert Notification.objects.filter(user=clerk).count() == 2
