"""账号管理 in the application's own pages, for administrators only."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.conftest import client_for


@pytest.fixture
def admin_client(admin_user):
    return client_for(admin_user)


def test_an_administrator_creates_a_unit_account_that_sets_its_own_password(
    admin_client, unit, client
):
    response = admin_client.post(
        reverse("account_new"),
        {
            "username": "zjj",
            "name": "王建设",
            "email": "zjj@example.org",
            "role": "承办单位",
            "unit": unit.pk,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="zjj")
    assert (
        user.first_name == "王建设"
        and list(user.units.all()) == [unit]
        and not user.has_usable_password()
    )
    page = admin_client.get(response["Location"]).content.decode()
    link = re.search(r"<code data-password-link>([^<]+)</code>", page).group(1)
    path = link.split("testserver", 1)[1]
    form = client.get(path, follow=True)
    assert "设置密码" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else path,
        {"new_password1": "Qingshan-2026-ok", "new_password2": "Qingshan-2026-ok"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Qingshan-2026-ok")
    # The link works once.
    again = client.get(path, follow=True).content.decode()
    assert "已经使用过或已过期" in again
    # The new account lands on its unit's to-do list.
    client.force_login(user)
    assert "区住房和城乡建设局 · 今天要办的事" in client.get(reverse("home")).content.decode()


def test_bad_accounts_are_refused_in_chinese(admin_client, admin_user, unit):
    no_unit = admin_client.post(
        reverse("account_new"), {"username": "x1", "name": "甲", "role": "承办单位"}
    )
    assert no_unit.status_code == 400 and "承办单位账号必须选择所属单位" in no_unit.content.decode()
    taken = admin_client.post(
        reverse("account_new"), {"username": "ADMIN", "name": "乙", "role": "录入员"}
    )
    assert taken.status_code == 400 and "该登录名已被使用" in taken.content.decode()
    odd = admin_client.post(
        reverse("account_new"), {"username": "a b", "name": "丙", "role": "录入员"}
    )
    assert odd.status_code == 400 and "登录名为" in odd.content.decode()
    assert not User.objects.filter(username__in=["x1", "a b"]).exists()
    myself = admin_client.post(
        reverse("account_edit", args=[admin_user.pk]), {"name": "管", "role": "录入员"}
    )
    assert myself.status_code == 400 and "不能取消自己的管理员角色" in myself.content.decode()


def test_deactivate_and_reset(admin_client, admin_user, clerk, client):
    admin_client.post(reverse("account_active", args=[clerk.pk]))
    clerk.refresh_from_db()
    assert not clerk.is_active
    admin_client.post(reverse("account_active", args=[admin_user.pk]))
    admin_user.refresh_from_db()
    assert admin_user.is_active  # never oneself
    reset = admin_client.post(reverse("account_reset", args=[clerk.pk]), follow=True)
    assert "data-password-link" in reset.content.decode()
    listing = admin_client.get(reverse("accounts")).content.decode()
    assert "已停用" in listing and "从未登录" in listing


def test_only_administrators(clerk_client, leader_client, unit_client, admin_client, clerk):
    for url in (
        reverse("accounts"),
        reverse("account_new"),
        reverse("account_edit", args=[clerk.pk]),
    ):
        assert clerk_client.get(url).status_code == 403
        assert leader_client.get(url).status_code == 403
        assert unit_client.get(url).status_code == 403
        assert admin_client.get(url).status_code == 200
    assert admin_client.get(reverse("account_edit", args=[999999])).status_code == 404
    assert admin_client.get(reverse("account_active", args=[clerk.pk])).status_code == 405
    assert admin_client.delete(reverse("accounts")).status_code == 405
