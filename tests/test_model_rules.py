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


# --- meetings, members, attendance, votes, appointments --------------------------------------


def _members(n: int):
    from meetings.models import Member

    return [
        Member.objects.create(name=f"委员{i}", post="委员", term=18, start=D(2021, 10, 1))
        for i in range(n)
    ]


def test_a_number_needs_its_term_and_repeats_only_across_kinds_or_terms():
    from meetings.models import Meeting

    assert "term" in _errors(Meeting(kind="常委会会议", seq=3, date=D(2025, 1, 1)))
    Meeting.objects.create(kind="常委会会议", term=18, seq=3, date=D(2025, 1, 1))
    again = Meeting(kind="常委会会议", term=18, seq=3, date=D(2025, 2, 1))
    assert "第18届已有第3次常委会会议。" in _errors(again)["seq"]
    assert "seq" not in _errors(Meeting(kind="主任会议", term=18, seq=3, date=D(2025, 2, 1)))
    assert "seq" not in _errors(Meeting(kind="常委会会议", term=17, seq=3, date=D(2025, 2, 1)))


def test_a_member_may_leave_on_the_day_they_start_and_holds_one_post_at_a_time():
    from meetings.models import Member

    same_day = Member(name="甲", post="委员", term=18, start=D(2022, 1, 1), end=D(2022, 1, 1))
    assert _errors(same_day) == {}
    early = Member(name="甲", post="委员", term=18, start=D(2022, 1, 1), end=D(2021, 12, 31))
    assert "end" in _errors(early)
    Member.objects.create(name="乙", post="委员", term=18, start=D(2021, 10, 1), end=D(2023, 6, 30))
    # The next post may start the day after the last ends, not on it.
    on_the_day = Member(name="乙", post="副主任", term=18, start=D(2023, 6, 30))
    assert "start" in _errors(on_the_day)
    assert "start" not in _errors(Member(name="乙", post="副主任", term=18, start=D(2023, 7, 1)))


def test_a_quorum_is_more_than_half_of_those_serving_that_day():
    from meetings.models import Meeting, quorum_message

    _members(4)
    held = Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=D(2025, 3, 1))
    assert "出席2人，未超过全体组成人员4人的半数" in quorum_message(held, 2)
    assert quorum_message(held, 3) == ""
    # 主任会议 has no such rule.
    chair = Meeting.objects.create(kind="主任会议", term=18, seq=1, date=D(2025, 3, 1))
    assert quorum_message(chair, 0) == ""


def test_attendance_only_of_a_member_serving_that_day_and_reasons_only_for_leave():
    from meetings.models import Attendance, Meeting, Member

    day = D(2025, 3, 1)
    held = Meeting.objects.create(kind="主任会议", term=18, seq=1, date=day)
    starts = Member.objects.create(name="丙", post="委员", term=18, start=day)
    ended = Member.objects.create(name="丁", post="委员", term=18, start=D(2021, 1, 1), end=day)
    late = Member.objects.create(name="戊", post="委员", term=18, start=D(2025, 3, 2))
    left = Member.objects.create(
        name="己", post="委员", term=18, start=D(2021, 1, 1), end=D(2025, 2, 28)
    )
    for member in (starts, ended):
        assert "member" not in _errors(Attendance(meeting=held, member=member, status="出席"))
    for member in (late, left):
        assert "member" in _errors(Attendance(meeting=held, member=member, status="出席"))
    assert "reason" in _errors(Attendance(meeting=held, member=starts, status="出席", reason="x"))
    assert "reason" not in _errors(
        Attendance(meeting=held, member=starts, status="请假", reason="出差")
    )
    congress = Meeting.objects.create(kind="人民代表大会会议", term=18, seq=1, date=day)
    assert "meeting" in _errors(Attendance(meeting=congress, member=starts, status="出席"))


def test_a_vote_passes_with_more_than_half_of_all_serving_and_counts_no_more_than_them():
    from meetings.models import Meeting, Vote

    _members(4)
    held = Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=D(2025, 3, 1))
    kw = dict(meeting=held, item="关于某事项的决定", day=D(2025, 3, 1))
    half = Vote(yes=2, no=2, abstain=0, silent=0, serving=4, **kw)
    more = Vote(yes=3, no=1, abstain=0, silent=0, serving=4, **kw)
    assert (half.passed, more.passed) == (False, True)
    assert not Vote(yes=3, no=0, abstain=0, silent=0, serving=0, **kw).passed
    assert "yes" not in _errors(Vote(yes=2, no=1, abstain=1, silent=0, **kw))
    assert "yes" in _errors(Vote(yes=2, no=1, abstain=1, silent=1, **kw))


def test_an_oath_only_for_an_appointment_that_needs_one_and_not_before_it():
    from meetings.models import Appointment

    kw = dict(person="李华", post="区财政局局长", date=D(2025, 3, 18))
    assert (
        _errors(Appointment(kind="任命", oath_date=D(2025, 3, 18), oath_form="集体宣誓", **kw))
        == {}
    )
    assert "oath_date" in _errors(Appointment(kind="任命", oath_date=D(2025, 3, 17), **kw))
    assert "oath_date" in _errors(Appointment(kind="免职", oath_date=D(2025, 3, 18), **kw))
    assert "oath_date" in _errors(Appointment(kind="任命", oath_form="集体宣誓", **kw))
    assert Appointment(kind="任命", **kw).oath_status() == "待宣誓"
    assert Appointment(kind="免职", **kw).oath_status() == "无需宣誓"


# --- oversight ----------------------------------------------------------------------------


def test_a_law_only_and_always_for_an_inspection():
    from oversight.models import OversightItem

    kw = dict(name="执法检查", date=D(2025, 5, 1))
    assert "law" in _errors(OversightItem(kind="执法检查", **kw))
    assert "law" not in _errors(OversightItem(kind="执法检查", law="食品安全法", **kw))
    assert "law" in _errors(OversightItem(kind="专项工作报告", law="食品安全法", **kw))
    assert "law" not in _errors(OversightItem(kind="专项工作报告", **kw))


def test_ballots_need_the_meeting_and_no_more_than_those_serving():
    from meetings.models import Meeting
    from oversight.models import OversightItem

    _members(4)
    held = Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=D(2025, 3, 1))
    kw = dict(name="就业工作报告", kind="专项工作报告", date=D(2025, 3, 1))
    assert "meeting" in _errors(OversightItem(rated_satisfied=1, **kw))
    full = OversightItem(meeting=held, rated_satisfied=2, rated_fair=1, rated_unsatisfied=1, **kw)
    assert "rated_satisfied" not in _errors(full)
    over = OversightItem(meeting=held, rated_satisfied=3, rated_fair=1, rated_unsatisfied=1, **kw)
    assert "rated_satisfied" in _errors(over)


@pytest.mark.parametrize(
    "ballots, grade",
    [
        ((2, 0, 2), "基本满意"),  # half say 不满意: not more than half
        ((1, 0, 3), "不满意"),
        ((2, 2, 0), "基本满意"),  # half say 满意
        ((3, 1, 0), "满意"),
        ((0, 0, 0), ""),  # nothing counted: nothing decided
    ],
)
def test_the_grade_follows_from_more_than_half_of_the_ballots(ballots, grade):
    from oversight.models import OversightItem

    item = OversightItem(name="x", kind="专项工作报告", date=D(2025, 3, 1))
    item.rated_satisfied, item.rated_fair, item.rated_unsatisfied = ballots
    item.complete()
    assert item.satisfaction == grade


def test_an_opinions_dates_and_its_report():
    from oversight.models import ReviewOpinion

    kw = dict(name="意见", body="区政府", date=D(2025, 4, 1))
    assert "deadline" not in _errors(ReviewOpinion(deadline=D(2025, 4, 1), **kw))
    assert "deadline" in _errors(ReviewOpinion(deadline=D(2025, 3, 31), **kw))
    assert "report_date" not in _errors(ReviewOpinion(report_date=D(2025, 4, 1), **kw))
    assert "report_date" in _errors(ReviewOpinion(report_date=D(2025, 3, 31), **kw))
    for state in ("已报告", "已办结"):
        assert "report_date" in _errors(ReviewOpinion(state=state, **kw))
    assert "report_date" not in _errors(ReviewOpinion(state="办理中", **kw))
    assert "satisfaction" in _errors(ReviewOpinion(satisfaction="满意", **kw))


def test_a_project_done_is_at_100_and_voted_in_its_year_or_the_one_before():
    from oversight.models import LivelihoodProject

    kw = dict(name="老旧小区改造", year=2025)
    assert "progress" in _errors(LivelihoodProject(state="已完成", progress=99, **kw))
    assert "progress" not in _errors(LivelihoodProject(state="已完成", progress=100, **kw))
    for day, ok in ((D(2024, 1, 1), True), (D(2025, 12, 31), True), (D(2023, 12, 31), False),
                    (D(2026, 1, 1), False)):  # fmt: skip
        assert ("voted_on" not in _errors(LivelihoodProject(voted_on=day, **kw))) is ok, day


def test_a_womans_record_says_so():
    assert Deputy(name="李红", sex="女").is_woman and not Deputy(name="张明", sex="男").is_woman


def test_a_search_on_a_list_without_search_fields_keeps_every_row(db):
    # A kind may declare no text fields to search: the search box then narrows nothing (a
    # filter over no fields would otherwise fail).
    from congress.records.filters import RecordFilter
    from meetings.models import Meeting

    class Bare(RecordFilter):
        class Meta:
            model = Meeting
            fields: list[str] = []

    Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=D(2025, 1, 1))
    assert Bare({"q": "会议"}, queryset=Meeting.objects.all()).qs.count() == 1


def test_meetings_without_a_number_never_clash():
    from meetings.models import Meeting

    Meeting.objects.create(kind="主任会议", date=D(2025, 1, 1), name="临时会议一")
    assert _errors(Meeting(kind="主任会议", date=D(2025, 2, 1), name="临时会议二")) == {}
    Meeting.objects.create(kind="主任会议", term=18, date=D(2025, 1, 1), name="临时会议三")
    assert "seq" not in _errors(Meeting(kind="主任会议", term=18, date=D(2025, 2, 1), name="四"))


def test_a_meetings_names_need_both_its_term_and_its_number():
    from meetings.models import Meeting

    assert Meeting(kind="常委会会议", term=18).default_name(level="区") == ""
    assert Meeting(kind="常委会会议", seq=3).default_name(level="区") == ""
    assert Meeting(kind="常委会会议", term=18, seq=3).default_name(level="区") == (
        "区第十八届人大常委会第三次会议"
    )
    assert Meeting(kind="常委会会议", term=18, seq=20, name="x").short_name == "第二十次常委会会议"
    for unnumbered in (
        Meeting(kind="常委会会议", term=18, name="临时会议"),
        Meeting(kind="常委会会议", seq=2, name="临时会议"),
        Meeting(kind="人民代表大会会议", term=18, seq=2, name="临时会议"),
    ):
        assert unnumbered.short_name == "临时会议"


def test_a_material_without_a_title_is_named_by_its_file():
    from meetings.models import MeetingDocument

    assert str(MeetingDocument(title="", file="meetings/2025/报告.pdf")) == "报告.pdf"
    assert (
        str(MeetingDocument(title="就业工作报告", file="meetings/2025/报告.pdf")) == "就业工作报告"
    )


def test_the_posts_are_called_in_their_order_secretary_general_before_members():
    from meetings.models import Meeting, Member
    from meetings.notices import attendees

    start = D(2021, 10, 1)
    for name, post in (("甲", "委员"), ("乙", "秘书长"), ("丙", "副主任"), ("丁", "主任")):
        Member.objects.create(name=name, post=post, term=18, start=start)
    held = Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=D(2025, 3, 1))
    assert [m.post for m in attendees(held)] == ["主任", "副主任", "秘书长", "委员"]


def test_rows_missing_their_meeting_or_member_get_a_message_not_an_error():
    from meetings.models import Attendance, Member, Vote

    member = Member.objects.create(name="甲", post="委员", term=18, start=D(2021, 10, 1))
    assert "meeting" in _errors(Attendance(member=member, status="出席"))
    assert "start" in _errors(Member(name="乙", post="委员", term=18))
    vote = Vote(item="某事项", yes=1, no=0, abstain=0, silent=0)
    vote.complete()
    assert "meeting" in _errors(vote)
    from meetings.models import Meeting

    held = Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=D(2025, 3, 1))
    uncounted = Vote(meeting=held, item="某事项", yes=None, no=0, abstain=0, silent=0)
    uncounted.complete()
    assert "yes" in _errors(uncounted)


def test_a_vote_links_to_the_appointment_it_names_only_when_it_names_one(clerk):
    from meetings.models import Appointment, Meeting, Vote

    held = Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=D(2025, 3, 1))
    a = Appointment.objects.create(
        person="李华", kind="任命", post="局长", date=D(2025, 3, 1), meeting=held
    )
    named = Vote(meeting=held, item="李华", yes=1, no=0, abstain=0, silent=0)
    named.complete()
    assert named.appointment == a and named.day == D(2025, 3, 1)
    Appointment.objects.create(
        person="", kind="任命", post="科长", date=D(2025, 3, 1), meeting=held
    )
    unnamed = Vote(meeting=held, item="", yes=1, no=0, abstain=0, silent=0)
    unnamed.complete()
    assert unnamed.appointment is None


def test_an_appointment_shows_its_vote_in_brief():
    from meetings.models import Appointment

    a = Appointment(person="李华", kind="任命", post="局长", date=D(2025, 3, 1))
    assert a.vote_brief == ""
    a.votes_for, a.votes_against, a.votes_abstain = 27, 0, 1
    assert a.vote_brief == "通过（27/0/1）"


def test_an_appointments_typed_votes_pass_with_more_than_half_of_those_serving():
    from meetings.models import Appointment, Meeting

    _members(4)
    held = Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=D(2025, 3, 1))
    a = Appointment(person="李华", kind="任命", post="局长", date=D(2025, 3, 1), meeting=held)
    a.votes_for, a.votes_against, a.votes_abstain = 2, 1, 1
    assert a.vote_result == "未通过（赞成2票，反对1票，弃权1票）"
    a.votes_for, a.votes_against, a.votes_abstain = 3, 1, None
    assert a.vote_result == "通过（赞成3票，反对1票，弃权0票）"


def test_oversight_documents_without_a_title_are_named_by_their_file():
    from oversight.models import OpinionDocument, OversightDocument

    for model in (OversightDocument, OpinionDocument):
        assert str(model(title="", file="x/2025/报告.pdf")) == "报告.pdf"
        assert str(model(title="签发稿", file="x/2025/报告.pdf")) == "签发稿"


def test_a_rating_needs_the_report_and_a_deadline_is_set_only_when_missing():
    from oversight.models import ReviewOpinion

    kw = dict(body="区政府", date=D(2025, 4, 1))
    # Without a rating nothing is asked of the report date.
    assert "satisfaction" not in _errors(ReviewOpinion(name="一", **kw))
    rated = ReviewOpinion(name="二", satisfaction="满意", report_date=D(2025, 6, 1), **kw)
    assert "satisfaction" not in _errors(rated)
    kept = ReviewOpinion.objects.create(name="三", deadline=D(2025, 5, 1), **kw)
    assert kept.deadline == D(2025, 5, 1)
    given = ReviewOpinion.objects.create(name="四", **kw)
    assert given.deadline == given.default_deadline() and given.deadline > given.date


def test_without_members_on_file_typed_votes_pass_with_more_for_than_against_and_abstaining():
    from meetings.models import Appointment

    a = Appointment(person="李华", kind="任命", post="局长", date=D(2025, 3, 1))
    a.votes_for, a.votes_against, a.votes_abstain = 2, 1, 1
    assert a.vote_result == "未通过（赞成2票，反对1票，弃权1票）"
    a.votes_for, a.votes_against, a.votes_abstain = 3, 1, None
    assert a.vote_result == "通过（赞成3票，反对1票，弃权0票）"


def test_a_member_attends_the_chairmens_meetings_only_as_a_leader():
    from meetings.models import Meeting, Member

    start = D(2021, 10, 1)
    member = Member.objects.create(name="甲", post="委员", term=18, start=start)
    deputy_chair = Member.objects.create(name="乙", post="副主任", term=18, start=start)
    chair = Meeting.objects.create(kind="主任会议", term=18, seq=1, date=D(2025, 3, 1))
    standing = Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=D(2025, 3, 2))
    assert list(Meeting.objects.for_member(member)) == [standing]
    assert set(Meeting.objects.for_member(deputy_chair)) == {standing, chair}


def test_a_reply_needs_its_text_or_its_file(clerk, unit, unit_user):
    s = services.assign(
        services.submit(f.suggestion("第12号", f.deputy(), date=D(2025, 1, 10)), clerk),
        clerk,
        lead_unit=unit,
        assigned=D(2025, 1, 20),
    )
    with pytest.raises(services.WorkflowError, match="请填写答复内容或上传答复文件"):
        services.reply(s, unit_user, unit=unit, date=D(2025, 2, 1), text="  ", result="A")
    s.refresh_from_db()
    assert s.state == "办理中"
    s = services.reply(s, unit_user, unit=unit, date=D(2025, 2, 1), text="已解决。", result="A")
    assert s.state == "已答复"
