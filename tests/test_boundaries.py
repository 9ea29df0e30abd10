"""Every window and bound at its edge, on both sides: a rule moved by one (七日内 as six days, no
reminder on the due day, 数值过大 a thousand times later, a date of 1899 accepted) fails here."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from congress.accounts.models import Unit
from congress.ledger import cells
from congress.records.widgets import sane_date
from congress.records.years import parse_year
from congress.work.dates import add_months
from proposals.models import Suggestion
from proposals.reminders import suggestions_due, suggestions_overdue
from tests import factories as f

D = datetime.date
TODAY = D(2025, 6, 2)
S = Suggestion.State


@pytest.fixture
def handling(db):
    unit = Unit.objects.create(name="区交通运输局")
    lead = f.deputy()

    def make(days: int) -> Suggestion:
        return f.suggestion(
            f"第{days + 100}号",
            lead,
            state=S.HANDLING,
            lead_unit=unit,
            assigned=D(2025, 3, 1),
            deadline=TODAY + datetime.timedelta(days=days),
        )

    return unit, make


def test_due_within_seven_days_includes_today_and_the_seventh_not_the_eighth(handling):
    unit, make = handling
    inside = {make(0), make(7)}
    outside = {make(8), make(-1)}
    due = set(Suggestion.objects.waiting_for(unit, "due", TODAY))
    assert inside <= due and not outside & due
    assert set(Suggestion.objects.waiting_for(unit, "overdue", TODAY)) == {
        s for s in outside if s.deadline < TODAY
    }


def test_a_reminder_comes_on_the_due_day_and_the_days_ahead_not_before(handling, settings):
    _unit, make = handling
    ahead = settings.CONGRESS["REMIND_DAYS_AHEAD"]
    reminded = {make(0), make(ahead)}
    early = make(ahead + 1)
    keys = {r.key.split(":")[1] for r in suggestions_due(TODAY)}
    assert {str(s.pk) for s in reminded} <= keys and str(early.pk) not in keys


def test_overdue_starts_the_day_after_the_deadline(handling):
    _unit, make = handling
    today, yesterday = make(0), make(-1)
    keys = {r.key.split(":")[1] for r in suggestions_overdue(TODAY)}
    assert str(yesterday.pk) in keys and str(today.pk) not in keys


@pytest.mark.parametrize(
    "value, ok", [("2000000000", True), ("2000000001", False), ("0", True), ("-1", False)]
)
def test_a_whole_number_cell_at_its_bounds(value, ok):
    if ok:
        assert cells.whole(value) == int(value)
    else:
        with pytest.raises(cells.CellError):
            cells.whole(value)


@pytest.mark.parametrize(
    "day, ok",
    [
        (D(1900, 1, 1), True),
        (D(1899, 12, 31), False),
        (D(2100, 12, 31), True),
        (D(2101, 1, 1), False),
    ],
)
def test_dates_between_1900_and_2100_in_forms_and_ledger(day, ok):
    if ok:
        sane_date(day)
        assert cells.date(day.isoformat()) == day
    else:
        with pytest.raises(ValidationError):
            sane_date(day)
        with pytest.raises(cells.CellError):
            cells.date(day.isoformat())


@pytest.mark.parametrize(
    "raw, year", [("1949", 1949), ("1948", None), ("2100", 2100), ("2101", None), ("²025", None)]
)
def test_the_years_the_application_understands(raw, year):
    assert parse_year(raw) == year


@pytest.mark.parametrize(
    "start, months, end",
    [
        (D(2025, 1, 20), 3, D(2025, 4, 20)),  # a reply's three months, to the day
        (D(2024, 11, 30), 3, D(2025, 2, 28)),  # clamped to the month's end
        (D(2023, 11, 30), 3, D(2024, 2, 29)),  # a leap year
        (D(2025, 10, 31), 3, D(2026, 1, 31)),  # across the year
        (D(2025, 1, 31), 1, D(2025, 2, 28)),  # the second handling's month
    ],
)
def test_months_are_counted_to_the_same_day(start, months, end):
    assert add_months(start, months) == end


@pytest.mark.parametrize(
    "value, expected",
    [("0", 0), ("100", 100), ("85%", 85), (0.85, 85), ("100.5", None), ("-0.5", None)],
)
def test_a_percentage_cell_at_its_bounds(value, expected):
    if expected is None:
        with pytest.raises(cells.CellError):
            cells.percent(value)
    else:
        assert cells.percent(value) == expected


def test_a_page_for_a_year_outside_is_a_404_inside_it_answers():
    from django.http import Http404

    from congress.records.years import year_or_404

    assert year_or_404(1949) == 1949 and year_or_404(2100) == 2100
    for year in (1948, 2101):
        with pytest.raises(Http404):
            year_or_404(year)


def test_working_days_without_a_calendar_skip_the_weekend_only():
    from congress.work.dates import add_working_days

    friday = D(2025, 6, 6)
    assert add_working_days(friday, 0) == friday
    assert add_working_days(friday, 1) == D(2025, 6, 9)  # Monday
    assert add_working_days(D(2025, 6, 2), 5) == D(2025, 6, 9)  # a whole week


def test_a_date_field_shows_its_own_format():
    from congress.records.widgets import TypedDateInput

    assert TypedDateInput().format_value(D(2025, 3, 8)) == "2025-03-08"
    assert TypedDateInput(format="%Y/%m/%d").format_value(D(2025, 3, 8)) == "2025/03/08"


def test_an_overdue_reminder_names_the_lead_unit(handling):
    unit, make = handling
    late = make(-1)
    bodies = [r.body for r in suggestions_overdue(TODAY) if f":{late.pk}:" in r.key]
    assert bodies and all(unit.name in b for b in bodies)


def test_the_calendar_library_covers_its_first_and_last_year_and_no_more(db):
    from congress.work.workdays import covered, library_years

    first, last = library_years()
    assert covered(first) == "日历库" and covered(last) == "日历库"
    assert covered(last + 1) is None


def test_an_entered_notice_leaves_other_days_to_the_week(db):
    from congress.work.models import HolidayNotice
    from congress.work.workdays import is_working_day

    HolidayNotice.objects.create(year=2099, text="2099-01-01 放假 元旦")
    assert is_working_day(D(2099, 1, 1)) is False  # the notice's holiday
    assert is_working_day(D(2099, 1, 2)) is True  # a Friday
    assert is_working_day(D(2099, 1, 3)) is False  # a Saturday


def test_a_notice_reads_blank_lines_and_comments_and_spans_of_half_a_month():
    from congress.work.notices import parse_notice

    text = "# 2099年节假日安排\n\n2099-10-01 至 2099-10-16 放假 国庆\n"
    assert len([d for d, working in parse_notice(2099, text).items() if not working]) == 16
    with pytest.raises(ValueError, match="不超过半个月"):
        parse_notice(2099, "2099-10-01 至 2099-10-17 放假 国庆")


@pytest.mark.django_db
def test_the_month_filter_takes_one_to_twelve_and_refuses_thirteen(clerk_client):
    from meetings.models import Meeting

    Meeting.objects.create(kind="常委会会议", term=18, seq=1, date=D(2025, 12, 5))
    Meeting.objects.create(kind="常委会会议", term=18, seq=2, date=D(2025, 1, 5))
    for month, count in ((12, 1), (1, 1)):
        html = clerk_client.get("/meetings/", {"year": 2025, "month": month}).content.decode()
        assert f"data-count>{count}<" in html
    refused = clerk_client.get("/meetings/", {"year": 2025, "month": 13}).content.decode()
    assert "data-count>0<" in refused and 'class="errors"' in refused
