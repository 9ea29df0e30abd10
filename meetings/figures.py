"""会议与任免 figures of the year."""

from django.db.models import Count
from django.db.models.functions import ExtractMonth

from congress.figures.builtin import Figure, register
from congress.figures.charts import Bar, Chart, column_chart
from congress.figures.charts import register as register_charts
from congress.figures.panels import ROWS, Panel
from congress.figures.panels import register as register_panels

from .kinds import appointments, attendance, decisions, meetings, votes
from .models import Appointment, Meeting

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
        tile=10,
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
        tile=20,
    ),
    Figure(
        "decisions",
        "决议决定",
        "项",
        "当年通过的决议决定",
        kind=decisions,
        section="politics",
        name="决议决定",
        tile=60,
    ),
    Figure(
        "appointments",
        "任免国家机关工作人员",
        "人次",
        "当年的人事任免人次",
        kind=appointments,
        section="politics",
        name="任免",
        tile=70,
    ),
    # Format 3: the members' attendance at the year's 常委会会议, and the items voted.
    Figure(
        "attendance_rows",
        "常委会会议应出席人次",
        "人次",
        "当年常委会会议的会议出席记录（出席、请假、缺席）",
        kind=attendance,
        params=lambda y: {"year": y, "meeting_kind": Meeting.Kind.STANDING},
        section="politics",
    ),
    Figure(
        "attendance_present",
        "常委会会议出席人次",
        "人次",
        "当年常委会会议中出席情况为“出席”的记录",
        kind=attendance,
        params=lambda y: {"year": y, "meeting_kind": Meeting.Kind.STANDING, "status": "出席"},
        section="politics",
    ),
    Figure(
        "attendance_rate",
        "组成人员出席率",
        "",
        "出席 ÷ 当年常委会会议的会议出席记录",
        numerator="attendance_present",
        denominator="attendance_rows",
        section="politics",
        name="出席率",
        tile=75,
    ),
    Figure(
        "votes",
        "表决事项",
        "项",
        "当年会议的表决记录",
        kind=votes,
        section="politics",
        name="表决事项",
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


def _by_month(kind: str, caption: str):
    def draw(year: int):
        series = meetings_by_month(year)[kind]
        return column_chart(
            [
                Bar(f"{m + 1}月", n, meetings.list_url(year=year, kind=kind, month=m + 1))
                for m, n in enumerate(series)
            ],
            caption,
        )

    return draw


register_charts(
    Chart(
        "常委会会议按月", "常委会会议（按月）", _by_month("常委会会议", "常委会会议（按月）"), 10
    ),
    Chart("主任会议按月", "主任会议（按月）", _by_month("主任会议", "主任会议（按月）"), 20),
)


def _oath_panel(year: int, today) -> dict:
    items = Appointment.objects.awaiting_oath().order_by("date")
    return {"items": items[:ROWS], "count": items.count()}


register_panels(Panel("oath-awaiting", "meetings/_attention_oath.html", _oath_panel, order=30))
