"""Events tell the people concerned, once each: 交办 the units, 退办 and 答复 staff, 不满意 the
lead unit, a unit's report on an opinion staff, a 信访 forwarded its unit."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from congress.work.models import Notification
from oversight.models import ReviewOpinion
from oversight.services import report
from petitions.models import Petition
from proposals import services
from tests import factories as f

D = datetime.date


@pytest.fixture
def suggestion(db, clerk):
    lead = f.deputy("张明远")
    return services.submit(
        f.suggestion("第9号", lead, title="关于修建公园的建议", date=timezone.localdate()), clerk
    )


def _titles(user) -> list[str]:
    return sorted(Notification.objects.filter(user=user).values_list("title", flat=True))


def test_the_workflow_tells_units_and_staff(
    suggestion,
    clerk,
    unit,
    unit_user,
    other_unit,
    other_unit_user,
    django_capture_on_commit_callbacks,
):
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        s = services.assign(
            suggestion, clerk, lead_unit=unit, assist_units=[other_unit], assigned=today
        )
    assert _titles(unit_user) == ["新交办的代表建议（主办）：第9号 关于修建公园的建议"]
    assert _titles(other_unit_user) == ["新交办的代表建议（协办）：第9号 关于修建公园的建议"]
    note = Notification.objects.get(user=unit_user)
    assert note.link == reverse("portal_detail", args=[s.pk])
    with django_capture_on_commit_callbacks(execute=True):
        s = services.reply(s, unit_user, unit=unit, date=today, text="已纳入计划。", result="B")
    assert "承办单位已答复：第9号 关于修建公园的建议" in _titles(clerk)
    with django_capture_on_commit_callbacks(execute=True):
        services.record_opinion(s, clerk, opinion="不满意", reason="路灯仍未修复", today=today)
    assert "代表不满意，请二次办理：第9号 关于修建公园的建议" in _titles(unit_user)
    assert len(_titles(other_unit_user)) == 1  # the assisting unit is not told of the opinion


def test_a_return_tells_staff_once(
    suggestion, clerk, unit, unit_user, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    s = services.assign(suggestion, clerk, lead_unit=unit, assigned=today)
    with django_capture_on_commit_callbacks(execute=True):
        services.return_to_office(s, unit_user, unit=unit, reason="不属于本单位职责", today=today)
    titles = _titles(clerk)
    assert titles.count("承办单位退办：第9号 关于修建公园的建议") == 1
    assert Notification.objects.get(user=clerk, title__startswith="承办单位退办").body.endswith(
        "不属于本单位职责"
    )


def test_a_report_on_an_opinion_tells_staff(db, clerk, unit, django_capture_on_commit_callbacks):
    opinion = ReviewOpinion.objects.create(
        name="关于就业工作情况报告的审议意见", date=D(2025, 3, 5), body="区人民政府", unit=unit
    )
    with django_capture_on_commit_callbacks(execute=True):
        report(opinion, date=D(2025, 4, 1), text="已整改。")
    assert _titles(clerk) == ["已报告研究处理情况：关于就业工作情况报告的审议意见"]


def test_a_forwarded_petition_tells_its_unit_once(
    db, unit, unit_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        p = Petition.objects.create(
            number="X7", channel="来信", date=D(2025, 3, 1), summary="反映停车难"
        )
    assert _titles(unit_user) == []
    with django_capture_on_commit_callbacks(execute=True):
        p.state, p.unit = "已转办", unit
        p.save()
        p.summary = "反映小区停车难"
        p.save()
    assert _titles(unit_user) == ["转办的信访：X7"]
