"""Date arithmetic for deadlines."""

import calendar
import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day n months later, clamped to the month's end (Nov 30 + 3 → Feb 28)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_working_days(day: datetime.date, n: int) -> datetime.date:
    """n working days after day, skipping Saturdays and Sundays."""
    while n > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day
