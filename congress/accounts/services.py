"""Accounts made for people the office keeps records of (committee members, deputies): one
each, with a role and no password until the person sets one through a one-time link."""

from __future__ import annotations

from django.contrib.auth.models import Group, User


def portal_account(name: str, role: str, *alternatives: str) -> User:
    """A new account logging in as ``name`` (or the first free of ``alternatives``)."""
    for username in (name, *alternatives):
        if not User.objects.filter(username__iexact=username).exists():
            break
    else:
        raise ValueError(f"登录名“{name}”已被使用")
    user = User(username=username, first_name=name)
    user.set_unusable_password()  # the person sets it through the one-time link
    user.save()
    user.groups.set([Group.objects.get(name=role)])
    return user


def qr_svg(text: str) -> str:
    """An SVG QR code of a link, for a sheet handed to someone without e-mail."""
    import io

    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(
        out, kind="svg", scale=4, xmldecl=False, svgns=True, title="设置密码的二维码"
    )
    return out.getvalue().decode()
