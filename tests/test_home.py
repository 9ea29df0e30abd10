"""工作台: each role's to-do list; every count is the length of the list it opens."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from congress.ledger.models import LedgerImport
from meetings.models import Appointment
from oversight.models import ReviewOpinion
from proposals.models import Suggestion
from tests import factories as f

S = Suggestion.State


@pytest.fixture
def waiting(db, unit, other_unit, unit_user):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    lead = f.deputy("张明远")
    f.suggestion("1", lead, state=S.NEW)
    f.suggestion("2", lead, state=S.NEW)
    f.suggestion(
        "3", lead, state=S.HANDLING, lead_unit=unit, assigned=today - 9 * day, deadline=today
    )
    f.suggestion(
        "4",
        lead,
        state=S.HANDLING,
        lead_unit=unit,
        accepted=today - 20 * day,
        assigned=today - 99 * day,
        deadline=today - 3 * day,
    )
    f.suggestion(
        "5",
        lead,
        state=S.HANDLING,
        lead_unit=unit,
        accepted=today - 5 * day,
        assigned=today - 9 * day,
        deadline=today + 20 * day,
        round=2,
    )
    f.suggestion(
        "6",
        lead,
        state=S.HANDLING,
        lead_unit=other_unit,
        assigned=today - 9 * day,
        deadline=today - 1 * day,
    )
    f.suggestion("7", lead, state=S.CLOSED, lead_unit=unit, deadline=today - 30 * day)
    ReviewOpinion.objects.create(
        name="意见一", date=today - 60 * day, body="区政府", unit=unit, deadline=today + 2 * day
    )
    ReviewOpinion.objects.create(
        name="意见二", date=today - 99 * day, body="区法院", deadline=today - 5 * day
    )
    Appointment.objects.create(person="李华", kind="任命", post="局长", date=today - 3 * day)
    LedgerImport.objects.create(
        filename="台账.xlsx", file="ledger/x.xlsx", status=LedgerImport.Status.READY
    )
    return today


def _todos(html: str) -> dict[str, tuple[int, str]]:
    found = re.findall(
        r'data-todo="([^"]+)"><a href="([^"]+)"><span class="n" data-todo-count>(\d+)<', html
    )
    return {key: (int(n), href.replace("&amp;", "&")) for key, href, n in found}


def _count(client, link: str) -> int:
    page = client.get(link)
    assert page.status_code == 200, link
    return int(re.search(r"data-count>(\d+)<", page.content.decode()).group(1))


@pytest.mark.parametrize(
    "who,expected",
    [
        (
            "clerk_client",
            {
                "suggestions_new": 2,
                "suggestions_overdue": 2,
                "opinions_to_report": 2,
                "opinions_overdue": 1,
                "oath_pending": 1,
                "imports_ready": 1,
            },
        ),
        ("unit_client", {"unit_sign": 1, "unit_answer": 2, "unit_again": 1, "unit_opinions": 1}),
        ("leader_client", {"leader_suggestions_overdue": 2, "leader_opinions_overdue": 1}),
    ],
)
def test_each_count_is_the_length_of_its_list(request, waiting, who, expected):
    client = request.getfixturevalue(who)
    todos = _todos(client.get(reverse("home")).content.decode())
    assert todos, "no to-do list on the home page"
    for key, n in expected.items():
        assert todos[key][0] == n, key
    for key, (n, link) in todos.items():
        assert _count(client, link) == n, key


def test_this_weeks_replies(clerk_client, waiting):
    n, link = _todos(clerk_client.get(reverse("home")).content.decode())["suggestions_this_week"]
    assert n == 1  # 第3号, due today; 第5号 is due in 20 days, 第4号 and 第6号 are overdue
    assert _count(clerk_client, link) == 1


def test_a_units_home_counts_only_its_own(client, waiting, other_unit):
    from tests.conftest import make_user

    other = make_user("unit9", "承办单位")
    other_unit.users.add(other)
    client.force_login(other)
    todos = _todos(client.get(reverse("home")).content.decode())
    assert todos["unit_sign"][0] == 1 and todos["unit_answer"][0] == 0  # only 第6号
    assert todos["unit_opinions"][0] == 0


def test_leadership_sees_overdue_by_unit_and_the_same_period(leader_client, waiting, unit):
    html = leader_client.get(reverse("home")).content.decode()
    rows = re.findall(
        r'<td data-label="主办单位">([^<]+)</td><td class="num" data-label="逾期件数"><a href="([^"]+)" data-unit-count>(\d+)<',
        html,
    )
    assert {name: int(n) for name, _l, n in rows} == {"区住房和城乡建设局": 1, "区教育局": 1}
    for _name, link, n in rows:
        assert _count(leader_client, link.replace("&amp;", "&")) == int(n)
    assert "上年同期" in html


def test_the_same_period_of_last_year_counts_only_those_days(known_year):
    from congress.figures.cache import compute_year

    d = datetime.date
    assert compute_year(2025)["standing_meetings"] == 3  # Feb, Mar and Apr
    assert compute_year(2025, d(2025, 3, 10))["standing_meetings"] == 2
    assert compute_year(2025, d(2025, 3, 9))["standing_meetings"] == 1
    assert compute_year(2025, d(2025, 4, 30))["trained"] == 2  # 培训 on 04-01 and 05-01
    assert compute_year(2025, d(2025, 3, 31))["trained"] == 0


def test_the_dashboard_of_a_running_year_compares_with_the_same_period(
    leader_client, known_year, monkeypatch
):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2025, 3, 10))
    html = leader_client.get(reverse("dashboard") + "?year=2025").content.decode()
    assert "上年同期" in html
    html = leader_client.get(reverse("dashboard") + "?year=2024").content.decode()
    assert "上年同期" not in html and "上年 " in html
