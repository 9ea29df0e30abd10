"""Every person changes their own password; the set-password link says the password is set;
the password messages are in Chinese."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.conftest import PASSWORD, client_for

NEW = "another-horse-battery-7"


@pytest.mark.parametrize("who", ["clerk", "leader", "unit_user", "member_user"])
def test_each_role_changes_its_own_password(request, who):
    user = request.getfixturevalue(who)
    client = client_for(user)
    assert client.get(reverse("change_password")).status_code == 200
    wrong = client.post(
        reverse("change_password"),
        {"old_password": "not-it", "new_password1": NEW, "new_password2": NEW},
    )
    assert wrong.status_code == 200 and "旧密码不正确" in wrong.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    weak = client.post(
        reverse("change_password"),
        {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"},
    )
    assert "密码太短" in weak.content.decode() or "密码长度太短" in weak.content.decode()
    done = client.post(
        reverse("change_password"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
        follow=True,
    )
    assert "密码已修改" in done.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW)


def test_the_set_password_link_says_it_is_done(clerk, client):
    clerk.set_unusable_password()
    clerk.save()
    uid = urlsafe_base64_encode(force_bytes(clerk.pk))
    url = reverse("set_password", args=[uid, default_token_generator.make_token(clerk)])
    form = client.get(url, follow=True)
    response = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else url,
        {"new_password1": NEW, "new_password2": NEW},
        follow=True,
    )
    assert "密码已设置，请用新密码登录" in response.content.decode()


def test_nobody_signed_out_changes_a_password(client):
    response = client.get(reverse("change_password"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
