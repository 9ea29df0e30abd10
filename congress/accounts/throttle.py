"""Login throttling across accounts: one address that fails on many accounts (password spraying)
is held back too, not only one account guessed many times (django-axes does that)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone


def client_address(request) -> str:
    """The client's address, for axes and for this throttle alike.

    Behind CONGRESS_PROXY_COUNT reverse proxies, each appends the address it saw to
    X-Forwarded-For, so the client is the n-th entry from the right; anything further left was
    written by the client and is not trusted. Without proxies, the connection's own address.
    """
    count = settings.CONGRESS_PROXY_COUNT
    if count:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def address_failures(address: str) -> int:
    from axes.models import AccessAttempt

    since = timezone.now() - datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    total = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since).aggregate(
        n=Sum("failures_since_start")
    )["n"]
    return total or 0


def throttled_login(view):
    """Refuse a login POST from an address with too many failures over all accounts."""

    def wrapped(request, *args, **kwargs):
        if request.method == "POST":
            address = client_address(request)
            if (
                address
                and address_failures(address) >= settings.CONGRESS_LOGIN_FAILURES_PER_ADDRESS
            ):
                return render(
                    request, "registration/locked_out.html", {"address": True}, status=429
                )
        return view(request, *args, **kwargs)

    wrapped.login_exempt = True
    return wrapped
