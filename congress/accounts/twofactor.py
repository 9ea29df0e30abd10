"""Optional two-factor login (TOTP, django-otp) for administrators' accounts."""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from congress.accounts.roles import ADMIN, has_role, leader_may_post


class TokenForm(forms.Form):
    token = forms.RegexField(
        label="验证码",
        regex=r"^\d{6}$",
        max_length=6,
        error_messages={"invalid": "请输入认证器上显示的6位数字。"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user).order_by("-confirmed", "-pk").first()


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def setup(request: HttpRequest) -> HttpResponse:
    """Turn on two-factor login: scan the key into an authenticator app, confirm with a code."""
    if not (request.user.is_superuser or has_role(request.user, ADMIN)):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    device = _device(request.user)
    if device is None or (not device.confirmed and request.method == "GET"):
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=request.user, name="认证器", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and not device.confirmed and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            messages.success(request, "已开启两步验证：以后登录时需要输入认证器上的验证码。")
            return redirect("home")
        form.add_error("token", "验证码不正确，请检查手机时间后重试。")
    secret = b32encode(device.bin_key).decode()
    uri = (
        f"otpauth://totp/{quote('人大常委会')}:{quote(request.user.username)}"
        f"?secret={secret}&issuer={quote('人大常委会')}&digits=6&period=30"
    )
    return render(
        request,
        "registration/twofactor_setup.html",
        {
            "device": device,
            "secret": secret,
            "uri": uri,
            "form": form,
        },
        status=400 if request.method == "POST" and not device.confirmed else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@leader_may_post
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of login for accounts with two-factor login on."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None or request.user.is_verified():
        return redirect("home")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(safe_next(request))
        form.add_error("token", "验证码不正确或已过期。")
    return render(
        request,
        "registration/twofactor_verify.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


def safe_next(request) -> str:
    """The ``next`` page if it is on this site, else the home page (no open redirect)."""
    from django.urls import reverse
    from django.utils.http import url_has_allowed_host_and_scheme

    wanted = request.GET.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("home")
