"""代表建议办理: legal and illegal moves, deadlines, overdue, and who did what."""

import datetime

import pytest
from django.test import override_settings

from proposals import services
from proposals.models import Suggestion
from proposals.services import WorkflowError
from tests import factories as f

D = f.D
S = Suggestion.State


@pytest.fixture
def item(db, clerk):
    lead = f.deputy()
    return services.submit(f.suggestion("第1号", lead, date=D(2025, 1, 10)), clerk)


def test_assignment_sets_a_three_month_deadline(item, clerk, unit, other_unit):
    s = services.assign(
        item, clerk, lead_unit=unit, assist_units=[other_unit], assigned=D(2025, 1, 20)
    )
    assert s.state == S.HANDLING
    assert s.deadline == D(2025, 4, 20)
    assert list(s.assist_units.all()) == [other_unit]
    assert s.events.last().action == "交办" and s.events.last().user == clerk


def test_difficult_items_get_six_months_and_month_ends_clamp(item, clerk, unit):
    item.date = D(2024, 8, 1)
    item.save()
    s = services.assign(item, clerk, lead_unit=unit, assigned=D(2024, 8, 31), difficult=True)
    assert s.deadline == D(2025, 2, 28)


@override_settings(
    CONGRESS={
        "REPLY_MONTHS": 2,
        "REPLY_MONTHS_DIFFICULT": 4,
        "SECOND_REPLY_MONTHS": 1,
        "RETURN_WORKING_DAYS": 5,
        "OPINION_REPORT_MONTHS": 3,
    }
)
def test_deadline_months_are_a_setting(item, clerk, unit):
    s = services.assign(item, clerk, lead_unit=unit, assigned=D(2025, 1, 20))
    assert s.deadline == D(2025, 3, 20)


def test_no_reply_before_assignment(item, clerk, unit):
    with pytest.raises(WorkflowError, match="不能答复"):
        services.reply(item, clerk, unit=unit, date=D(2025, 2, 1), text="已办", result="A")


def test_no_closure_without_a_reply(item, clerk, unit):
    services.assign(item, clerk, lead_unit=unit, assigned=D(2025, 1, 20))
    with pytest.raises(WorkflowError, match="不能办结"):
        services.close(item, clerk)


def test_only_the_lead_unit_replies(item, clerk, unit, other_unit, unit_user):
    services.assign(item, clerk, lead_unit=unit, assist_units=[other_unit], assigned=D(2025, 1, 20))
    with pytest.raises(WorkflowError, match="主办单位"):
        services.reply(item, unit_user, unit=other_unit, date=D(2025, 2, 1), text="x", result="A")


def test_full_path_to_closure(item, clerk, unit, unit_user):
    services.assign(item, clerk, lead_unit=unit, assigned=D(2025, 1, 20))
    services.accept(item, unit_user, unit=unit)
    services.reply(item, unit_user, unit=unit, date=D(2025, 3, 1), text="已完成改造", result="A")
    services.record_opinion(item, clerk, opinion="满意")
    s = services.close(item, clerk)
    assert s.state == S.CLOSED
    assert [e.action for e in s.events.all()] == [
        "登记",
        "交办",
        "签收",
        "答复",
        "代表意见",
        "办结",
    ]


def test_unsatisfied_sends_it_back_for_a_second_handling(item, clerk, unit, unit_user):
    services.assign(item, clerk, lead_unit=unit, assigned=D(2025, 1, 20))
    services.reply(item, unit_user, unit=unit, date=D(2025, 3, 1), text="答复", result="C")
    with pytest.raises(services.WorkflowError, match="必须写明不满意的理由"):
        services.record_opinion(item, clerk, opinion="不满意", today=D(2025, 3, 10))
    item.refresh_from_db()
    assert item.state == S.ANSWERED and item.round == 1 and item.reply_text == "答复"
    s = services.record_opinion(
        item, clerk, opinion="不满意", reason="路灯仍未修复", today=D(2025, 3, 10)
    )
    assert s.state == S.HANDLING and s.round == 2
    assert s.deadline == D(2025, 4, 10)
    assert (s.opinion_reason, s.opinion_date) == ("路灯仍未修复", D(2025, 3, 10))
    # The first round's reply is history now, not the current answer.
    assert not s.reply_text and s.reply_date is None
    history = s.events.get(action="第一轮答复").note
    assert "2025-03-01" in history and "答复" in history
    assert "不满意：路灯仍未修复" in s.events.get(action="代表意见").note
    services.reply(s, unit_user, unit=unit, date=D(2025, 3, 30), text="再次答复", result="B")
    s = services.record_opinion(s, clerk, opinion="不满意", reason="仍不满意")
    assert s.state == S.ANSWERED  # a second 不满意 does not loop forever
    assert services.close(s, clerk).state == S.CLOSED


def test_return_within_the_working_days_and_reassign(item, clerk, unit, other_unit, unit_user):
    services.assign(item, clerk, lead_unit=unit, assigned=D(2025, 3, 10))  # a Monday
    s = services.return_to_office(
        item, unit_user, unit=unit, reason="不属于本单位职责", today=D(2025, 3, 17)
    )
    assert s.state == S.NEW and s.lead_unit is None
    assert s.returned_reason == "不属于本单位职责"
    s = services.assign(s, clerk, lead_unit=other_unit, assigned=D(2025, 3, 18))
    assert s.lead_unit == other_unit


def test_return_refused_after_the_working_days(item, clerk, unit, unit_user):
    services.assign(item, clerk, lead_unit=unit, assigned=D(2025, 3, 10))
    with pytest.raises(WorkflowError, match="退办期限"):
        services.return_to_office(item, unit_user, unit=unit, reason="x", today=D(2025, 3, 18))
    with pytest.raises(WorkflowError, match="理由"):
        services.return_to_office(item, unit_user, unit=unit, reason=" ", today=D(2025, 1, 21))


def test_reject_needs_a_reason_and_only_before_assignment(item, clerk, unit):
    with pytest.raises(WorkflowError, match="理由"):
        services.reject(item, clerk, reason="")
    services.assign(item, clerk, lead_unit=unit, assigned=D(2025, 1, 20))
    with pytest.raises(WorkflowError, match="不能不予立案"):
        services.reject(item, clerk, reason="重复")


def test_withdrawn_items_cannot_be_answered(item, clerk, unit):
    services.withdraw(item, clerk, reason="代表撤回")
    with pytest.raises(WorkflowError):
        services.assign(item, clerk, lead_unit=unit)


def test_key_supervision_needs_a_leader(item, clerk):
    with pytest.raises(WorkflowError, match="督办领导"):
        services.set_key(item, clerk, key=True)
    assert services.set_key(item, clerk, key=True, leader="陈国强").key is True


def test_overdue_flag_and_list(item, clerk, unit):
    services.assign(item, clerk, lead_unit=unit, assigned=D(2025, 1, 20))
    item.refresh_from_db()
    assert item.is_overdue(today=D(2025, 4, 20)) is False
    assert item.is_overdue(today=D(2025, 4, 21)) is True
    assert list(Suggestion.objects.overdue(today=D(2025, 4, 21))) == [item]
    assert not Suggestion.objects.overdue(today=D(2025, 4, 20)).exists()


def test_number_is_unique_per_year_and_kind(db):
    from django.db import IntegrityError, transaction

    lead = f.deputy()
    f.suggestion("第1号", lead, date=D(2025, 1, 1))
    f.suggestion("第1号", lead, date=D(2024, 1, 1))
    f.suggestion("第1号", lead, date=D(2025, 1, 1), kind="发言建议")
    with pytest.raises(IntegrityError), transaction.atomic():
        f.suggestion("第1号", lead, date=D(2025, 6, 1))


def test_unit_table_counts_and_orders_worst_first(db, clerk, unit, other_unit):
    lead = f.deputy()
    today = datetime.date(2025, 6, 1)
    a = services.submit(f.suggestion("1", lead), clerk)
    services.assign(a, clerk, lead_unit=unit, assigned=D(2025, 1, 20))  # overdue by June
    b = services.submit(f.suggestion("2", lead), clerk)
    services.assign(b, clerk, lead_unit=other_unit, assigned=D(2025, 1, 20))
    services.reply(b, None, unit=other_unit, date=D(2025, 2, 1), text="好", result="A")
    services.record_opinion(b, clerk, opinion="满意")
    rows = list(services.unit_table(2025, today=today))
    assert [r.name for r in rows] == [unit.name, other_unit.name]
    assert (rows[0].assigned_n, rows[0].answered_n, rows[0].overdue_n) == (1, 0, 1)
    assert (rows[1].answered_n, rows[1].satisfied_n) == (1, 1)


def test_the_pages_offer_exactly_the_moves_the_table_allows():
    """One table: the staff's and the units' actions take their states from it."""
    from proposals import services
    from proposals.views import STAFF_ACTIONS, UNIT_ACTIONS

    for name, action in {**STAFF_ACTIONS, **UNIT_ACTIONS}.items():
        assert tuple(action.states) == services.TRANSITIONS[name].sources, name


def test_a_move_the_table_does_not_allow_is_refused_in_chinese(item, clerk):
    from proposals import services

    with pytest.raises(services.WorkflowError, match="当前状态为“待交办”，不能办结"):
        services.close(item, clerk)


def test_a_unit_corrects_its_reply_until_the_deputy_has_spoken(
    item, clerk, unit, unit_user, other_unit
):
    services.assign(item, clerk, lead_unit=unit, assigned=D(2025, 1, 20))
    s = services.reply(item, unit_user, unit=unit, date=D(2025, 3, 1), text="初次答复", result="B")
    with pytest.raises(services.WorkflowError, match="主办单位"):
        services.correct_reply(s, unit_user, unit=other_unit, text="别的单位改")
    with pytest.raises(services.WorkflowError, match="请填写修改后的答复"):
        services.correct_reply(s, unit_user, unit=unit, text="  ")
    s = services.correct_reply(s, unit_user, unit=unit, text="更正后的答复")
    assert s.reply_text == "更正后的答复" and s.state == S.ANSWERED
    assert "原答复（2025-03-01）：初次答复" in s.events.get(action="修改答复").note
    s = services.record_opinion(s, clerk, opinion="满意", date=D(2025, 3, 10), today=D(2025, 3, 10))
    with pytest.raises(services.WorkflowError):
        services.correct_reply(s, unit_user, unit=unit, text="再改")
