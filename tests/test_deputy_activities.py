"""The activities the office opens for signing up: a deputy answers 报名 or 请假 (with its
reason) on their own page until the day; staff read the answers on the activity and count the
deputies who signed up as its participants in one step."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from congress.figures.figureset import year_values
from deputies.models import Activity, Deputy, Enrolment
from tests.conftest import client_for, make_user

D = datetime.date


@pytest.fixture
def upcoming(db):
    day = timezone.localdate() + datetime.timedelta(days=7)
    return Activity.objects.create(name="城区交通专题调研", kind="调研", date=day, signup=True)


def test_a_deputy_signs_up_then_asks_for_leave_with_a_reason(deputy_client, deputy_user, upcoming):
    page = deputy_client.get(reverse("deputy_activities")).content.decode()
    assert "城区交通专题调研" in page and "尚未答复" in page
    deputy_client.post(reverse("deputy_enrol", args=[upcoming.pk]), {"answer": "报名"})
    mine = Enrolment.objects.get()
    assert mine.answer == "报名" and mine.deputy.user == deputy_user
    # 请假 without a reason changes nothing.
    no_reason = deputy_client.post(
        reverse("deputy_enrol", args=[upcoming.pk]), {"answer": "请假", "reason": " "}, follow=True
    )
    assert "请假须写明事由" in no_reason.content.decode()
    assert Enrolment.objects.get().answer == "报名"
    deputy_client.post(
        reverse("deputy_enrol", args=[upcoming.pk]), {"answer": "请假", "reason": "外出学习"}
    )
    assert Enrolment.objects.count() == 1
    assert (Enrolment.objects.get().answer, Enrolment.objects.get().reason) == ("请假", "外出学习")
    assert "请假（外出学习）" in deputy_client.get(reverse("deputy_activities")).content.decode()
    # Nonsense answers change nothing.
    deputy_client.post(reverse("deputy_enrol", args=[upcoming.pk]), {"answer": "随便"})
    assert Enrolment.objects.get().answer == "请假"


def test_only_open_activities_of_today_or_later_can_be_answered(deputy_client, upcoming):
    today = timezone.localdate()
    past = Activity.objects.create(
        name="上月视察", kind="视察", date=today - datetime.timedelta(days=1), signup=True
    )
    closed = Activity.objects.create(name="内部培训", kind="培训", date=today)
    page = deputy_client.get(reverse("deputy_activities")).content.decode()
    assert "上月视察" not in page and "内部培训" not in page
    for a in (past, closed):
        response = deputy_client.post(reverse("deputy_enrol", args=[a.pk]), {"answer": "报名"})
        assert response.status_code == 404
    # The day itself still counts.
    Activity.objects.filter(pk=upcoming.pk).update(date=today)
    deputy_client.post(reverse("deputy_enrol", args=[upcoming.pk]), {"answer": "报名"})
    assert Enrolment.objects.filter(activity=upcoming).count() == 1
    assert not Enrolment.objects.exclude(activity=upcoming).exists()


def test_the_model_refuses_the_same_way(upcoming, deputy_user):
    from django.core.exceptions import ValidationError

    deputy = Deputy.objects.get(user=deputy_user)
    Activity.objects.filter(pk=upcoming.pk).update(
        date=timezone.localdate() - datetime.timedelta(1)
    )
    upcoming.refresh_from_db()
    with pytest.raises(ValidationError, match="活动已经举行"):
        Enrolment(activity=upcoming, deputy=deputy, answer="报名").full_clean()


def test_staff_read_the_answers_and_count_who_signed_up(
    deputy_client, deputy_user, upcoming, clerk_client, leader_client
):
    other = Deputy.objects.create(
        name="林代表", sex="男", term=18, elected=D(2021, 10, 1), user=make_user("d2", "人大代表")
    )
    deputy_client.post(reverse("deputy_enrol", args=[upcoming.pk]), {"answer": "报名"})
    client_for(other.user).post(
        reverse("deputy_enrol", args=[upcoming.pk]), {"answer": "请假", "reason": "住院"}
    )
    detail = clerk_client.get(reverse("activities_detail", args=[upcoming.pk])).content.decode()
    assert "住院" in detail and "把报名的 1 位代表计入参加代表" in detail
    # Leadership reads, never counts.
    assert (
        "计入参加代表"
        not in leader_client.get(reverse("activities_detail", args=[upcoming.pk])).content.decode()
    )
    url = reverse("activity_enrolled", args=[upcoming.pk])
    assert leader_client.post(url).status_code == 403
    assert clerk_client.get(url).status_code == 405
    assert clerk_client.post(reverse("activity_enrolled", args=[999999])).status_code == 404
    before = year_values(upcoming.date.year, until=upcoming.date)["邀请人次"].value
    clerk_client.post(url)
    clerk_client.post(url)  # twice: still one participant
    assert [d.user for d in upcoming.deputies.all()] == [deputy_user]
    assert year_values(upcoming.date.year, until=upcoming.date)["邀请人次"].value == before + 1


def test_no_one_but_a_deputy_answers(clerk_client, unit_client, member_client, upcoming):
    for client in (clerk_client, unit_client, member_client):
        assert client.get(reverse("deputy_activities")).status_code == 403
        response = client.post(reverse("deputy_enrol", args=[upcoming.pk]), {"answer": "报名"})
        assert response.status_code == 403
    assert not Enrolment.objects.exists()


def test_the_deputys_home_counts_the_activities_awaiting_an_answer_and_opens_them(
    deputy_client, upcoming
):
    import re

    Activity.objects.create(name="已报名的视察", kind="视察", date=upcoming.date, signup=True)
    deputy_client.post(
        reverse("deputy_enrol", args=[Activity.objects.get(name="已报名的视察").pk]),
        {"answer": "报名"},
    )
    home = deputy_client.get(reverse("home")).content.decode()
    box = home[home.index('data-todo="activities_unanswered"') :]
    assert re.search(r"data-todo-count>1<", box[:400])
    link = re.search(r'href="([^"]+)"', box).group(1).replace("&amp;", "&")
    listed = deputy_client.get(link).content.decode()
    assert (
        "data-count>1<" in listed and "城区交通专题调研" in listed and "已报名的视察" not in listed
    )
    deputy_client.post(reverse("deputy_enrol", args=[upcoming.pk]), {"answer": "报名"})
    home = deputy_client.get(reverse("home")).content.decode()
    box = home[home.index('data-todo="activities_unanswered"') :]
    assert re.search(r"data-todo-count>0<", box[:400])
