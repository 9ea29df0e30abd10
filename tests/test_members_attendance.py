"""The committee's members, their attendance at a meeting (过半数出席) and the votes, whose
result follows from the members serving that day; the same rules in the page and the ledger."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from congress.figures.cache import compute_year
from congress.ledger.export import workbook_bytes
from congress.ledger.importer import import_workbook
from meetings.models import Appointment, Attendance, Meeting, Member, Vote
from tests.ledgerbook import MEETING, book

D = datetime.date
MEMBERS = ["姓名", "职务", "届次", "任职日期", "离任日期"]
ATTENDANCE = ["会议名称", "姓名", "出席情况", "请假事由"]
VOTES = ["会议名称", "表决事项", "赞成", "反对", "弃权", "未按表决器"]


@pytest.fixture
def committee(db):
    """Five members serving in March 2025 and one who left in 2024."""
    members = [
        Member.objects.create(name=n, post=p, term=18, start=D(2021, 10, 1))
        for n, p in (
            ("赵主任", "主任"),
            ("钱副主任", "副主任"),
            ("孙委员", "委员"),
            ("李委员", "委员"),
            ("周委员", "委员"),
        )
    ]
    Member.objects.create(
        name="吴前委员", post="委员", term=18, start=D(2021, 10, 1), end=D(2024, 6, 30)
    )
    meeting = Meeting.objects.create(
        kind=Meeting.Kind.STANDING, term=18, seq=20, date=D(2025, 3, 18)
    )
    return meeting, members


def _post(meeting, statuses: dict, reasons: dict | None = None) -> dict:
    data = {}
    for member, status in statuses.items():
        data[f"status-{member.pk}"] = status
        data[f"reason-{member.pk}"] = (reasons or {}).get(member, "")
    return data


def test_the_attendance_page_lists_the_members_serving_that_day(committee, clerk_client):
    meeting, members = committee
    page = clerk_client.get(reverse("meeting_attendance", args=[meeting.pk])).content.decode()
    assert all(m.name in page for m in members) and "吴前委员" not in page
    assert "data-serving>5<" in page


def test_a_meeting_without_a_quorum_is_refused_and_nothing_is_saved(committee, clerk_client):
    meeting, members = committee
    statuses = dict(zip(members, ["出席", "出席", "请假", "缺席", "缺席"], strict=True))
    response = clerk_client.post(
        reverse("meeting_attendance", args=[meeting.pk]),
        _post(meeting, statuses, {members[2]: "出差"}),
    )
    assert response.status_code == 400
    assert "出席2人，未超过全体组成人员5人的半数" in response.content.decode()
    assert not Attendance.objects.exists()


def test_attendance_is_recorded_and_counted(committee, clerk_client):
    meeting, members = committee
    statuses = dict(zip(members, ["出席", "出席", "出席", "请假", "缺席"], strict=True))
    response = clerk_client.post(
        reverse("meeting_attendance", args=[meeting.pk]),
        _post(meeting, statuses, {members[3]: "出差"}),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.present, meeting.on_leave) == (3, 1)
    assert Attendance.objects.get(member=members[3]).reason == "出差"
    detail = clerk_client.get(reverse("meetings_detail", args=[meeting.pk])).content.decode()
    assert "出席 3 人" in detail


def test_a_reason_only_with_leave(committee, clerk_client):
    meeting, members = committee
    statuses = dict.fromkeys(members, "出席")
    response = clerk_client.post(
        reverse("meeting_attendance", args=[meeting.pk]),
        _post(meeting, statuses, {members[0]: "出差"}),
    )
    assert response.status_code == 400
    assert "赵主任：只有请假时填写请假事由。" in response.content.decode()
    assert not Attendance.objects.exists()


def test_one_row_at_a_time_keeps_the_quorum_too(committee, clerk_client):
    meeting, members = committee
    for m in members[:3]:
        Attendance.objects.create(meeting=meeting, member=m, status="出席")
    row = Attendance.objects.get(member=members[0])
    response = clerk_client.post(
        reverse("attendance_edit", args=[row.pk]),
        {
            "meeting": meeting.pk,
            "member": members[0].pk,
            "status": "缺席",
            "reason": "",
            "version": row.version,
        },
    )
    assert response.status_code == 400
    assert "出席2人，未超过全体组成人员5人的半数" in response.content.decode()
    assert Attendance.objects.get(pk=row.pk).status == "出席"


def test_who_may_see_and_record_attendance(committee, clerk_client, leader_client, unit_client):
    meeting, _members = committee
    url = reverse("meeting_attendance", args=[meeting.pk])
    assert unit_client.get(url).status_code == 403
    assert leader_client.get(url).status_code == 200
    assert leader_client.post(url, {}).status_code == 403
    assert clerk_client.get(reverse("meeting_attendance", args=[999999])).status_code == 404
    assert clerk_client.delete(url).status_code == 405


def test_a_vote_passes_with_more_than_half_of_all_serving_members(committee):
    meeting, _members = committee
    # 2 for, 0 against, 0 abstaining: more for than against, yet not half of the 5 members.
    lost = Vote.objects.create(meeting=meeting, item="关于甲的决定", yes=2, no=0, abstain=0)
    won = Vote.objects.create(meeting=meeting, item="关于乙的决定", yes=3, no=1, abstain=1)
    assert not lost.passed and lost.result.startswith("未通过")
    assert won.passed and won.result == "通过（赞成3票，反对1票，弃权1票）"


def test_more_votes_than_members_is_refused(committee, clerk_client):
    meeting, _members = committee
    response = clerk_client.post(
        reverse("votes_create"),
        {
            "meeting": meeting.pk,
            "item": "关于丙的决定",
            "yes": "4",
            "no": "1",
            "abstain": "1",
            "silent": "0",
        },
    )
    assert response.status_code == 400
    assert "共6票，超过了当日全体组成人员5人" in response.content.decode()
    assert not Vote.objects.exists()


def test_an_appointments_result_comes_from_its_vote(committee):
    meeting, _members = committee
    appointment = Appointment.objects.create(
        person="郑局长", kind="任命", post="局长", date=meeting.date, meeting=meeting
    )
    Vote.objects.create(meeting=meeting, item="郑局长", yes=5, no=0, abstain=0)
    assert appointment.vote_result == "通过（赞成5票，反对0票，弃权0票）"


def test_member_rules(committee, clerk_client):
    response = clerk_client.post(
        reverse("members_create"),
        {"name": "赵主任", "post": "委员", "term": "17", "start": "2020-01-01", "end": ""},
    )
    assert response.status_code == 400
    assert "同一人同一时间只能担任一个职务" in response.content.decode()
    response = clerk_client.post(
        reverse("members_create"),
        {
            "name": "新委员",
            "post": "委员",
            "term": "18",
            "start": "2024-01-01",
            "end": "2023-01-01",
        },
    )
    assert "离任日期不能早于任职日期。" in response.content.decode()
    assert Member.objects.filter(name="新委员").count() == 0


# --- the ledger, format 3 ---------------------------------------------------------------------


def _workbook(present: int) -> bytes:
    names = ["赵一", "钱二", "孙三", "李四", "周五"]
    statuses = ["出席"] * present + ["缺席"] * (5 - present)
    return book(
        {
            "组成人员": [MEMBERS, *[[n, "委员", 18, "2021-10-01", None] for n in names]],
            "会议": [
                MEETING,
                [
                    "常委会会议",
                    "区第十八届人大常委会第二十次会议",
                    "2025-03-18",
                    18,
                    20,
                    "审议报告",
                ],
            ],
            "会议出席": [
                ATTENDANCE,
                *[
                    ["区第十八届人大常委会第二十次会议", n, s, None]
                    for n, s in zip(names, statuses, strict=True)
                ],
            ],
            "表决": [VOTES, ["区第十八届人大常委会第二十次会议", "审议报告", present, 0, 0, 0]],
        }
    )


def test_the_ledger_imports_members_attendance_and_votes(db):
    result = import_workbook(_workbook(3))
    assert result.ok, [str(p) for p in result.errors]
    meeting = Meeting.objects.get()
    assert (meeting.present, Member.objects.count(), Attendance.objects.count()) == (3, 5, 5)
    assert Vote.objects.get().result == "通过（赞成3票，反对0票，弃权0票）"
    figures = compute_year(2025)
    assert figures["attendance_rate"] == "60%" and figures["votes"] == 1
    # Exported with its new sheets, and imported again unchanged.
    data, _counts = workbook_bytes(2025)
    wb = load_workbook(io.BytesIO(data))
    assert {"组成人员", "会议出席", "表决"} <= set(wb.sheetnames)
    again = import_workbook(data)
    assert again.ok and again.unchanged["会议出席"] == 5 and again.unchanged["表决"] == 1


def test_the_ledger_refuses_a_meeting_without_a_quorum(db):
    result = import_workbook(_workbook(2))
    assert not result.ok
    assert [p.reason for p in result.errors] == [
        "区第十八届人大常委会第二十次会议出席2人，未超过全体组成人员5人的半数："
        "常委会会议须有过半数组成人员出席方能举行。"
    ]
    assert not Meeting.objects.exists() and not Member.objects.exists()


def test_the_figures_drill_down_to_the_rows(db, clerk_client):
    assert import_workbook(_workbook(4)).ok
    from congress.figures.builtin import FIGURES

    link = FIGURES["attendance_rate"].link(2025)
    page = clerk_client.get(link).content.decode()
    assert page.count("区第十八届人大常委会第二十次会议") >= 5
    votes = clerk_client.get(FIGURES["votes"].link(2025)).content.decode()
    assert "审议报告" in votes


def test_a_reports_satisfaction_ballots_give_its_grade(committee, clerk_client):
    from oversight.models import OversightItem

    meeting, _members = committee
    data = {
        "kind": "专项工作报告",
        "name": "关于就业工作情况的报告",
        "date": "2025-03-18",
        "meeting": meeting.pk,
        "points": "0",
        "problems_solved": "0",
        "rated_satisfied": "3",
        "rated_fair": "1",
        "rated_unsatisfied": "1",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    too_many = clerk_client.post(reverse("oversight_create"), {**data, "rated_satisfied": "5"})
    assert too_many.status_code == 400
    assert "满意度测评共7票，超过了当日全体组成人员5人。" in too_many.content.decode()
    assert not OversightItem.objects.exists()
    assert clerk_client.post(reverse("oversight_create"), data).status_code == 302
    item = OversightItem.objects.get()
    assert (
        item.satisfaction == "满意" and item.rating() == "满意（满意3票、基本满意1票、不满意1票）"
    )
    page = clerk_client.get(reverse("oversight_detail", args=[item.pk])).content.decode()
    assert "满意（满意3票、基本满意1票、不满意1票）" in page
