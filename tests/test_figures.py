"""Every figure of the registry on a small known data set, by the ledger format's rules."""

import pytest

from congress.documents.text import format_rate
from congress.figures.builtin import all_figures
from congress.figures.cache import compute_year
from meetings.models import Appointment, Decision, Meeting
from oversight.models import (
    LivelihoodProject,
    OtherWork,
    OversightItem,
    ProjectVisit,
    ReviewOpinion,
)
from tests import factories as f
from tests.reviewtext import overview_sentences

D = f.D


@pytest.fixture
def known_year(db):
    """2025 with a few of everything, and 2024 records that must not count."""
    for i in range(3):
        f.meeting(kind="常委会会议", term=18, seq=i + 1, date=D(2025, 2 + i, 10))
    f.meeting(kind="主任会议", term=18, seq=1, date=D(2025, 1, 5))
    f.meeting(kind="常委会会议", term=18, seq=9, date=D(2024, 12, 30))  # last year
    Decision.objects.create(title="决定一", date=D(2025, 4, 1))
    Decision.objects.create(title="决定二", date=D(2024, 4, 1))
    for i, kind in enumerate(["任命", "免职", "任命"]):
        Appointment.objects.create(person=f"人{i}", kind=kind, post="局长", date=D(2025, 5, 1))
    OversightItem.objects.create(
        kind="专项工作报告", name="报告一", date=D(2025, 3, 1), points=4, problems_solved=2
    )
    OversightItem.objects.create(
        kind="专项工作报告", name="报告二", date=D(2025, 6, 1), problems_solved=3
    )
    OversightItem.objects.create(
        kind="执法检查", name="检查一", date=D(2025, 6, 1), law="道路交通安全法"
    )
    OversightItem.objects.create(
        kind="执法检查", name="联动检查", date=D(2025, 7, 1), law="食品安全法", joint=True
    )
    OversightItem.objects.create(kind="专题询问", name="询问", date=D(2025, 8, 1))
    OversightItem.objects.create(kind="专题询问", name="联动询问", date=D(2025, 8, 2), joint=True)
    ReviewOpinion.objects.create(name="意见一", date=D(2025, 3, 5), body="区政府", points=12)
    ReviewOpinion.objects.create(name="意见二", date=D(2025, 7, 5), body="区法院", points=5)
    ReviewOpinion.objects.create(name="意见旧", date=D(2024, 7, 5), body="区法院", points=50)
    p1 = LivelihoodProject.objects.create(name="菜市场", year=2025, state="实施中")
    LivelihoodProject.objects.create(name="候选项目", year=2025, state="候选")
    LivelihoodProject.objects.create(name="养老助餐", year=2025, state="已完成", progress=100)
    ProjectVisit.objects.create(project=p1, date=D(2025, 5, 1))
    ProjectVisit.objects.create(project=p1, date=D(2025, 6, 1), form="座谈督导")
    OtherWork.objects.create(kind="学习研讨", name="学习一", date=D(2025, 1, 9), quantity=3)
    OtherWork.objects.create(kind="学习研讨", name="学习二", date=D(2025, 2, 9))
    OtherWork.objects.create(kind="请示报告", name="汇报", date=D(2025, 2, 9), quantity=4)
    OtherWork.objects.create(kind="立法调研", name="立法", date=D(2025, 2, 9), quantity=2)
    OtherWork.objects.create(kind="联合执法", name="执法", date=D(2025, 2, 9), quantity=7)
    f.station("河清代表之家", kind="代表之家", built=D(2023, 1, 1))
    f.station("黄土代表之家", kind="代表之家", built=D(2026, 1, 1))  # built after the year
    st = f.station("河清联络站", kind="代表联络站")  # no date: counts
    a, b, c = f.deputy("甲"), f.deputy("乙", sex="女"), f.deputy("丙", station=st)
    f.deputy("丁", election="补选", elected=D(2025, 6, 1))
    f.deputy("戊", election="补选", elected=D(2024, 6, 1))
    f.activity("视察一", "视察", D(2025, 3, 1), [a, b, c])
    f.activity("调研一", "调研", D(2025, 4, 1), [a])
    f.activity("培训一", "培训", D(2025, 4, 1), [a, b])
    f.activity("培训二", "培训", D(2025, 5, 1), [a])
    f.activity("述职", "述职", D(2025, 11, 1), [b, c])
    f.activity("联系一", "联系群众", D(2025, 6, 1), [a], people_met=40, problems_solved=6)
    f.activity("联系二", "联系群众", D(2025, 7, 1), [b], people_met=25, problems_solved=1)
    f.suggestion("1", a, state="已办结", opinion="满意", key=True, litigation=True)
    f.suggestion("2", a, state="已办结", opinion="基本满意")
    f.suggestion("3", b, state="已答复", opinion="不满意", kind="闭会期间建议")
    f.suggestion("4", b, state="不予立案")
    f.suggestion("5", c, state="撤回", key=True)
    f.suggestion("6", c, state="办理中")
    f.suggestion("1", c, kind="发言建议")
    f.suggestion("1", c, kind="议案")
    f.suggestion("9", c, date=D(2024, 5, 1), state="已办结", opinion="不满意")
    from petitions.models import Petition

    for i, (channel, day, people) in enumerate(
        [
            ("来信", D(2025, 2, 1), 1),
            ("来信", D(2025, 3, 1), 1),
            ("网上信访", D(2025, 4, 1), 1),
            ("来访", D(2025, 5, 1), 3),
            ("来访", D(2025, 6, 1), 2),
            ("来访", D(2024, 6, 1), 9),
            ("电话", D(2025, 6, 1), 1),
        ]
    ):
        Petition.objects.create(
            number=f"信{i}", channel=channel, date=day, people=people, summary="反映"
        )


EXPECTED = {
    "letters": 3,  # 来信 and 网上信访
    "visits_received": 5,  # 人次 of 来访
    "standing_meetings": 3,
    "chairman_meetings": 1,
    "decisions": 1,
    "appointments": 3,
    "work_reports": 2,
    "inspections": 1,
    "inquiries": 1,
    "joint_inspections": 1,
    "opinion_points": 17,
    "problems_solved": 5,
    "projects": 2,
    "project_visits": 2,
    "study": 4,
    "party_reports": 4,
    "legislation": 2,
    "joint_enforcement": 7,
    "by_elected": 1,
    "homes": 1,
    "stations": 1,
    "participations": 4,
    "trained": 2,
    "constituents": 65,
    "constituent_problems": 7,
    "reported": 2,
    "suggestions": 6,
    "speeches": 1,
    "motions": 1,
    "key_suggestions": 2,
    "litigation": 1,
    "handled": 4,
    "closed": 2,
    "with_opinion": 3,
    "satisfied": 2,
    "closure_rate": "50%",
    "satisfaction_rate": "66.7%",
}


def test_every_figure_on_the_known_year(known_year):
    values = compute_year(2025)
    # The format's figures with the known year's values; any figure an app adds is computed too.
    assert {key: values[key] for key in EXPECTED} == EXPECTED
    assert set(values) == set(all_figures())


def test_each_figure_drills_down_to_a_list_with_its_records(known_year, leader_client):
    import re

    for key, fig in all_figures().items():
        response = leader_client.get(fig.link(2025))
        assert response.status_code == 200, key
        shown = int(re.search(r"data-count>(\d+)<", response.content.decode()).group(1))
        base = all_figures()[fig.denominator] if fig.is_rate else fig
        assert shown == base.queryset(2025).count(), key
        if fig.measure.__name__ == "count" and not fig.is_rate and key in EXPECTED:
            assert shown == EXPECTED[key], key


def test_rates_with_nothing_to_divide_are_a_dash(db):
    values = compute_year(2030)
    assert values["closure_rate"] == "—"
    assert values["satisfaction_rate"] == "—"
    assert values["standing_meetings"] == 0


@pytest.mark.parametrize(
    "num, den, text",
    [
        (1, 1, "100%"),
        (39, 40, "97.5%"),
        (2, 3, "66.7%"),
        (1, 3, "33.3%"),
        (1, 8, "12.5%"),
        (1, 16, "6.3%"),
        (0, 5, "0%"),
        (0, 0, "—"),
    ],
)
def test_rate_rounding_is_half_up_with_trailing_zero_dropped(num, den, text):
    assert format_rate(num, den) == text


def test_figures_follow_the_records(known_year):
    assert compute_year(2025)["decisions"] == 1
    Decision.objects.create(title="决定三", date=D(2025, 9, 1))
    assert compute_year(2025)["decisions"] == 2
    Meeting.objects.filter(kind="主任会议").delete()
    assert compute_year(2025)["chairman_meetings"] == 0


def test_overview_sentences_in_the_format_wording(known_year):
    sentences = overview_sentences(2025)

    def starting(words: str) -> str:
        return next(s for s in sentences if s.startswith(words))

    assert sentences[0].startswith(
        "一年来，召开常委会会议3次、主任会议1次，听取审议“一府一委两院”专项工作报告2个"
    )
    assert "提出各类审议意见、调研建议17条" in sentences[0]
    assert starting("全年组织") == "全年组织各类学习研讨活动4次，向区委汇报工作4次。"
    assert starting("共收到") == (
        "共收到代表建议6件、发言建议1条，确定2件重点督办，办结率50%，满意率66.7%。"
    )
    assert starting("代表联系") == "代表联系群众65人次，推动解决问题7个，组织2名代表向选民述职。"


def test_moving_a_record_between_years_updates_both_years(known_year):  # noqa: F811
    assert compute_year(2024)["decisions"] == 1 and compute_year(2025)["decisions"] == 1
    d = Decision.objects.get(title="决定二")  # dated 2024
    d.date = D(2025, 6, 1)
    d.save()
    assert compute_year(2024)["decisions"] == 0
    assert compute_year(2025)["decisions"] == 2


def test_a_station_change_moves_every_year(known_year):  # noqa: F811
    from deputies.models import Station

    assert compute_year(2025)["homes"] == 1
    Station.objects.filter(name="黄土代表之家").update(built=D(2020, 1, 1))  # no signal
    assert compute_year(2025)["homes"] == 1  # cached until a change is saved
    s = Station.objects.get(name="黄土代表之家")
    s.save()
    assert compute_year(2025)["homes"] == 2 and compute_year(2021)["homes"] == 1
