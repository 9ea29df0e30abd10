"""A year's holiday notice (节假日安排) as the State Council publishes it, one line a holiday or
a make-up working day, read into the days it sets."""

from __future__ import annotations

import datetime
import re

LINE = re.compile(
    r"^(\d{4}-\d{1,2}-\d{1,2})(?:\s*(?:至|到|~|-{2}|—)\s*(\d{4}-\d{1,2}-\d{1,2}))?\s+(放假|休|上班|班)\s*(.*)$"
)


def parse_notice(year: int, text: str) -> dict[datetime.date, bool]:
    """A year's notice as {day: is a working day}; ValueError names the line at fault.

    One line a holiday or a make-up day: ``2027-01-01 至 2027-01-03 放假 元旦`` or
    ``2027-02-07 上班 春节调休``.
    """
    days: dict[datetime.date, bool] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = LINE.match(line)
        if not m:
            raise ValueError(
                f"第{n}行看不懂：“{line[:40]}”。应写作 2027-01-01 至 2027-01-03 放假 元旦"
            )
        try:
            start = datetime.date.fromisoformat(_iso(m.group(1)))
            end = datetime.date.fromisoformat(_iso(m.group(2))) if m.group(2) else start
        except ValueError as exc:
            raise ValueError(f"第{n}行的日期无效：“{line[:40]}”") from exc
        if start.year != year or end.year != year or end < start or (end - start).days > 15:
            raise ValueError(f"第{n}行的日期应在{year}年内，且起止不超过半个月")
        working = m.group(3) in ("上班", "班")
        day = start
        while day <= end:
            days[day] = working
            day += datetime.timedelta(days=1)
    if not any(not w for w in days.values()):
        raise ValueError("通知中至少应有一段放假安排")
    return days


def _iso(text: str) -> str:
    y, m, d = text.split("-")
    return f"{y}-{int(m):02d}-{int(d):02d}"
