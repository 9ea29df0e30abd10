import django_filters
from django.db.models import Q

from congress.accounts.models import Unit
from congress.records.filters import RecordFilter, is_id

from .models import Suggestion


class SuggestionFilter(RecordFilter):
    search_fields = ("number", "title", "text", "lead__name", "topic")
    unit = django_filters.CharFilter(label="承办单位", method="filter_unit")
    overdue = django_filters.BooleanFilter(label="逾期未答复", method="filter_overdue")
    unrated = django_filters.BooleanFilter(label="答复后久未评价", method="filter_unrated")
    group = django_filters.ChoiceFilter(
        label="统计口径",
        method="filter_group",
        choices=[
            ("suggestions", "代表建议和闭会期间建议"),
            ("handled", "计入办结率（不含不予立案、撤回）"),
            ("with_opinion", "已有代表意见"),
            ("satisfied", "满意或基本满意"),
        ],
    )
    deadline_before = django_filters.DateFilter(
        label="答复期限早于", field_name="deadline", lookup_expr="lt"
    )
    deadline_after = django_filters.DateFilter(
        label="答复期限不早于", field_name="deadline", lookup_expr="gte"
    )

    class Meta:
        model = Suggestion
        fields = ["kind", "state", "key", "litigation", "result", "opinion", "lead", "lead_unit"]

    def filter_unrated(self, queryset, name, value):
        from django.utils import timezone

        return queryset.unrated(timezone.localdate()) if value else queryset

    def filter_unit(self, queryset, name, value):
        """主办 or 协办, by the unit's id (from a link) or part of its name (typed)."""
        value = value.strip()
        if is_id(value):
            return queryset.filter(Q(lead_unit=value) | Q(assist_units=value)).distinct()
        units = Unit.objects.filter(name__icontains=value).values("pk")
        return queryset.filter(Q(lead_unit__in=units) | Q(assist_units__in=units)).distinct()

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset

    def filter_group(self, queryset, name, value):
        if value == "suggestions":
            return queryset.suggestions()
        if value == "handled":
            return queryset.handled()
        if value == "with_opinion":
            return queryset.suggestions().exclude(opinion="")
        if value == "satisfied":
            return queryset.suggestions().filter(
                opinion__in=(Suggestion.Opinion.SATISFIED, Suggestion.Opinion.FAIRLY)
            )
        return queryset
