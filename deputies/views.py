from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from congress.accounts.models import Profile
from congress.accounts.roles import perm_required, staff_required
from congress.documents.rosters import FORMATS, roster_response

from .models import Deputy
from .rosters import deputies_roster


def composition(term: int, level: str = Deputy.Level.COUNTY) -> dict:
    """代表构成: the current 届's deputies in office, in one aggregate query."""
    qs = Deputy.objects.filter(term=term, level=level).exclude(status=Deputy.Status.ENDED)
    return qs.aggregate(
        total=Count("pk"),
        women=Count("pk", filter=Q(sex=Deputy.Sex.FEMALE)),
        minorities=Count("pk", filter=~Q(ethnicity__in=("", "汉族", "汉"))),
        non_cpc=Count("pk", filter=~Q(party=Deputy.Party.CPC)),
        grassroots=Count("pk", filter=Q(category__in=Deputy.GRASSROOTS)),
    )


@require_http_methods(["GET", "HEAD"])
@staff_required
@perm_required("deputies.view_deputy")
def roster(request: HttpRequest) -> HttpResponse:
    """代表名册: the current 届's deputies grouped by town, delegation and station."""
    profile = Profile.get()
    group = request.GET.get("by", "town")
    field = {"town": "station__town", "delegation": "delegation", "station": "station__name"}.get(
        group, "station__town"
    )
    in_office = Deputy.objects.filter(term=profile.term, level=Deputy.Level.COUNTY).exclude(
        status=Deputy.Status.ENDED
    )
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        return roster_response(fmt, *deputies_roster(field))
    groups = (
        in_office.values(field)
        .annotate(n=Count("pk"), women=Count("pk", filter=Q(sex=Deputy.Sex.FEMALE)))
        .order_by(field)
    )
    return render(
        request,
        "deputies/roster.html",
        {
            "profile": profile,
            "by": group,
            "field": field,
            "groups": [(g[field] or "（未填）", g["n"], g["women"]) for g in groups],
            "figures": composition(profile.term),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def deputy_accounts(request: HttpRequest) -> HttpResponse:
    """代表账号: an administrator creates accounts for the chosen deputies in office (or all of a
    level) and prints one sheet a deputy: name, login name and the one-time set-password link
    (deputies rarely have an e-mail address on file)."""
    from congress.accounts.views import admin_required

    return admin_required(_deputy_accounts)(request)


def _deputy_accounts(request: HttpRequest) -> HttpResponse:
    from django.contrib import messages
    from django.db import transaction
    from django.utils.safestring import mark_safe

    from congress.accounts.roles import DEPUTY
    from congress.accounts.services import portal_account, qr_svg
    from congress.accounts.views import password_link

    profile = Profile.get()
    level = request.GET.get("level") or request.POST.get("level") or Deputy.Level.COUNTY
    in_office = (
        Deputy.objects.filter(term=profile.term, level=level)
        .exclude(status=Deputy.Status.ENDED)
        .select_related("user", "station")
        .order_by("name", "pk")
    )
    made = []
    if request.method == "POST":
        chosen = set(request.POST.getlist("deputies"))
        with transaction.atomic():
            for d in in_office.filter(user__isnull=True):
                if chosen and str(d.pk) not in chosen:
                    continue
                d.user = portal_account(
                    d.name, DEPUTY, *([d.phone] if d.phone else []), f"{d.name}-{d.pk}"
                )
                d.save(update_fields=["user", "version"])
                link = password_link(request, d.user)
                made.append((d, link, mark_safe(qr_svg(link))))
        messages.success(request, f"已为{len(made)}名代表建立账号。")
    return render(
        request,
        "deputies/deputy_accounts.html",
        {"rows": in_office, "made": made, "level": level, "levels": Deputy.Level.choices},
    )


@require_http_methods(["GET", "HEAD"])
@staff_required
@perm_required("deputies.view_deputy")
def lookup(request: HttpRequest) -> HttpResponse:
    """The deputies in office whose name contains, or whose pinyin initials start with, what is
    typed (at most ten), for the deputy fields' suggestions."""
    from django.http import JsonResponse

    from .fields import label, matching

    found = matching(request.GET.get("q", ""), Deputy.objects.exclude(status=Deputy.Status.ENDED))
    return JsonResponse({"results": [{"id": d.pk, "label": label(d)} for d in found]})


@require_POST
@staff_required
@perm_required("deputies.change_activity")
def activity_enrolled(request: HttpRequest, pk: int) -> HttpResponse:
    """The deputies who signed up become the activity's 参加代表 (those already there stay)."""
    from django.contrib import messages
    from django.db import transaction
    from django.shortcuts import get_object_or_404, redirect

    from .models import Activity

    with transaction.atomic():
        activity = get_object_or_404(Activity.objects.select_for_update(), pk=pk)
        joined = Deputy.objects.filter(
            enrolments__activity=activity, enrolments__answer="报名"
        ).exclude(activities=activity)
        count = joined.count()
        activity.deputies.add(*joined)
        # A history row that says what happened (the participants are not a column).
        activity._change_reason = f"计入报名代表 {count} 人"
        activity.save()
    messages.success(request, f"已把 {count} 位报名的代表计入参加代表。")
    return redirect("activities_detail", pk=activity.pk)
