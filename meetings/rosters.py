"""任免名册: a year's appointments and removals, as the roster prints them."""

from __future__ import annotations

from congress.accounts.models import Profile

from .models import Appointment

HEADERS = [
    "姓名",
    "任免类型",
    "单位及职务",
    "日期",
    "会议",
    "提请人",
    "表决结果（赞成/反对/弃权）",
    "文号",
    "宪法宣誓",
]


def appointments_roster(year: int) -> tuple[str, list[str], list[list], str]:
    """(title, headers, rows, note) of the year's roster, by date then name."""
    rows = (
        Appointment.objects.in_year(year)
        .select_related("meeting")
        .prefetch_related("votes")
        .order_by("date", "person")
    )
    return (
        f"{Profile.get().name}{year}年人事任免名册",
        HEADERS,
        [
            [
                a.person,
                a.kind,
                f"{a.organisation}{a.post}",
                a.date,
                a.meeting.short_name if a.meeting else "",
                a.proposer,
                a.vote_brief,
                a.doc_number,
                a.oath_date or ("待宣誓" if a.kind in Appointment.OATH_KINDS else "—"),
            ]
            for a in rows
        ],
        "",
    )
