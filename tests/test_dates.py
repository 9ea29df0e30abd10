"""Dates typed as people type them, in every date field."""

import datetime

import pytest
from django import forms

from congress.records.widgets import TypedDateInput
from meetings.forms import MeetingForm


class AnyDate(forms.Form):
    day = forms.DateField()


@pytest.mark.parametrize(
    "typed",
    [
        "2026-11-25",
        "2026/11/25",
        "2026.11.25",
        "20261125",
        "2026年11月25日",
        " 2026-11-25 ",
        "2026年11月25日",
    ],
)
def test_each_way_of_typing_a_date(typed):
    form = AnyDate({"day": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == datetime.date(2026, 11, 25)


@pytest.mark.parametrize("typed", ["2026/3/8", "2026年3月8日", "2026-3-8"])
def test_single_digit_months_and_days(typed):
    form = AnyDate({"day": typed})
    assert form.is_valid() and form.cleaned_data["day"] == datetime.date(2026, 3, 8)


@pytest.mark.parametrize("typed", ["2026-13-01", "20261325", "明天", "2026年2月30日"])
def test_a_wrong_date_is_a_chinese_error(typed):
    form = AnyDate({"day": typed})
    assert not form.is_valid() and "有效的日期" in form.errors["day"][0]


def test_every_date_field_is_typed_text_with_a_picker(db):
    for form in (AnyDate(), MeetingForm()):
        for field in form.fields.values():
            if isinstance(field, forms.DateField):
                assert isinstance(field.widget, TypedDateInput)
                html = field.widget.render("d", None)
                assert 'type="text"' in html and "data-date" in html
