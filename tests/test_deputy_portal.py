"""人大代表 as users: a deputy follows the suggestions they lead or cosigned (the timeline of
their handling) and, as the lead, judges the reply; 不满意 needs the reason, which the unit
reads; every other suggestion is a 404; a deputy whose 资格终止 reads nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from deputies.models import Deputy
from proposals import services
from proposals.models import Suggestion
from tests import factories as f
from tests.conftest import client_for

D = datetime.date


@pytest.fixture
def handled(db, clerk, unit, unit_user, deputy_user):
    me = Deputy.objects.get(user=deputy_user)
    other = f.deputy("林代表", term=18)
    today = timezone.localdate()

    def made(number, lead, cosigners=()):
        s = services.submit(
            f.suggestion(number, lead, title=f"关于{number}的建议", date=today), clerk
        )
        s.cosigners.set(cosigners)
        s = services.assign(s, clerk, lead_unit=unit, assigned=today)
        return services.reply(s, unit_user, unit=unit, date=today, text="已列入计划。", result="B")

    return {
        "led": made("第1号", me),
        "cosigned": made("第2号", other, [me]),
        "theirs": made("第3号", other),
    }


def test_a_deputy_sees_their_own_suggestions_with_their_timeline(handled, deputy_client):
    listing = deputy_client.get(reverse("deputy_suggestions")).content.decode()
    assert "第1号" in listing and "第2号" in listing and "第3号" not in listing
    assert "待您评价" in listing
    page = deputy_client.get(
        reverse("deputy_suggestion", args=[handled["led"].pk])
    ).content.decode()
    for step in ("登记", "交办", "答复", "已列入计划"):
        assert step in page
    assert (
        deputy_client.get(reverse("deputy_suggestion", args=[handled["theirs"].pk])).status_code
        == 404
    )


def test_the_lead_judges_the_reply_and_dissatisfaction_needs_a_reason(
    handled, deputy_client, unit_user
):
    url = reverse("deputy_suggestion", args=[handled["led"].pk])
    refused = deputy_client.post(url, {"opinion": "不满意", "reason": ""})
    assert refused.status_code == 400 and "必须写明不满意的理由" in refused.content.decode()
    assert Suggestion.objects.get(pk=handled["led"].pk).opinion == ""
    done = deputy_client.post(url, {"opinion": "不满意", "reason": "计划没有时间表"})
    assert done.status_code == 302
    s = Suggestion.objects.get(pk=handled["led"].pk)
    assert s.round == 2 and s.opinion_reason == "计划没有时间表"
    event = s.events.get(action="代表意见")
    assert event.user.username == "deputy"
    portal = client_for(unit_user).get(reverse("portal_detail", args=[s.pk])).content.decode()
    assert "计划没有时间表" in portal
    # Judged once: the form is gone and a second post is refused.
    assert deputy_client.post(url, {"opinion": "满意"}).status_code == 403


def test_a_cosigner_follows_but_does_not_judge(handled, deputy_client):
    url = reverse("deputy_suggestion", args=[handled["cosigned"].pk])
    page = deputy_client.get(url).content.decode()
    assert "评价答复" not in page
    assert deputy_client.post(url, {"opinion": "满意"}).status_code == 403
    assert Suggestion.objects.get(pk=handled["cosigned"].pk).opinion == ""


def test_a_deputy_whose_mandate_ended_reads_nothing(handled, deputy_client, deputy_user):
    Deputy.objects.filter(user=deputy_user).update(
        status=Deputy.Status.ENDED, ended=D(2025, 4, 2), end_reason="迁出或调离本行政区域"
    )
    assert deputy_client.get(reverse("deputy_suggestions")).status_code == 403
    assert (
        deputy_client.get(reverse("deputy_suggestion", args=[handled["led"].pk])).status_code == 403
    )
    assert Suggestion.objects.filter(pk=handled["led"].pk).exists()  # the records stay


def test_a_deputy_sees_nothing_of_the_office_nor_others_use_the_deputy_pages(
    handled, deputy_client, clerk_client, unit_client, member_client
):
    home = deputy_client.get(reverse("home")).content.decode()
    assert "领衔和附议的建议" in home
    for name in ("suggestions_list", "dashboard", "portal", "meetings_list", "member_meetings"):
        assert deputy_client.get(reverse(name)).status_code == 403, name
    for client in (clerk_client, unit_client, member_client):
        assert client.get(reverse("deputy_suggestions")).status_code == 403
    assert deputy_client.delete(reverse("deputy_suggestions")).status_code == 405
    reply = reverse("deputy_reply_file", args=[handled["theirs"].pk])
    assert deputy_client.get(reply).status_code == 404


def test_an_administrator_creates_deputies_accounts(db, admin_user, clerk_client):
    from django.contrib.auth.models import User

    f.deputy("甲代表", term=18, phone="13800000001")
    f.deputy("乙代表", term=18)
    f.deputy("丙代表", term=18, status=Deputy.Status.ENDED, ended=D(2025, 1, 1), end_reason="辞职")
    assert clerk_client.post(reverse("deputy_accounts")).status_code == 403
    response = client_for(admin_user).post(reverse("deputy_accounts"), {"level": "区"})
    page = response.content.decode()
    assert response.status_code == 200 and "账号发放单" in page
    assert page.count('class="segno"') == 2 and "也可用手机号 13800000001 登录" in page
    assert set(User.objects.filter(deputy__isnull=False).values_list("username", flat=True)) == {
        "甲代表",
        "乙代表",
    }


def test_a_deputy_logs_in_by_the_mobile_number_on_their_record(deputy_user, client):
    from tests.conftest import PASSWORD

    Deputy.objects.filter(user=deputy_user).update(phone="138-0000-1234")
    response = client.post(
        reverse("login"), {"username": "13800001234", "password": PASSWORD}, follow=True
    )
    assert response.context["user"] == deputy_user
    client.logout()
    wrong = client.post(reverse("login"), {"username": "13800001234", "password": "nope"})
    assert not wrong.wsgi_request.user.is_authenticated
    # A number two deputies share logs nobody in.
    other = f.deputy("重号代表", term=18, phone="13800001234")
    from tests.conftest import make_user

    other.user = make_user("other-deputy", "人大代表")
    other.save()
    Deputy.objects.filter(user=deputy_user).update(phone="13800001234")
    shared = client.post(reverse("login"), {"username": "13800001234", "password": PASSWORD})
    assert not shared.wsgi_request.user.is_authenticated


@pytest.fixture
def assigned(db, clerk, unit, deputy_user):
    me = Deputy.objects.get(user=deputy_user)
    today = timezone.localdate()
    s = services.submit(f.suggestion("第8号", me, title="关于增设公交站的建议", date=today), clerk)
    return services.assign(s, clerk, lead_unit=unit, assigned=today)


def test_a_unit_records_its_contact_and_the_deputy_reads_it(
    assigned, unit, unit_user, deputy_client, deputy_user, django_capture_on_commit_callbacks
):
    from congress.work.models import Notification

    unit_client = client_for(unit_user)
    url = reverse("portal_action", args=[assigned.pk, "contact"])
    today = timezone.localdate().isoformat()
    bad = unit_client.post(url, {"date": today, "form": "电话", "person": "", "agreed": ""})
    assert bad.status_code == 400 and not assigned.contacts.exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = unit_client.post(
            url,
            {"date": today, "form": "面商", "person": "黄代表本人", "agreed": "年内增设两个站点"},
        )
    assert done.status_code == 302 and assigned.contacts.get().form == "面商"
    page = deputy_client.get(reverse("deputy_suggestion", args=[assigned.pk])).content.decode()
    assert "年内增设两个站点" in page
    assert Notification.objects.get(user=deputy_user).title.startswith("承办单位与您沟通")


def test_contact_before_reply_where_the_office_requires_it(assigned, unit, unit_user, settings):
    settings.CONGRESS = {**settings.CONGRESS, "CONTACT_BEFORE_REPLY": True}
    today = timezone.localdate()
    with pytest.raises(services.WorkflowError, match="先沟通后答复"):
        services.reply(assigned, unit_user, unit=unit, date=today, text="答复", result="B")
    services.record_contact(
        assigned, unit_user, unit=unit, date=today, form="电话", person="黄代表", agreed="已沟通"
    )
    s = services.reply(assigned, unit_user, unit=unit, date=today, text="答复", result="B")
    assert s.state == "已答复"


def test_the_deputy_is_told_and_a_rating_from_paper_is_marked(
    db, clerk, unit, unit_user, deputy_user, django_capture_on_commit_callbacks
):
    from congress.work.models import Notification

    me = Deputy.objects.get(user=deputy_user)
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        s = services.submit(f.suggestion("第6号", me, title="关于路灯的建议", date=today), clerk)
        s = services.assign(s, clerk, lead_unit=unit, assigned=today)
        s = services.reply(s, unit_user, unit=unit, date=today, text="已修复。", result="A")
    titles = sorted(Notification.objects.filter(user=deputy_user).values_list("title", flat=True))
    assert titles == [
        "您的建议已交办：第6号 关于路灯的建议",
        "您的建议已答复，请评价：第6号 关于路灯的建议",
    ]
    s = services.record_opinion(s, clerk, opinion="满意", date=today)
    assert s.events.get(action="代表意见").note == "满意（工作人员代为录入）"


def test_an_unrated_reply_is_reminded_to_the_deputy_then_shown_to_staff(
    handled, clerk, deputy_user, clerk_client
):
    from congress.work.models import Notification
    from congress.work.notify import send_due

    led = handled["led"]
    replied = led.reply_date
    send_due(replied + datetime.timedelta(days=14))
    assert not Notification.objects.filter(
        user=deputy_user, title__startswith="请评价答复"
    ).exists()
    send_due(replied + datetime.timedelta(days=15))
    send_due(replied + datetime.timedelta(days=16))
    assert (
        Notification.objects.filter(user=deputy_user, title__startswith="请评价答复").count() == 1
    )
    later = replied + datetime.timedelta(days=30)
    counts = {t["key"]: t for t in todo_counted(clerk, later)}
    # Every reply of the fixture is unrated; the count equals the list it opens.
    assert counts["suggestions_unrated"]["count"] == Suggestion.objects.unrated(later).count() == 3


def todo_counted(user, day):
    from congress.work import todo

    return todo.counted(todo.STAFF, user, day)
