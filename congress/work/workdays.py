"""Working days on the official calendar: public holidays and the make-up working days (调休)
that the State Council's General Office (国务院办公厅) announces each year.

Years the chinese-calendar library knows come from it; for a later year an administrator enters
that year's notice (``HolidayNotice``). A year with neither is never computed on weekends alone
without saying so: ``add_working_days`` raises ``CalendarMissing`` and ``deadline`` marks its
answer as an estimate.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from congress.work import safecache
from congress.work.notices import parse_notice


class CalendarMissing(LookupError):
    """No holiday data for this year: neither the library nor an administrator's entry."""

    def __init__(self, year: int):
        super().__init__(f"{year}年的节假日安排尚未录入")
        self.year = year


def _entered(year: int) -> dict[datetime.date, bool] | None:
    """An administrator's entry for the year, cached until it changes."""
    from congress.work.models import HolidayNotice

    key = f"congress:holidays:{year}"
    found = safecache.get_local(key)
    if found is None:
        notice = HolidayNotice.objects.filter(year=year).first()
        found = {"days": parse_notice(year, notice.text) if notice else None}
        safecache.set(key, found, 3600)
    return found["days"]


def forget(year: int) -> None:
    safecache.delete(f"congress:holidays:{year}")


def library_years() -> tuple[int, int]:
    import chinese_calendar

    years = [d.year for d in chinese_calendar.holidays]
    return min(years), max(years)


def covered(year: int) -> str | None:
    """Where the year's calendar comes from: "管理员录入", "日历库", or None."""
    if _entered(year) is not None:
        return "管理员录入"
    first, last = library_years()
    return "日历库" if first <= year <= last else None


def is_working_day(day: datetime.date) -> bool:
    entered = _entered(day.year)
    if entered is not None:
        if day in entered:
            return entered[day]
        return day.weekday() < 5
    import chinese_calendar

    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError as exc:
        raise CalendarMissing(day.year) from exc


def add_working_days(day: datetime.date, n: int) -> datetime.date:
    """n working days after day on the official calendar (CalendarMissing without data)."""
    while n > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            n -= 1
    return day


@dataclass(frozen=True)
class Deadline:
    day: datetime.date
    estimated: bool  # no holiday data for a year it crosses: weekends only, to be checked

    def __str__(self) -> str:
        return self.day.isoformat()


def deadline(day: datetime.date, n: int) -> Deadline:
    """The deadline n working days after day; an estimate on weekends alone, marked as such,
    when a year it reaches has no calendar data yet."""
    try:
        return Deadline(add_working_days(day, n), False)
    except CalendarMissing:
        from congress.work.dates import add_working_days as weekdays_only

        return Deadline(weekdays_only(day, n), True)


def working_days_before(day: datetime.date, n: int) -> datetime.date:
    """The working day n working days before day (weekdays alone where the calendar has no
    data): a meeting's notice and materials are due so many working days ahead of it."""
    while n > 0:
        day -= datetime.timedelta(days=1)
        try:
            working = is_working_day(day)
        except CalendarMissing:
            working = day.weekday() < 5
        if working:
            n -= 1
    return day
