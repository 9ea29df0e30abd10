"""Optional two-factor login for administrators."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _login(client, username: str):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


def test_admin_turns_it_on_and_then_needs_a_code(client, admin_user):
    _login(client, "admin")
    page = client.get(reverse("twofactor_setup"))
    assert page.status_code == 200 and "otpauth://totp/" in page.content.decode()
    device = TOTPDevice.objects.get(user=admin_user)
    wrong = client.post(
        reverse("twofactor_setup"), {"token": "000000" if _code(device) != "000000" else "111111"}
    )
    assert wrong.status_code == 400 and "验证码不正确" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a wrong code
    assert client.post(reverse("twofactor_setup"), {"token": _code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed

    client.post(reverse("logout"))
    _login(client, "admin")
    assert client.get(reverse("home"))["Location"] == reverse("verify")
    assert client.get(reverse("meetings_list")).status_code == 302
    bad = client.post(reverse("verify"), {"token": "12ab"})
    assert bad.status_code == 400 and "6位数字" in bad.content.decode()
    device.refresh_from_db()
    device.last_t = -1  # the code just used to confirm may be shown again within its 30 s
    device.save()
    assert client.post(reverse("verify"), {"token": _code(device)}).status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_accounts_without_it_log_in_as_before(client, clerk):
    _login(client, "clerk")
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("twofactor_setup")).status_code == 403


@pytest.mark.parametrize(
    "wanted, lands",
    [
        ("https://evil.example/", "/"),
        ("//evil.example/x", "/"),
        ("/meetings/", "/meetings/"),
    ],
)
def test_verify_never_redirects_off_site(client, admin_user, wanted, lands):
    device = TOTPDevice.objects.create(user=admin_user, confirmed=True, name="手机")
    _login(client, "admin")
    response = client.post(reverse("verify") + f"?next={wanted}", {"token": _code(device)})
    assert response.status_code == 302 and response["Location"] == lands
