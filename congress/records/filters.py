"""Filters every record list shares: the year and a text search."""

import re
from contextvars import ContextVar
from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q

from congress.records.years import FIRST, LAST

# A year parameter holds a whole year the application understands: "²", -1, 0 or 10^20 make
# the list's form invalid (an empty list with the reason), never a query that fails.
YEAR_BOUNDS = {"min_value": FIRST, "max_value": LAST, "step_size": 1}
_ID = re.compile(r"[0-9]{1,18}")


def is_id(text: str) -> bool:
    """A record id as a link carries it: ASCII digits ("²" passes str.isdigit())."""
    return bool(_ID.fullmatch(text))


class _IdsOnly:
    """A record chosen by id from a link: anything but an id the database can hold ("²",
    10^20) is an invalid choice, not a query that fails."""

    def clean(self, value):
        from django.core.exceptions import ValidationError

        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            if v not in (None, "") and not is_id(str(v)):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": v},
                )
        return super().clean(value)


_SAFE: dict[type, type] = {}


def _ids_only(field_class: type) -> type:
    if field_class not in _SAFE:
        _SAFE[field_class] = type(f"Ids{field_class.__name__}", (_IdsOnly, field_class), {})
    return _SAFE[field_class]


# The parameters a figure applies through a shared, unbound FilterSet (congress.figures), for
# filter methods that read another parameter; per context, so threads never see each other's.
FIGURE_PARAMS: ContextVar[dict | None] = ContextVar("figure_params", default=None)


class RecordFilter(django_filters.FilterSet):
    """Year (by the record's own date) and a free-text search over ``search_fields``."""

    year = django_filters.NumberFilter(label="年度", method="filter_year", **YEAR_BOUNDS)
    month = django_filters.NumberFilter(
        label="月份", method="filter_month", min_value=1, max_value=12, step_size=1
    )
    # 上年同期: records dated up to this day (a running year compared with last year's same days).
    until = django_filters.DateFilter(label="截至", method="filter_until")
    q = django_filters.CharFilter(label="搜索", method="filter_text")

    date_field = "date"
    search_fields: tuple[str, ...] = ()
    # A list of the year's work opens on the current year; a roster (deputies, members,
    # stations, units) opens whole, its year filter being only for figures' drill-downs.
    yearly = True

    def __init__(self, *args, **kwargs):
        from django import forms

        super().__init__(*args, **kwargs)
        # The year and month filters stand on the list's date: a kind without one (units, a
        # project's year) has no month, and no year unless it says how to filter by year.
        if not self._has_date():
            self.filters.pop("month", None)
            if type(self).filter_year is RecordFilter.filter_year:
                self.filters.pop("year", None)
            if type(self).filter_until is RecordFilter.filter_until:
                self.filters.pop("until", None)
        # A filter by related record (a meeting, a deputy, a unit) arrives from a link, never
        # from a drop-down: at a province's volume such a list would hold tens of thousands.
        for f in self.filters.values():
            if isinstance(f, django_filters.BooleanFilter):
                # 全部 · 是 · 否: never django-filter's 未知 for "no matter".
                f.extra["widget"] = forms.Select(
                    choices=[("", "全部"), ("true", "是"), ("false", "否")]
                )
            if issubclass(f.field_class, forms.ModelMultipleChoiceField):
                f.extra["widget"] = forms.MultipleHiddenInput
                f.field_class = _ids_only(f.field_class)
            elif issubclass(f.field_class, forms.ModelChoiceField):
                f.extra["widget"] = forms.HiddenInput
                f.field_class = _ids_only(f.field_class)

    @property
    def form(self):
        form = super().form
        if not getattr(form, "_quick", False):
            from congress.records.quickwidgets import quicken

            quicken(form)._quick = True
        return form

    def _has_date(self) -> bool:
        from django.core.exceptions import FieldDoesNotExist
        from django.db import models

        model = self._meta.model or getattr(self.queryset, "model", None)
        try:
            field = model._meta.get_field(self.date_field)
        except (FieldDoesNotExist, AttributeError):
            return False
        return isinstance(field, models.DateField)

    def filter_year(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__year": int(value)})

    def param(self, name: str):
        """Another parameter's cleaned value, from the list's form or the figure's parameters."""
        form = self.form
        if form.is_bound and hasattr(form, "cleaned_data"):
            return form.cleaned_data.get(name)
        raw = (FIGURE_PARAMS.get() or {}).get(name)
        return None if raw in (None, "") else form.fields[name].clean(str(raw))

    def filter_until(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__lte": value})

    def filter_month(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__month": int(value)})

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value or not self.search_fields:
            return queryset
        queryset = queryset.filter(
            reduce(or_, (Q(**{f"{f}__icontains": value}) for f in self.search_fields))
        )
        # A search across a relation (a meeting's agenda) would repeat the record per match.
        if any("__" in f for f in self.search_fields):
            queryset = queryset.distinct()
        return queryset


def date_input():
    """The typed date widget (congress.records.widgets), for forms that name their widgets."""
    from congress.records.widgets import TypedDateInput

    return TypedDateInput()
