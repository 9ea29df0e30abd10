"""Choosing deputies by typing a name (or its pinyin initials in the suggestions), never from a
list of hundreds; namesakes told apart by their delegation; the forms work without JavaScript."""

import datetime

import pytest
from django.urls import reverse

from proposals.models import Suggestion
from tests import factories as f

D = datetime.date


@pytest.fixture
def people(db):
    return {
        "zmy": f.deputy("张明远", delegation="河清镇代表团", term=18),
        "lhy": f.deputy("李华英", term=18),
        "twin1": f.deputy("王芳", delegation="桑枣镇代表团", term=18),
        "twin2": f.deputy("王芳", delegation="花荄镇代表团", term=18, elected=D(2021, 10, 2)),
    }


def _post(client, **fields):
    data = {
        "number": "第5号",
        "kind": "代表建议",
        "title": "关于修路的建议",
        "text": "正文",
        "date": "2025-01-10",
        "topic": "",
        **fields,
    }
    return client.post(reverse("suggestions_create"), data)


def test_typed_names_without_javascript(people, clerk_client):
    assert (
        'select name="lead"' not in clerk_client.get(reverse("suggestions_create")).content.decode()
    )
    response = _post(clerk_client, lead="张明远", cosigners="李华英、王芳（花荄镇代表团）")
    assert response.status_code == 302, response.content.decode()[:500]
    s = Suggestion.objects.get()
    assert s.lead == people["zmy"]
    assert set(s.cosigners.all()) == {people["lhy"], people["twin2"]}
    edit = clerk_client.get(reverse("suggestions_edit", args=[s.pk])).content.decode()
    assert 'value="张明远（河清镇代表团）"' in edit


def test_unknown_and_ambiguous_names_are_told(people, clerk_client):
    unknown = _post(clerk_client, lead="不存在", cosigners="")
    assert unknown.status_code == 400 and "找不到代表“不存在”" in unknown.content.decode()
    twins = _post(clerk_client, lead="张明远", cosigners="王芳")
    page = twins.content.decode()
    assert (
        twins.status_code == 400 and "“王芳”有同名代表" in page and "王芳（桑枣镇代表团）" in page
    )
    assert not Suggestion.objects.exists()


def test_the_lookup_by_name_or_initials(people, clerk_client, unit_client):
    by_initials = clerk_client.get(reverse("deputies_lookup") + "?q=zmy").json()["results"]
    assert [r["label"] for r in by_initials] == ["张明远（河清镇代表团）"]
    by_name = clerk_client.get(reverse("deputies_lookup") + "?q=王").json()["results"]
    assert len(by_name) == 2
    assert clerk_client.get(reverse("deputies_lookup")).json() == {"results": []}
    assert unit_client.get(reverse("deputies_lookup") + "?q=zmy").status_code == 403


def test_hostile_names_and_queries_change_nothing(people, clerk_client):
    for bad in ("张\x00明远", "1" * 25, "²", "-1", "长" * 100):
        response = _post(clerk_client, lead=bad, cosigners="")
        assert response.status_code == 400, bad
    assert not Suggestion.objects.exists()
    for q in ("²", "-1", "1" * 25):
        assert clerk_client.get(reverse("deputies_lookup"), {"q": q}).json() == {"results": []}
    # A NUL in any address is refused before the view, as everywhere.
    assert clerk_client.get(reverse("deputies_lookup"), {"q": "\x00"}).status_code == 400
