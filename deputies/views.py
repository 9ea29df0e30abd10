from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

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
