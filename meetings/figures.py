"""会议与任免 figures of the year."""

from congress.figures import Figure, register

from .models import Meeting
from .views import appointments, decisions, meetings

register(
    Figure(
        "standing_meetings",
        "常委会会议",
        "次",
        "会议 rows of type 常委会会议",
        kind=meetings,
        params=lambda y: {"year": y, "kind": Meeting.Kind.STANDING},
        section="meetings",
    ),
    Figure(
        "chairman_meetings",
        "主任会议",
        "次",
        "会议 rows of type 主任会议",
        kind=meetings,
        params=lambda y: {"year": y, "kind": Meeting.Kind.CHAIRMAN},
        section="meetings",
    ),
    Figure("decisions", "决议决定", "项", "决议决定 rows", kind=decisions, section="meetings"),
    Figure(
        "appointments",
        "任免国家机关工作人员",
        "人次",
        "人事任免 rows",
        kind=appointments,
        section="meetings",
    ),
)
