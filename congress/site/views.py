from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from congress.accounts.forms import ProfileForm
from congress.accounts.models import Profile, unit_of
from congress.accounts.roles import is_unit_user, leader_may_post, perm_required, staff_required


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for the load balancer: the database and, when configured, the broker."""
    from django.conf import settings

    checks: dict[str, str] = {}
    ok = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        checks["database"] = f"error: {exc.__class__.__name__}"
        ok = False
    if settings.REDIS_URL:
        try:
            import redis

            redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping()
            checks["broker"] = "ok"
        except Exception as exc:  # noqa: BLE001
            checks["broker"] = f"error: {exc.__class__.__name__}"
            ok = False
    return JsonResponse({"status": "ok" if ok else "error", **checks}, status=200 if ok else 503)


@require_http_methods(["GET", "HEAD"])
def home(request: HttpRequest) -> HttpResponse:
    """工作台: what is waiting for me today, by role, each count linked to its list."""
    from django.utils import timezone

    from congress.accounts import roles
    from congress.accounts.roles import LEADER, portal_of, role_label
    from congress.site.declarations import DEPUTY, MEMBER, STAFF, UNIT, sections
    from congress.work import todo

    today = timezone.localdate()
    if is_unit_user(request.user):
        unit = unit_of(request.user)
        return render(
            request,
            "congress/home_unit.html",
            {
                "todos": todo.counted(todo.UNIT, request.user, today),
                "unit": unit,
                "today": today,
                "sections": sections(UNIT, request.user),
            },
        )
    portal = {roles.MEMBER: MEMBER, roles.DEPUTY: DEPUTY}.get(portal_of(request.user))
    if portal:
        # A member's or a deputy's home is their own portal, declared by the apps that keep it.
        return render(
            request,
            "congress/home_member.html",
            {
                "sections": sections(portal, request.user),
                "today": today,
                "todos": todo.counted(todo.DEPUTY, request.user, today) if portal == DEPUTY else [],
            },
        )
    if not role_label(request.user):
        raise PermissionDenied  # an account without a role (role_label reads the cached roles)
    if role_label(request.user) == LEADER:
        return render(request, "congress/home_leader.html", _leader_home(request.user, today))
    return render(
        request,
        "congress/home.html",
        {
            "todos": todo.counted(todo.STAFF, request.user, today),
            "sections": sections(STAFF, request.user),
            "today": today,
        },
    )


def _leader_home(user, today) -> dict:
    """Overdue items by unit, and the year's figures against the same days of last year."""
    import datetime

    from congress.figures import panels
    from congress.figures.dashboard import tiles
    from congress.figures.figureset import same_day_last_year
    from congress.work import todo

    same_day = same_day_last_year(today)
    return {
        "todos": todo.counted(todo.LEADER, user, today),
        "panels": panels.rendered(panels.LEADER_HOME, today.year, today),
        "tiles": tiles(today.year, previous_until=same_day),
        "year": today.year,
        "same_day": same_day,
        "today": today,
        "week": datetime.date.isocalendar(today)[1],
    }


@leader_may_post
def logout(request: HttpRequest) -> HttpResponse:
    # The login page after it tells the browser to drop every form draft kept there.
    return auth_views.LogoutView.as_view(next_page=reverse("login") + "?logged_out=1")(request)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
@perm_required("congress.view_profile")
def profile(request: HttpRequest) -> HttpResponse:
    """The installation's profile: administrators edit it, everyone on staff reads it."""
    from congress.documents.fonts import report_fonts

    obj = Profile.get()
    can_change = request.user.has_perm("congress.change_profile")
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        form = ProfileForm(request.POST, instance=obj)
        if form.is_valid():
            form.save()
            messages.success(request, "机构设置已保存。")
            return redirect("profile")
    else:
        form = ProfileForm(instance=obj)
    return render(
        request,
        "congress/profile.html",
        {"form": form, "can_change": can_change, "fonts": report_fonts()},
        status=400 if request.method == "POST" else 200,
    )
