"""会议与任免 figures of the year."""

from django.db.models import Count
from django.db.models.functions import ExtractMonth

from congress.figures import Figure, register

from .models import Meeting
from .views import appointments, decisions, meetings

register(
    Figure(
        "standing_meetings",
        "常委会会议",
        "次",
        "当年召开的常委会会议",
        kind=meetings,
        params=lambda y: {"year": y, "kind": Meeting.Kind.STANDING},
        section="politics",
        name="常委会会议",
    ),
    Figure(
        "chairman_meetings",
        "主任会议",
        "次",
        "当年召开的主任会议",
        kind=meetings,
        params=lambda y: {"year": y, "kind": Meeting.Kind.CHAIRMAN},
        section="politics",
        name="主任会议",
    ),
    Figure(
        "decisions",
        "决议决定",
        "项",
        "当年通过的决议决定",
        kind=decisions,
        section="politics",
        name="决议决定",
    ),
    Figure(
        "appointments",
        "任免国家机关工作人员",
        "人次",
        "当年的人事任免人次",
        kind=appointments,
        section="politics",
        name="任免",
    ),
)


def meetings_by_month(year: int) -> dict[str, list[int]]:
    """常委会会议 and 主任会议 per month of the year, in one query."""
    series = {Meeting.Kind.STANDING.value: [0] * 12, Meeting.Kind.CHAIRMAN.value: [0] * 12}
    rows = (
        Meeting.objects.in_year(year)
        .filter(kind__in=series)
        .annotate(m=ExtractMonth("date"))
        .values("kind", "m")
        .annotate(n=Count("pk"))
    )
    for r in rows:
        series[r["kind"]][r["m"] - 1] = r["n"]
    return series
