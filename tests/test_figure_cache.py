"""After an edit the dashboard recomputes only what read the edited records: a new decision
leaves the suggestions' figures and charts cached, and each value is still right."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congress.figures.cache import compute_year
from congress.figures.charts import drawn
from meetings.models import Decision
from proposals.models import Suggestion
from tests import factories as f

pytestmark = pytest.mark.django_db
DAY = datetime.date(2025, 9, 1)


@pytest.fixture
def year(db, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()
    lead = f.deputy("甲")
    f.suggestion("1", lead, date=DAY)
    Decision.objects.create(title="决定一", date=DAY)
    return compute_year(2025), drawn(2025)


def _tables_queried(queries) -> set[str]:
    sql = " ".join(q["sql"] for q in queries)
    return {t for t in (Suggestion._meta.db_table, Decision._meta.db_table) if f'"{t}"' in sql}


def test_a_new_decision_recomputes_the_decisions_only(year):
    before, _charts = year
    Decision.objects.create(title="决定二", date=DAY)
    with CaptureQueriesContext(connection) as queries:
        after = compute_year(2025)
        drawn(2025)
    assert after["decisions"] == before["decisions"] + 1
    assert _tables_queried(queries.captured_queries) == {Decision._meta.db_table}
    assert after["suggestions"] == before["suggestions"]


def test_a_changed_suggestion_recomputes_its_figures_and_chart(year):
    before, charts = year
    f.suggestion("2", Suggestion.objects.get().lead, date=DAY)
    with CaptureQueriesContext(connection) as queries:
        after = compute_year(2025)
        redrawn = drawn(2025)
    assert Suggestion._meta.db_table in _tables_queried(queries.captured_queries)
    assert after["suggestions"] == before["suggestions"] + 1
    assert redrawn["代表建议办理状态"] != charts["代表建议办理状态"]
    assert redrawn["常委会会议按月"] == charts["常委会会议按月"]


def test_a_second_look_reads_the_cache_only(year):
    with CaptureQueriesContext(connection) as queries:
        compute_year(2025)
        drawn(2025)
    assert not _tables_queried(queries.captured_queries)


def test_last_years_figures_stay_cached_when_this_year_changes(year):
    compute_year(2024)
    Decision.objects.create(title="决定三", date=DAY)
    with CaptureQueriesContext(connection) as queries:
        compute_year(2024)
    assert not _tables_queried(queries.captured_queries)


def test_a_panel_of_last_year_shows_what_fell_overdue_this_year(year):
    """The 需要关注 panels list what is overdue today in every year: a suggestion of 2026 that
    falls overdue changes the panel shown on the 2025 dashboard too."""
    from congress.figures.panels import ATTENTION, rendered

    today = datetime.date(2026, 6, 1)
    before = "".join(rendered(ATTENTION, 2025, today))
    assert "逾期未答复的代表建议（0）" in before
    from congress.accounts.models import Unit

    unit = Unit.objects.create(name="区交通运输局")
    f.suggestion(
        "2026-1",
        Suggestion.objects.get().lead,
        title="关于增开公交线路的建议",
        date=datetime.date(2026, 1, 20),
        state=Suggestion.State.HANDLING,
        lead_unit=unit,
        deadline=datetime.date(2026, 5, 20),
    )
    after = "".join(rendered(ATTENTION, 2025, today))
    assert "逾期未答复的代表建议（1）" in after and "关于增开公交线路的建议" in after


def test_a_value_cached_from_rows_a_test_rolled_back_is_forgotten(db):
    """Between tests the cache is emptied (tests/conftest.py): otherwise a figure cached from a
    record that an earlier test created, and its transaction then rolled back, answers for a
    later test whose database holds no such record."""
    from django.db import transaction

    from tests.conftest import forget_cached_values

    lead = f.deputy("乙")
    with transaction.atomic():
        f.suggestion("1", lead, date=DAY)
        assert compute_year(2025)["suggestions"] == 1
        transaction.set_rollback(True)  # what the end of a test does
    assert not Suggestion.objects.exists()
    assert compute_year(2025)["suggestions"] == 1  # the defect: the cache outlived the rows
    forget_cached_values()
    assert compute_year(2025)["suggestions"] == 0
