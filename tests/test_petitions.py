"""信访: records, forwarding to a unit that answers in its portal, the figures 来信 and 来访."""

import datetime

import pytest
from django.urls import reverse

from petitions.models import Petition

D = datetime.date


@pytest.fixture
def forwarded(db, unit, other_unit):
    mine = Petition.objects.create(
        number="X1",
        channel="来信",
        date=D(2025, 3, 1),
        summary="反映小区停车难",
        unit=unit,
        state="已转办",
    )
    theirs = Petition.objects.create(
        number="X2",
        channel="来访",
        date=D(2025, 3, 2),
        people=3,
        summary="反映校车",
        unit=other_unit,
        state="已转办",
    )
    return mine, theirs


def test_a_unit_sees_only_what_was_forwarded_to_it_and_reports_it_closed(forwarded, unit_client):
    mine, theirs = forwarded
    home = unit_client.get(reverse("home")).content.decode()
    assert "转办的信访（待办结）" in home
    listing = unit_client.get(reverse("unit_petitions")).content.decode()
    # Look at the rows' links, not the whole page: a random CSRF token may spell "X2".
    assert reverse("unit_petition", args=[mine.pk]) in listing
    assert reverse("unit_petition", args=[theirs.pk]) not in listing
    assert ">X1<" in listing and ">X2<" not in listing
    assert unit_client.get(reverse("unit_petition", args=[theirs.pk])).status_code == 404
    bad = unit_client.post(
        reverse("unit_petition", args=[mine.pk]), {"closed": "2025-02-01", "result": "已协调"}
    )
    assert bad.status_code == 400 and "办结日期不能早于信访日期" in bad.content.decode()
    done = unit_client.post(
        reverse("unit_petition", args=[mine.pk]), {"closed": "2025-03-20", "result": "已增设停车位"}
    )
    assert done.status_code == 302
    mine.refresh_from_db()
    assert mine.state == "已办结" and mine.result == "已增设停车位"


def test_staff_and_leaders_do_not_use_the_units_pages(
    forwarded, clerk_client, leader_client, unit_client
):
    assert clerk_client.get(reverse("unit_petitions")).status_code == 403
    assert leader_client.get(reverse("unit_petition", args=[forwarded[0].pk])).status_code == 403
    assert unit_client.delete(reverse("unit_petitions")).status_code == 405


def test_a_forwarded_petition_needs_its_unit(db, clerk_client):
    response = clerk_client.post(
        reverse("petitions_create"),
        {
            "number": "X9",
            "channel": "来信",
            "date": "2025-03-01",
            "people": "1",
            "summary": "反映",
            "state": "已转办",
        },
    )
    assert (
        response.status_code == 400 and "已转办的信访必须填写转办单位" in response.content.decode()
    )
    assert not Petition.objects.filter(number="X9").exists()


def test_the_ledger_refuses_what_the_form_refuses_with_the_same_message(db):
    from congress.ledger.importer import import_workbook
    from tests.ledgerbook import book

    header = ["编号", "方式", "日期", "内容摘要", "办理状态"]
    result = import_workbook(
        book({"信访": [header, ["X9", "来信", "2025-03-01", "反映", "已转办"]]})
    )
    assert not result.ok and "已转办的信访必须填写转办单位" in str(result.errors[0])
