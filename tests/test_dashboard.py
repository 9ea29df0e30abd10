"""领导驾驶舱: the registry's figures, each linked to a list of the same count, in constant queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congress.figures.builtin import all_figures
from congress.figures.cache import compute_year
from tests.conftest import set_eager

URL = reverse("dashboard") + "?year=2025"


def _tiles(html: str) -> dict[str, tuple[str, str]]:
    found = re.findall(
        r'<a class="tile" href="([^"]+)"[^>]*data-figure="([^"]+)">\s*'
        r'<span class="label">[^<]*</span>\s*<span class="value">([^<]+)<',
        html,
    )
    return {key: (href.replace("&amp;", "&"), value.strip()) for href, key, value in found}


# The ledger format's overview, in its order: a new installation's dashboard shows these (an app
# may offer more tiles, but never moves these out of order).
OVERVIEW = [
    "常委会会议", "主任会议", "专项工作报告", "执法检查", "专题询问", "决议决定", "任免", "补选",
    "意见建议条数", "推动解决", "学习研讨", "请示报告", "民生实事", "督导", "立法调研",
    "联动执法检查", "联合执法", "公益诉讼", "代表之家", "代表联络站", "邀请人次", "培训人数",
    "代表建议", "发言建议", "重点督办", "办结率", "满意率", "联系群众", "解决问题", "述职人数",
]  # fmt: skip


def test_dashboard_tiles_equal_the_registry(leader_client, known_year):
    from congress.figures.dashboard import default_tiles
    from congress.figures.figureset import year_values

    tiles = _tiles(leader_client.get(URL).content.decode())
    values = year_values(2025)
    assert list(tiles) == default_tiles()
    assert [name for name in tiles if name in OVERVIEW] == OVERVIEW
    for name, (_href, shown) in tiles.items():
        assert shown == str(values[name].value), name


def test_every_tile_leads_to_a_list_whose_count_or_total_equals_the_figure(
    leader_client, known_year
):
    from congress.figures.figureset import year_values

    tiles = _tiles(leader_client.get(URL).content.decode())
    figures = {f.text_name: f for f in all_figures().values()}
    values = year_values(2025)
    sums = 0
    for name, (href, shown) in tiles.items():
        page = leader_client.get(href)
        assert page.status_code == 200, name
        html = page.content.decode()
        count = int(re.search(r"data-count>(\d+)<", html).group(1))
        fig = figures[name]
        if fig.is_rate:
            assert count == compute_year(2025)[fig.denominator], name
        elif values[name].is_sum:
            # "共 N 条记录，合计 M": the total is the figure.
            assert re.search(r"data-total>(\d+)<", html).group(1) == shown, name
            sums += 1
        else:
            assert str(count) == shown, name
    assert sums >= 5  # 意见建议条数, 推动解决, 学习研讨, 联系群众 … are sums


def test_previous_year_is_shown(leader_client, known_year):
    html = leader_client.get(URL).content.decode()
    assert "上年 1 次" in html  # one standing meeting in 2024


def test_query_count_does_not_grow_with_records(leader_client, known_year, clerk):
    from django.core.cache import cache

    from tests import factories as f

    def measure() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert leader_client.get(URL).status_code == 200
        return len(ctx.captured_queries)

    measure()  # what a process loads once (the session, cached settings)
    before = measure()
    lead = f.deputy("新代表")
    for i in range(20):
        f.suggestion(f"新{i}", lead, state="办理中", deadline=f.D(2025, 2, 1))
        f.activity(f"新活动{i}", "视察", f.D(2025, 1 + i % 12, 3), [lead])
        f.meeting(kind="主任会议", term=18, seq=100 + i, date=f.D(2025, 1 + i % 12, 5))
    assert measure() == before


def test_bars_link_to_their_records(leader_client, known_year):
    html = leader_client.get(URL).content.decode()
    link = re.search(r'<a href="(/meetings/\?year=2025&amp;kind=[^"]+&amp;month=3)">', html)
    assert link, "the March bar of the meetings chart links to March's meetings"
    page = leader_client.get(link.group(1).replace("&amp;", "&")).content.decode()
    assert "data-count>1<" in page


def test_attention_lists_overdue_items(leader_client, known_year):
    """The overdue suggestion and the appointee not yet sworn are named in the panels."""
    import datetime

    from django.utils import timezone

    from congress.accounts.models import Unit
    from congress.records.kinds import KINDS
    from meetings.models import Appointment
    from proposals.models import Suggestion
    from tests import factories as f

    # One record of every kind (what its app declares as an example), for the panels of apps
    # this test does not know; then the records behind the panels it checks by name.
    for n, kind in enumerate(KINDS.values(), 900):
        kind.example(n)
    today = timezone.localdate()
    unit = Unit.objects.create(name="区水务局")
    late = f.suggestion(
        "99",
        f.deputy("逾期代表"),
        title="关于逾期事项的建议",
        state=Suggestion.State.HANDLING,
        lead_unit=unit,
        assigned=today - datetime.timedelta(days=120),
        deadline=today - datetime.timedelta(days=3),
    )
    Appointment.objects.create(person="待宣誓者", kind="任命", post="局长", date=today)
    unhappy = f.suggestion(
        "98", late.lead, title="关于代表不满意事项的建议", opinion=Suggestion.Opinion.UNSATISFIED
    )
    html = leader_client.get(URL).content.decode()
    overdue = html[html.index("逾期未答复的代表建议") : html.index("待报告的审议意见")]
    assert str(late) in overdue and "（1）" in overdue
    opinions = html[html.index("待报告的审议意见") : html.index("尚未宪法宣誓")]
    assert "意见一" in opinions and "意见二" in opinions
    oath = html[html.index("尚未宪法宣誓") : html.index("代表不满意的建议")]
    assert "待宣誓者" in oath
    unsatisfied = html[html.index("代表不满意的建议") : html.index("<h2>图表")]
    assert str(unhappy) in unsatisfied
    # Every panel an app declares has something to show here: none says 无.
    attention = html[html.index("<h2>需要关注") : html.index("<h2>图表")]
    from congress.figures.panels import ATTENTION, PANELS

    assert attention.count('<section class="card">') == len(
        [p for p in PANELS.values() if p.place == ATTENTION]
    )
    assert '<li class="muted">无</li>' not in attention


@pytest.mark.django_db
def test_units_and_outsiders_cannot_see_it(unit_client):
    assert unit_client.get(URL).status_code == 403


@pytest.mark.django_db
def test_leader_and_clerk_see_it_and_post_is_refused(leader_client):
    assert leader_client.get(reverse("dashboard")).status_code == 200
    assert leader_client.post(reverse("dashboard")).status_code == 403


def test_a_bad_year_is_a_400_with_a_chinese_message(leader_client, known_year):
    for year in ("abc", "99999", "0"):
        response = leader_client.get(reverse("dashboard") + f"?year={year}")
        assert response.status_code == 400 and "年度应为" in response.content.decode()


def test_a_change_warms_the_year_again_through_the_worker(
    known_year,
    settings,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    from django.core.cache import cache

    from congress.celery import app
    from congress.figures.cache import WARM_DELAY
    from meetings.models import Decision

    compute_year(2025)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    set_eager(False)  # the autouse fixture puts it back
    queued = []
    monkeypatch.setattr(
        app, "send_task", lambda name, args, countdown: queued.append((name, args, countdown))
    )
    cache.delete("congress:warm-pending:2025")
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(3):  # a burst of saves asks once
            Decision.objects.create(title=f"新决定{i}", date=figures_date())
    assert queued == [("congress.figures.tasks.warm_year", [2025], WARM_DELAY)]
    app.loader.import_default_modules()
    assert "congress.figures.tasks.warm_year" in app.tasks  # the name a worker knows
    assert compute_year(2025, cached_only=True) is None
    from congress.figures.tasks import warm_year

    warm_year.run(2025)
    assert compute_year(2025, cached_only=True)["decisions"] == 4


def figures_date():
    import datetime

    return datetime.date(2025, 9, 1)
