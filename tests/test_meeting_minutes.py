"""会议纪要: drafted from the meeting's attendance, agenda and votes as Word and PDF in the
official layout; the office files its final version, which the archive then keeps."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from meetings.models import Appointment, Attendance, Meeting, Member, Vote
from tests.layoutcheck import Spec, check

D = datetime.date


@pytest.fixture
def held(db):
    meeting = Meeting.objects.create(
        kind="常委会会议",
        term=18,
        seq=25,
        date=D(2025, 6, 18),
        place="机关会议室",
        guests="区政府有关负责同志",
    )
    meeting.agenda.create(order=1, title="听取和审议关于就业工作情况的报告", reporter="区人社局")
    meeting.agenda.create(order=2, title="审议人事任免事项")
    people = [
        ("赵主任", "主任"),
        ("钱副主任", "副主任"),
        ("孙委员", "委员"),
        ("李委员", "委员"),
        ("周委员", "委员"),
    ]
    members = [
        Member.objects.create(name=n, post=p, term=18, start=D(2021, 10, 1)) for n, p in people
    ]
    for m, status in zip(members, ["出席", "出席", "出席", "请假", "出席"], strict=True):
        Attendance.objects.create(
            meeting=meeting, member=m, status=status, reason="出差" if status == "请假" else ""
        )
    Appointment.objects.create(
        person="郑局长",
        kind="任命",
        post="局长",
        organisation="区人社局",
        date=meeting.date,
        meeting=meeting,
    )
    Vote.objects.create(meeting=meeting, item="郑局长", yes=4, no=0, abstain=0)
    return meeting


def test_the_draft_says_who_attended_and_what_was_decided(held, clerk_client):
    response = clerk_client.get(reverse("meeting_minutes", args=[held.pk]) + "?format=docx")
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "会议由主任赵主任主持" in text
    assert "应出席5人，实到4人，请假1人，符合法定人数" in text
    assert "任命郑局长为区人社局局长，通过（赞成4票，反对0票，弃权0票）" in text
    assert "请假：李委员（出差）" in text and "列席：区政府有关负责同志" in text
    pdf = clerk_client.get(reverse("meeting_minutes", args=[held.pk]) + "?format=pdf")
    assert check(pdf.content, Spec(closing=True)) == []


def test_the_office_files_its_final_version(held, clerk_client):
    assert (
        clerk_client.get(reverse("meeting_minutes", args=[held.pk]) + "?format=final").status_code
        == 404
    )
    held.minutes = SimpleUploadedFile("纪要.pdf", b"%PDF-1.4\n%%EOF\n")
    held.save()
    final = clerk_client.get(reverse("meeting_minutes", args=[held.pk]) + "?format=final")
    assert final.status_code == 200 and b"".join(final.streaming_content).startswith(b"%PDF")


def test_only_staff_read_the_minutes(held, unit_client, member_client, clerk_client):
    url = reverse("meeting_minutes", args=[held.pk])
    assert unit_client.get(url).status_code == 403
    assert member_client.get(url).status_code == 403
    assert clerk_client.post(url).status_code == 405
    assert clerk_client.get(url + "?format=xls").status_code == 404
    assert clerk_client.get(reverse("meeting_minutes", args=[999999])).status_code == 404


def test_opinions_are_drafted_for_the_work_heard(held, clerk_client, leader_client):
    from oversight.models import OversightItem, ReviewOpinion

    OversightItem.objects.create(
        kind="专项工作报告",
        name="关于就业工作情况的报告",
        date=held.date,
        meeting=held,
        organ="人民政府",
    )
    url = reverse("meeting_opinions", args=[held.pk])
    assert leader_client.post(url).status_code == 403
    assert clerk_client.get(url).status_code == 405
    clerk_client.post(url)
    opinion = ReviewOpinion.objects.get()
    assert opinion.name == "关于就业工作情况报告的审议意见" and opinion.body == "区人民政府"
    assert opinion.source.meeting == held and opinion.deadline  # the configured months
    clerk_client.post(url)
    assert ReviewOpinion.objects.count() == 1  # not twice


def test_a_decisions_adoption_comes_from_its_vote(held, clerk_client):
    from meetings.models import Decision

    d = Decision.objects.create(
        title="关于批准决算的决议", kind="决议", date=held.date, meeting=held
    )
    Vote.objects.create(meeting=held, item="关于批准决算的决议", yes=4, no=0, abstain=0)
    assert d.vote_result == "通过（赞成4票，反对0票，弃权0票）"
    assert (
        "通过（赞成4票"
        in clerk_client.get(reverse("decisions_list"), {"year": ""}).content.decode()
    )


def test_an_agenda_item_links_to_the_appointments_it_votes(held, clerk_client):
    appointment = held.appointments.get()
    item = held.agenda.get(order=2)
    data = {
        "kind": held.kind, "term": "18", "seq": "25", "name": held.name, "date": "2025-06-18",
        "time": "", "place": held.place, "guests": held.guests, "notes": "", "_version": Meeting.objects.get(pk=held.pk).version,
        "agenda-TOTAL_FORMS": "2", "agenda-INITIAL_FORMS": "2",
        "documents-TOTAL_FORMS": "0", "documents-INITIAL_FORMS": "0",
    }  # fmt: skip
    for i, a in enumerate(held.agenda.all()):
        data |= {
            f"agenda-{i}-id": a.pk,
            f"agenda-{i}-order": a.order,
            f"agenda-{i}-title": a.title,
            f"agenda-{i}-reporter": a.reporter,
        }
    data["agenda-1-appointments"] = [appointment.pk]
    response = clerk_client.post(reverse("meetings_edit", args=[held.pk]), data)
    import re as _re

    assert response.status_code == 302, (
        response.status_code,
        _re.findall(r"class=\"error[^>]*>([^<]+)<", response.content.decode()),
    )
    assert list(item.appointments.all()) == [appointment]
    page = clerk_client.get(reverse("meetings_detail", args=[held.pk])).content.decode()
    assert reverse("appointments_detail", args=[appointment.pk]) in page
    # Another meeting's appointment is not offered.
    form = clerk_client.get(reverse("meetings_edit", args=[held.pk])).content.decode()
    assert "郑局长" in form
