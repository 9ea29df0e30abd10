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
