import django_filters

from congress.records.filters import RecordFilter

from .models import LivelihoodProject, OtherWork, OversightItem, ProjectVisit, ReviewOpinion


class OversightFilter(RecordFilter):
    search_fields = ("name", "department", "law")
    opinion = django_filters.ChoiceFilter(
        label="审议意见",
        method="filter_opinion",
        choices=[("pending", "待送出"), ("late", "逾期未送出")],
    )

    def filter_opinion(self, queryset, name, value):
        from django.utils import timezone

        from .services import opinions_to_send

        due = opinions_to_send(timezone.localdate(), late_only=value == "late")
        return queryset.filter(pk__in=due.values("pk"))

    class Meta:
        model = OversightItem
        fields = ["kind", "organ", "joint", "meeting"]


class OpinionFilter(RecordFilter):
    search_fields = ("name", "body")
    overdue = django_filters.BooleanFilter(label="逾期未报告", method="filter_overdue")

    class Meta:
        model = ReviewOpinion
        fields = ["category", "state", "source"]

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset


class ProjectFilter(RecordFilter):
    search_fields = ("name", "unit")
    voted = django_filters.BooleanFilter(label="已票决", method="filter_voted")

    class Meta:
        model = LivelihoodProject
        fields = ["state"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(year=int(value))

    def filter_until(self, queryset, name, value):
        from django.db.models import Q

        return queryset.filter(Q(voted_on__lte=value) | Q(voted_on__isnull=True))

    def filter_voted(self, queryset, name, value):
        candidate = LivelihoodProject.State.CANDIDATE
        return queryset.exclude(state=candidate) if value else queryset.filter(state=candidate)


class VisitFilter(RecordFilter):
    search_fields = ("project__name",)

    class Meta:
        model = ProjectVisit
        fields = ["form", "project"]


class OtherWorkFilter(RecordFilter):
    search_fields = ("name",)

    class Meta:
        model = OtherWork
        fields = ["kind"]
