"""代表名册: the deputies of the current 届 in office, as the roster prints them."""

from __future__ import annotations

from django.utils import timezone

from congress.accounts.models import Profile
from congress.documents.text import cn_date, cn_number

from .models import Deputy

HEADERS = [
    "姓名",
    "性别",
    "民族",
    "出生日期",
    "政治面貌",
    "工作单位及职务",
    "选区",
    "代表团",
    "联络站",
]


def deputies_roster(order: str = "station__town") -> tuple[str, list[str], list[list], str]:
    """(title, headers, rows, note) of the roster, ordered by ``order`` then name."""
    profile = Profile.get()
    people = list(
        Deputy.objects.filter(term=profile.term, level=Deputy.Level.COUNTY)
        .exclude(status=Deputy.Status.ENDED)
        .select_related("station")
        .order_by(order, "name")
    )
    rows = [
        [
            d.name,
            d.sex,
            d.ethnicity,
            d.birth,
            d.party,
            f"{d.workplace}{d.post}",
            d.district,
            d.delegation,
            d.station.name if d.station else "",
        ]
        for d in people
    ]
    title = f"{profile.name}第{cn_number(profile.term)}届{profile.level}人大代表名册"
    return title, HEADERS, rows, f"共{len(people)}名 · 截至{cn_date(timezone.localdate())}"
