"""The models' own rules at their edges: each condition alone, each date on the day it stops
being allowed, so that a rule changed by one step (a "<" for a "<=", an "and" for an "or")
fails here. Written from the mutation run's survivors (bench/mutation.py)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from deputies.models import Deputy
from proposals import services
from proposals.models import Suggestion
from tests import factories as f

D = datetime.date
pytestmark = pytest.mark.django_db


def _errors(obj) -> dict[str, list[str]]:
    try:
        obj.full_clean()
    except ValidationError as e:
        return e.message_dict
    return {}


# --- 人大代表 -------------------------------------------------------------------------------


def _deputy(**kw) -> Deputy:
    return Deputy(name="张明", sex="男", term=18, elected=D(2021, 10, 1), **kw)


def test_an_ended_deputy_needs_both_the_date_and_the_reason_each_on_its_own():
    assert set(_errors(_deputy(status="资格终止", end_reason="辞职"))) == {"ended"}
    assert set(_errors(_deputy(status="资格终止", ended=D(2023, 1, 1)))) == {"end_reason"}
    assert _errors(_deputy(status="资格终止", ended=D(2023, 1, 1), end_reason="辞职")) == {}
    # A reason without the status is refused, and the status "正常" needs neither.
    assert set(_errors(_deputy(end_reason="辞职"))) == {"end_reason"}
    assert _errors(_deputy()) == {}


def test_the_end_may_fall_on_the_election_day_not_before():
    ended = dict(status="资格终止", end_reason="辞职")
    assert _errors(_deputy(ended=D(2021, 10, 1), **ended)) == {}
    assert "ended" in _errors(_deputy(ended=D(2021, 9, 30), **ended))
    # Without an election date there is nothing to compare.
    no_election = Deputy(name="张明", sex="男", term=18, ended=D(2020, 1, 1), **ended)
    assert "ended" not in _errors(no_election)


def test_birth_must_come_before_the_election_day():
    assert "birth" in _errors(_deputy(birth=D(2021, 10, 1)))
    assert _errors(_deputy(birth=D(2021, 9, 30))) == {}
    assert "birth" not in _errors(Deputy(name="张明", sex="男", term=18, birth=D(2030, 1, 1)))


# --- 代表建议 -------------------------------------------------------------------------------


def test_a_number_repeats_only_within_its_year_and_kind():
    lead = f.deputy()
    f.suggestion("第1号", lead)
    again = Suggestion(number="第1号", kind="代表建议", title="t", date=D(2025, 3, 1), lead=lead)
    assert "2025年已有编号为“第1号”的代表建议。" in _errors(again)["number"]
    # The ledger, which found the row's record by this key, has checked it already.
    again.key_checked = True
    assert "number" not in _errors(again)
    other_year = Suggestion(
        number="第1号", kind="代表建议", title="t", date=D(2024, 3, 1), lead=lead
    )
    assert "number" not in _errors(other_year)
    other_kind = Suggestion(
        number="第1号", kind="闭会期间建议", title="t", date=D(2025, 3, 1), lead=lead
    )
    assert "number" not in _errors(other_kind)
    # Without a date, the one error is the missing date (no crash on its year).
    undated = Suggestion(number="第1号", kind="代表建议", title="t", lead=lead)
    assert set(_errors(undated)) == {"date"}


def test_from_a_motion_only_for_a_suggestion():
    lead = f.deputy()
    kw = dict(number="第2号", title="t", date=D(2025, 3, 1), lead=lead, from_motion=True)
    assert "from_motion" in _errors(Suggestion(kind="议案", **kw))
    assert "from_motion" not in _errors(Suggestion(kind="代表建议", **kw))
    assert "from_motion" not in _errors(Suggestion(kind="议案", **{**kw, "from_motion": False}))


def test_assignment_and_reply_may_fall_on_the_day_before_them_not_earlier():
    lead = f.deputy()
    kw = dict(number="第3号", kind="代表建议", title="t", lead=lead, date=D(2025, 3, 1))
    assert _errors(Suggestion(assigned=D(2025, 3, 1), **kw)) == {}
    assert "assigned" in _errors(Suggestion(assigned=D(2025, 2, 28), **kw))
    same = Suggestion(assigned=D(2025, 3, 5), reply_date=D(2025, 3, 5), **kw)
    assert "reply_date" not in _errors(same)
    early = Suggestion(assigned=D(2025, 3, 5), reply_date=D(2025, 3, 4), **kw)
    assert "reply_date" in _errors(early)


def test_the_second_handling_is_what_a_unit_is_waiting_for_again(clerk, unit):
    lead = f.deputy()
    first = services.assign(
        services.submit(f.suggestion("第4号", lead), clerk), clerk, lead_unit=unit
    )
    assert not Suggestion.objects.waiting_for(unit, "again").exists()
    Suggestion.objects.filter(pk=first.pk).update(round=2)
    assert list(Suggestion.objects.waiting_for(unit, "again")) == [first]
    with pytest.raises(ValueError):
        Suggestion.objects.waiting_for(unit, "nonsense")


def test_only_a_new_suggestion_gets_its_registration_event(clerk):
    lead = f.deputy()
    new = f.suggestion("第5号", lead, state="待交办")
    services.registered(new, clerk)
    assert new.events.filter(action="登记").count() == 1
    handled = f.suggestion("第6号", lead, state="办理中")
    with pytest.raises(services.WorkflowError, match="新登记的建议应为待交办状态"):
        services.registered(handled, clerk)


# --- the suggestion workflow (proposals/services.py) ------------------------------------------


def test_a_deadline_must_fall_after_the_assignment_day(clerk, unit):
    s = services.submit(f.suggestion("第7号", f.deputy(), date=D(2025, 1, 10)), clerk)
    with pytest.raises(services.WorkflowError, match="答复期限应晚于交办日期"):
        services.assign(s, clerk, lead_unit=unit, assigned=D(2025, 1, 20), deadline=D(2025, 1, 20))
    s.refresh_from_db()
    assert s.state == "待交办"
    s = services.assign(s, clerk, lead_unit=unit, assigned=D(2025, 1, 20), deadline=D(2025, 1, 21))
    assert s.deadline == D(2025, 1, 21)


def test_a_contact_needs_both_the_person_and_what_was_agreed(clerk, unit, unit_user):
    s = services.assign(
        services.submit(f.suggestion("第8号", f.deputy(), date=D(2025, 1, 10)), clerk),
        clerk,
        lead_unit=unit,
        assigned=D(2025, 1, 20),
    )
    day = D(2025, 2, 1)
    for person, agreed in (("黄代表", " "), (" ", "年内解决")):
        with pytest.raises(services.WorkflowError, match="请填写沟通对象和沟通情况"):
            services.record_contact(
                s, unit_user, unit=unit, date=day, form="电话", person=person, agreed=agreed
            )
    assert not s.contacts.exists()
    services.record_contact(
        s, unit_user, unit=unit, date=day, form="电话", person="黄代表", agreed="年内解决"
    )
    assert s.contacts.count() == 1


def test_a_draft_needs_both_a_title_and_a_text_to_be_submitted(deputy_user):
    from proposals.models import Draft

    lead = Deputy.objects.get(user=deputy_user)
    for title, text in (("关于路灯的建议", "  "), ("  ", "路灯不亮。")):
        d = Draft.objects.create(lead=lead, title=title, text=text)
        with pytest.raises(services.WorkflowError, match="请填写标题和建议内容"):
            services.submit_draft(d, deputy_user)
        d.refresh_from_db()
        assert d.state == "草稿"


def test_the_units_table_counts_overdue_against_the_day_it_is_given(clerk, unit):
    s = services.assign(
        services.submit(f.suggestion("第9号", f.deputy(), date=D(2025, 1, 10)), clerk),
        clerk,
        lead_unit=unit,
        assigned=D(2025, 1, 20),
        deadline=D(2025, 4, 20),
    )
    assert s.state == "办理中"
    (on_the_day,) = services.unit_table(2025, today=D(2025, 4, 20))
    (after,) = services.unit_table(2025, today=D(2025, 4, 21))
    assert (on_the_day.overdue_n, after.overdue_n) == (0, 1)
