"""账号管理: administrators create accounts, give roles and units, deactivate them and reset
passwords with a one-time link, in the application's own pages (no Django admin needed)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.http import require_http_methods, require_POST

from congress.accounts.models import Unit, unit_of
from congress.accounts.roles import ADMIN, ROLES, UNIT, role_label, staff_required

User = get_user_model()


def admin_required(view):
    """Administrators only (403 for every other role)."""
    from functools import wraps

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if role_label(request.user) != ADMIN:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return staff_required(wrapped)


class AccountForm(forms.Form):
    username = forms.RegexField(
        label="登录名",
        regex=r"^[\w.@+-]{2,30}$",
        error_messages={"invalid": "登录名为 2–30 个字母、数字或 . @ + - _"},
    )
    name = forms.CharField(label="姓名", max_length=30)
    email = forms.EmailField(label="电子邮箱（接收提醒，可不填）", required=False)
    role = forms.ChoiceField(label="角色", choices=[(r, r) for r in ROLES])
    unit = forms.ModelChoiceField(
        label="所属承办单位（承办单位账号必填）",
        queryset=Unit.objects.order_by("name"),
        required=False,
    )

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance = instance
        if instance is not None:
            self.fields["username"].disabled = True

    def clean_username(self):
        name = self.cleaned_data["username"]
        others = User.objects.filter(username__iexact=name)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("该登录名已被使用。")
        return name

    def clean(self):
        data = super().clean()
        if data.get("role") == UNIT and not data.get("unit"):
            self.add_error("unit", "承办单位账号必须选择所属单位。")
        if data.get("role") != UNIT and data.get("unit"):
            self.add_error("unit", "只有承办单位账号属于某个承办单位。")
        return data


def _initial(user) -> dict:
    return {
        "username": user.username,
        "name": user.first_name,
        "email": user.email,
        "role": role_label(user),
        "unit": unit_of(user),
    }


@transaction.atomic
def _save(form: AccountForm, user=None):
    data = form.cleaned_data
    if user is None:
        user = User(username=data["username"])
        user.set_unusable_password()  # the person sets it through the one-time link
    user.first_name, user.email = data["name"], data["email"]
    user.is_staff = data["role"] == ADMIN  # administrators keep the Django admin as a fallback
    user.save()
    user.groups.set([Group.objects.get(name=data["role"])])
    user.units.set([data["unit"]] if data.get("unit") else [])
    return user


def password_link(request: HttpRequest, user) -> str:
    """A link with which the person sets a new password once (it expires after use or in
    PASSWORD_RESET_TIMEOUT seconds)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return request.build_absolute_uri(reverse("set_password", args=[uid, token]))


@require_http_methods(["GET", "HEAD"])
@admin_required
def accounts(request: HttpRequest) -> HttpResponse:
    users = User.objects.prefetch_related("groups", "units").order_by("-is_active", "username")
    rows = [(u, role_label(u), ", ".join(x.name for x in u.units.all())) for u in users]
    return render(request, "congress/accounts.html", {"rows": rows})


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def account_new(request: HttpRequest) -> HttpResponse:
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = _save(form)
        request.session["password_link"] = [user.pk, password_link(request, user)]
        messages.success(request, f"已创建账号 {user.username}。")
        return redirect("account_edit", pk=user.pk)
    return render(
        request,
        "congress/account_form.html",
        {"form": form, "new": True},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def account_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    form = AccountForm(request.POST or None, instance=user, initial=_initial(user))
    if request.method == "POST" and form.is_valid():
        if user == request.user and form.cleaned_data["role"] != ADMIN:
            form.add_error("role", "不能取消自己的管理员角色。")
        else:
            _save(form, user)
            messages.success(request, f"已保存账号 {user.username}。")
            return redirect("account_edit", pk=user.pk)
    link = request.session.pop("password_link", None)
    return render(
        request,
        "congress/account_form.html",
        {"form": form, "account": user, "link": link[1] if link and link[0] == user.pk else ""},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@admin_required
def account_active(request: HttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    if user == request.user:
        messages.error(request, "不能停用自己的账号。")
    else:
        user.is_active = not user.is_active
        user.save(update_fields=["is_active"])
        messages.success(request, f"已{'启用' if user.is_active else '停用'}账号 {user.username}。")
    return redirect("account_edit", pk=user.pk)


@require_POST
@admin_required
def account_reset(request: HttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    request.session["password_link"] = [user.pk, password_link(request, user)]
    messages.success(request, f"已生成 {user.username} 的设置密码链接，仅可使用一次。")
    return redirect("account_edit", pk=user.pk)
