"""Meetings, appointments and oversight: the models' rules and the staff's pages."""

from django.test import override_settings
from django.urls import reverse

from meetings.models import Appointment, Decision, Meeting
from oversight.models import OversightItem, ReviewOpinion
from tests import factories as f

D = f.D


def test_meeting_name_is_generated_and_numbers_continue_within_a_term(db):
    m1 = Meeting.objects.create(kind="常委会会议", term=18, seq=25, date=D(2025, 3, 1))
    assert m1.name == "区第十八届人大常委会第二十五次会议"
    m2 = Meeting.objects.create(kind="常委会会议", term=18, date=D(2025, 4, 1))
    assert m2.seq == 26
    m3 = Meeting.objects.create(kind="常委会会议", term=19, date=D(2027, 1, 10))
    assert m3.seq == 1 and m3.name == "区第十九届人大常委会第一次会议"
    m4 = Meeting.objects.create(kind="主任会议", term=18, date=D(2025, 4, 2))
    assert m4.name == "区第十八届人大常委会第一次主任会议"


def test_the_name_follows_the_profile(db):
    from congress.accounts.models import Profile

    p = Profile.get()
    p.level = "县"
    p.save()
    assert Meeting.objects.create(kind="常委会会议", term=17, seq=3, date=D(2025, 1, 1)).name == (
        "县第十七届人大常委会第三次会议"
    )


def test_create_a_meeting_with_its_agenda(clerk_client, db):
    data = {
        "kind": "常委会会议",
        "term": "18",
        "seq": "",
        "name": "",
        "date": "2025-03-18",
        "place": "区人大常委会会议室",
        "agenda-TOTAL_FORMS": "2",
        "agenda-INITIAL_FORMS": "0",
        "agenda-0-order": "1",
        "agenda-0-title": "听取区政府关于就业工作的报告",
        "agenda-0-reporter": "区人社局",
        "agenda-1-order": "2",
        "agenda-1-title": "审议人事任免事项",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    response = clerk_client.post(reverse("meetings_create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    m = Meeting.objects.get()
    assert m.name == "区第十八届人大常委会第一次会议"
    assert [a.title for a in m.agenda.all()] == ["听取区政府关于就业工作的报告", "审议人事任免事项"]
    page = clerk_client.get(reverse("meetings_detail", args=[m.pk])).content.decode()
    assert "听取区政府关于就业工作的报告" in page


def test_meeting_form_errors(clerk_client, db):
    Meeting.objects.create(kind="常委会会议", term=18, seq=5, date=D(2025, 3, 1))
    response = clerk_client.post(
        reverse("meetings_create"),
        {
            "kind": "常委会会议",
            "term": "18",
            "seq": "5",
            "date": "",
            "agenda-TOTAL_FORMS": "0",
            "agenda-INITIAL_FORMS": "0",
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "第18届已有第5次常委会会议" in text and "这个字段是必填项" in text
    assert Meeting.objects.count() == 1


def test_deleting_a_meeting_never_takes_its_decisions(clerk_client, db):
    m = f.meeting(term=18, seq=1)
    Decision.objects.create(title="关于加强经济工作监督的决定", date=D(2025, 3, 18), meeting=m)
    response = clerk_client.post(reverse("meetings_delete", args=[m.pk]))
    assert response.status_code == 409
    assert "不能删除" in response.content.decode()
    assert Meeting.objects.count() == 1 and Decision.objects.count() == 1


def test_delete_confirms_then_deletes(clerk_client, db):
    m = f.meeting(term=18, seq=1)
    assert "确认删除" in clerk_client.get(reverse("meetings_delete", args=[m.pk])).content.decode()
    assert clerk_client.post(reverse("meetings_delete", args=[m.pk])).status_code == 302
    assert not Meeting.objects.exists()


def test_appointees_waiting_for_the_oath(clerk_client, db):
    Appointment.objects.create(person="李华", kind="任命", post="区财政局局长", date=D(2025, 3, 1))
    Appointment.objects.create(person="王强", kind="免职", post="区财政局局长", date=D(2025, 3, 1))
    Appointment.objects.create(
        person="赵敏",
        kind="决定任命",
        post="区教育局局长",
        date=D(2025, 3, 1),
        oath_date=D(2025, 3, 1),
        oath_form="集体宣誓",
    )
    assert [a.person for a in Appointment.objects.awaiting_oath()] == ["李华"]
    text = clerk_client.get(reverse("appointments_oath")).content.decode()
    assert "李华" in text and "王强" not in text and "赵敏" not in text


def test_appointment_oath_errors(clerk_client, db):
    response = clerk_client.post(
        reverse("appointments_create"),
        {
            "person": "王强",
            "kind": "免职",
            "post": "局长",
            "date": "2025-03-01",
            "oath_date": "2025-02-01",
            "oath_form": "个人宣誓",
        },
    )
    assert response.status_code == 400
    assert "“免职”无需进行宪法宣誓" in response.content.decode()
    assert not Appointment.objects.exists()


def test_opinion_deadline_defaults_to_three_months_and_goes_overdue(db):
    o = ReviewOpinion.objects.create(name="就业审议意见", date=D(2025, 3, 31), body="区人社局")
    assert o.deadline == D(2025, 6, 30)
    assert o.is_overdue(today=D(2025, 7, 1)) and not o.is_overdue(today=D(2025, 6, 30))
    assert list(ReviewOpinion.objects.overdue(today=D(2025, 7, 1))) == [o]
    o.report_date = D(2025, 6, 20)
    o.save()
    assert o.state == "已报告" and not o.is_overdue(today=D(2025, 7, 1))


@override_settings(
    CONGRESS={
        "OPINION_REPORT_MONTHS": 2,
        "REPLY_MONTHS": 3,
        "REPLY_MONTHS_DIFFICULT": 6,
        "SECOND_REPLY_MONTHS": 1,
        "RETURN_WORKING_DAYS": 5,
    }
)
def test_opinion_period_is_a_setting(db):
    o = ReviewOpinion.objects.create(name="意见", date=D(2025, 3, 31), body="区法院")
    assert o.deadline == D(2025, 5, 31)


def test_overdue_opinion_list_and_flag(clerk_client, db):
    item = OversightItem.objects.create(kind="专项工作报告", name="就业报告", date=D(2025, 3, 1))
    ReviewOpinion.objects.create(
        name="迟交的意见", date=D(2025, 1, 5), body="区人社局", source=item
    )
    ReviewOpinion.objects.create(
        name="已报告的意见", date=D(2025, 1, 5), body="区人社局", report_date=D(2025, 3, 1)
    )
    response = clerk_client.get(reverse("opinions_overdue"), follow=True)
    text = response.content.decode()
    assert "迟交的意见" in text and "已报告的意见" not in text
    item_page = clerk_client.get(reverse("oversight_detail", args=[item.pk])).content.decode()
    assert "迟交的意见" in item_page and "逾期" in item_page


def test_inspection_needs_its_law(clerk_client, db):
    response = clerk_client.post(
        reverse("oversight_create"),
        {
            "kind": "执法检查",
            "name": "停车管理执法检查",
            "date": "2025-05-01",
            "points": "0",
            "problems_solved": "0",
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 400
    assert "执法检查必须填写所检查的法律法规" in response.content.decode()
    assert not OversightItem.objects.exists()


def test_opinion_form_rejects_reported_without_date_and_negative_points(clerk_client, db):
    response = clerk_client.post(
        reverse("opinions_create"),
        {
            "name": "意见",
            "category": "审议意见",
            "date": "2025-03-01",
            "body": "区政府",
            "points": "-3",
            "state": "已报告",
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "状态为“已报告”时必须填写报告日期" in text
    assert "确保该值大于或等于0" in text
    assert not ReviewOpinion.objects.exists()
