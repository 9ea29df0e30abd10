"""Which unit an account serves is one function (congress.accounts.models.unit_of), and only the
administrators' account pages change it: with an account linked to two units, the home page,
the portal and the letters agree on one; a clerk editing a unit cannot hand it an account."""

import pytest

from congress.accounts.models import Unit, accounts_of, unit_of
from proposals import services
from tests import factories as f
from tests.conftest import make_user

D = f.D


@pytest.fixture
def two_units(db, clerk):
    first = Unit.objects.create(name="区住房和城乡建设局")
    second = Unit.objects.create(name="区教育局")
    user = make_user("unit", "承办单位")
    second.users.add(user)  # linked to the later unit first: the order of linking must not matter
    first.users.add(user)
    lead = f.deputy()
    for n, unit in ((1, first), (2, second)):
        services.assign(
            services.submit(f.suggestion(f"第{n}号", lead, title=f"{unit.name}的事"), clerk),
            clerk,
            lead_unit=unit,
            assigned=D(2025, 1, 20),
        )
    return user, first, second


def test_every_page_takes_the_same_unit(client, two_units):
    user, first, second = two_units
    assert unit_of(user) == first
    client.force_login(user)
    home = client.get("/").content.decode()
    assert first.name in home and second.name not in home
    portal = client.get("/portal/").content.decode()
    assert f"{first.name}的事" in portal and f"{second.name}的事" not in portal
    from proposals.models import Suggestion

    theirs = Suggestion.objects.get(lead_unit=second)
    assert client.get(f"/portal/{theirs.pk}/").status_code == 404


def test_an_account_without_a_unit_sees_no_unassigned_work(client, db):
    from oversight.models import ReviewOpinion

    opinion = ReviewOpinion.objects.create(
        name="未交办的审议意见", date=D(2025, 3, 5), body="区人民政府", points=1, text="一、……"
    )
    user = make_user("nounit", "承办单位")
    client.force_login(user)
    assert client.get(f"/portal/opinions/{opinion.pk}/").status_code in (403, 404)
    assert client.get("/").status_code == 200


def test_a_deactivated_account_is_not_told(db):
    unit = Unit.objects.create(name="区水务局")
    on, off = make_user("on", "承办单位"), make_user("off", "承办单位", is_active=False)
    unit.users.add(on, off)
    assert list(accounts_of(unit)) == [on]


def test_a_clerk_editing_a_unit_cannot_give_it_an_account(client, clerk, db):
    unit = Unit.objects.create(name="区卫生健康局")
    other = Unit.objects.create(name="区民政局")
    user = make_user("u2", "承办单位")
    other.users.add(user)
    client.force_login(clerk)
    page = client.get(f"/units/{unit.pk}/edit/").content.decode()
    assert 'name="users"' not in page
    client.post(
        f"/units/{unit.pk}/edit/", {"name": "区卫生健康局", "users": [user.pk], "_version": "1"}
    )
    assert unit_of(user) == other and not unit.users.exists()
