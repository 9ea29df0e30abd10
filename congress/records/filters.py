"""Filters every record list shares: the year and a text search."""

from contextvars import ContextVar
from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q

# The parameters a figure applies through a shared, unbound FilterSet (congress.figures), for
# filter methods that read another parameter; per context, so threads never see each other's.
FIGURE_PARAMS: ContextVar[dict | None] = ContextVar("figure_params", default=None)


class RecordFilter(django_filters.FilterSet):
    """Year (by the record's own date) and a free-text search over ``search_fields``."""

    year = django_filters.NumberFilter(label="年度", method="filter_year")
    month = django_filters.NumberFilter(label="月份", method="filter_month")
    # 上年同期: records dated up to this day (a running year compared with last year's same days).
    until = django_filters.DateFilter(label="截至", method="filter_until")
    q = django_filters.CharFilter(label="搜索", method="filter_text")

    date_field = "date"
    search_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        from django import forms

        super().__init__(*args, **kwargs)
        # A filter by related record (a meeting, a deputy, a unit) arrives from a link, never
        # from a drop-down: at a province's volume such a list would hold tens of thousands.
        for f in self.filters.values():
            if issubclass(f.field_class, forms.ModelMultipleChoiceField):
                f.extra["widget"] = forms.MultipleHiddenInput
            elif issubclass(f.field_class, forms.ModelChoiceField):
                f.extra["widget"] = forms.HiddenInput

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
