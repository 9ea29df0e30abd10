"""我的提醒: the bell's list; opening a reminder marks it read and goes to its item."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from congress.accounts.roles import leader_may_post, role_label
from congress.work.models import Notification


def _require_role(request: HttpRequest) -> None:
    # An account without a role sees nothing of the application, its reminders included.
    if not role_label(request.user):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied


@require_http_methods(["GET", "HEAD", "POST"])
@leader_may_post  # marking one's own reminders read changes no record
def notifications(request: HttpRequest) -> HttpResponse:
    _require_role(request)
    mine = Notification.objects.filter(user=request.user)
    if request.method == "POST":
        mine.filter(read__isnull=True).update(read=timezone.now())
        return redirect("notifications")
    page = Paginator(mine, 50).get_page(request.GET.get("page"))
    return render(request, "congress/notifications.html", {"page": page})


@require_http_methods(["GET", "HEAD"])
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    _require_role(request)
    # Another person's reminder is a 404, never a hint that it exists.
    note = get_object_or_404(Notification, pk=pk, user=request.user)
    if note.read is None:
        Notification.objects.filter(pk=note.pk).update(read=timezone.now())
    if note.link and url_has_allowed_host_and_scheme(
        note.link, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(note.link)
    return redirect("notifications")
