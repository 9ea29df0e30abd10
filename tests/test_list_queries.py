"""No list page issues one query per row: the count stays the same as rows are added. Every
registered kind is checked, with the records its app declares as examples (RecordKind.example),
so a new app's list is checked without editing this file."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congress.records.kinds import KINDS

counter = itertools.count(1)


def _add(key: str) -> None:
    KINDS[key].example(next(counter))


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
    return len(ctx.captured_queries)


def test_every_kind_declares_an_example():
    missing = [key for key, kind in KINDS.items() if kind.example is None]
    assert not missing, f"declare example= on these record kinds: {missing}"


@pytest.mark.django_db
def test_every_example_is_a_valid_record_of_its_kind():
    for key, kind in KINDS.items():
        record = kind.example(next(counter))
        assert isinstance(record, kind.model), key
        record.full_clean()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_list_query_count_is_constant(clerk_client, kind):
    url = KINDS[kind].url_list + "?year="
    for _ in range(2):
        _add(kind)
    _queries(clerk_client, url)  # what a process loads once (the session, cached settings)
    few = _queries(clerk_client, url)
    for _ in range(12):
        _add(kind)
    assert _queries(clerk_client, url) == few


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_list_of_every_year_shows_every_record(clerk_client, kind):
    for _ in range(3):
        _add(kind)
    html = clerk_client.get(KINDS[kind].url_list, {"year": ""}).content.decode()
    assert f"data-count>{KINDS[kind].model.objects.count()}<" in html


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_list_opened_from_the_menu_shows_the_current_year_or_the_whole_roster(clerk_client, kind):
    from django.utils import timezone

    _add(kind)
    response = clerk_client.get(KINDS[kind].url_list)
    this_year = timezone.localdate().year
    if KINDS[kind].filtered({}).yearly and "year" in KINDS[kind].filtered({}).filters:
        assert response.status_code == 302
        assert response["Location"] == f"{KINDS[kind].url_list}?year={this_year}"
        html = clerk_client.get(response["Location"]).content.decode()
        assert f"{this_year}年度" in html and "全部年度" in html
    else:
        # A roster opens whole: every record, and no year in its heading.
        assert response.status_code == 200
        html = response.content.decode()
        assert f"data-count>{KINDS[kind].model.objects.count()}<" in html
        assert "年度</small>" not in html
