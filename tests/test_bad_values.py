"""No single bad value takes a page down: an office figure that cannot be computed shows as an
error on its own tile and line; odd parameters on any list, year or id answer 400 or an empty
list, never 500; hostile figure definitions are refused in Chinese and save nothing."""

import json

import pytest
from django.urls import reverse

from congress.figures.models import OwnFigure
from congress.records.kinds import KINDS

pytestmark = pytest.mark.django_db

ODD = ["²", "٣", "-1", "0", "100000000000000000000", "1e20", "1.5", "", "abc", "1\x00"]


def _post_figures(client, definitions, tiles=""):
    return client.post(
        reverse("own_figures"),
        {"definitions": json.dumps(definitions, ensure_ascii=False), "tiles": tiles},
    )


def test_a_unicode_digit_in_a_condition_is_refused_when_saved(admin_client):
    bad = {"名称": "学习会", "单位": "次", "表": "其他工作", "条件": {"数量": "²"}}
    page = _post_figures(admin_client, [bad]).content.decode()
    assert "“数量”应为整数，不能是“²”" in page
    assert not OwnFigure.objects.exists()


def test_a_figure_that_cannot_be_computed_shows_its_error_and_nothing_else_breaks(
    admin_client, leader_client
):
    # A definition saved before the check existed (or by hand): the pages must still open.
    OwnFigure.objects.create(
        name="坏数字",
        position=1,
        definition={"名称": "坏数字", "单位": "次", "表": "其他工作", "条件": {"数量": "²"}},
    )
    from congress.accounts.models import Profile

    profile = Profile.get()
    profile.tiles = ["坏数字", "常委会会议"]
    profile.save()
    for client, url in [
        (leader_client, "/dashboard/"),
        (leader_client, "/"),
        (admin_client, reverse("own_figures")),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    dashboard = leader_client.get("/dashboard/").content.decode()
    assert "无法计算" in dashboard and 'data-figure="常委会会议"' in dashboard
    assert "无法计算" in admin_client.get(reverse("own_figures")).content.decode()


def test_hostile_definitions_are_refused_in_chinese(admin_client):
    cases = [
        ("[" * 100000 + "]" * 100000, "嵌套层次过深"),
        (json.dumps([{"名称": ["列表"], "表": "其他工作"}], ensure_ascii=False), "“名称”应为文字"),
        (json.dumps([{"名称": "a\u0000b", "表": "其他工作"}]), "无效字符"),
        (json.dumps([{"名称": "名" * 31, "表": "其他工作"}], ensure_ascii=False), "不能超过30个字"),
    ]
    for raw, message in cases:
        response = admin_client.post(reverse("own_figures"), {"definitions": raw, "tiles": ""})
        assert response.status_code < 500
        assert message in response.content.decode(), message
    assert not OwnFigure.objects.exists()


@pytest.mark.parametrize("value", ["²", "٣", "-5", "99999", "2025x", "1\x00"])
@pytest.mark.parametrize("param", ["year", "fy"])
def test_an_odd_year_is_a_400_even_anonymous(client, param, value):
    for url in ["/healthz", "/accounts/login/", "/dashboard/"]:
        response = client.get(url, {param: value})
        assert response.status_code == 400, (url, param, value)
        assert "年度" in response.content.decode() or "无效字符" in response.content.decode()


def test_every_lists_own_filters_take_odd_values_without_a_500(admin_client):
    """Walks the registered lists: each filter of each list with each odd value, one or two,
    through the list's own filters and query; then each list page once with every filter odd."""
    from django.http import QueryDict

    problems = []
    for kind in KINDS.values():
        names = list(kind.filtered({}).filters)
        assert names, kind.key
        for name in names:
            for value in [*ODD, ["²", "2"]]:
                params = QueryDict(mutable=True)
                params.setlist(name, value if isinstance(value, list) else [value])
                filterset = kind.filtered(params)
                try:
                    if filterset.is_valid():
                        list(filterset.qs[:3])
                except Exception as exc:  # noqa: BLE001 - what a list page would answer 500 to
                    problems.append((kind.key, name, value, repr(exc)[:80]))
        everything = {name: "²" for name in names}
        if admin_client.get(kind.url_list, everything).status_code >= 500:
            problems.append((kind.key, "every filter", "²"))
    assert not problems, problems[:20]


def test_a_list_without_a_date_offers_no_month(admin_client):
    for key in ("units", "projects"):
        kind = KINDS[key]
        assert "month" not in kind.filtered({}).filters, key
    assert "month" in KINDS["stations"].filtered({}).filters  # by the date a station was built


def test_odd_ids_on_the_letters_are_ignored(admin_client):
    for value in ["²", "1,²", "-1", "99999999999999999999999"]:
        assert admin_client.get(reverse("assignment_letters"), {"ids": value}).status_code == 200


def test_connections_are_checked_before_reuse(settings):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
