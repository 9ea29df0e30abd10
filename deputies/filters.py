import django_filters

from congress.records.filters import YEAR_BOUNDS, RecordFilter

from .models import Activity, Deputy, Station


class StationFilter(RecordFilter):
    search_fields = ("name", "town")
    date_field = "built"
    yearly = False
    built_by = django_filters.NumberFilter(
        label="截至年底已建成", method="filter_built_by", **YEAR_BOUNDS
    )

    class Meta:
        model = Station
        fields = ["kind", "town"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(built__year=int(value))

    def filter_until(self, queryset, name, value):
        from django.db.models import Q

        return queryset.filter(Q(built__lte=value) | Q(built__isnull=True))

    def filter_built_by(self, queryset, name, value):
        from django.db.models import Q

        # A station without a build date counts as built (ledger-format: 代表之家 N 个).
        return queryset.filter(Q(built__year__lte=int(value)) | Q(built__isnull=True))


class DeputyFilter(RecordFilter):
    search_fields = ("name", "workplace", "district", "delegation")
    date_field = "elected"
    yearly = False
    trained_in = django_filters.NumberFilter(
        label="当年参加培训", method="filter_trained", **YEAR_BOUNDS
    )
    reported_in = django_filters.NumberFilter(
        label="当年向选民述职", method="filter_reported", **YEAR_BOUNDS
    )
    town = django_filters.CharFilter(label="镇街", field_name="station__town")

    class Meta:
        model = Deputy
        fields = [
            "level",
            "term",
            "sex",
            "party",
            "category",
            "election",
            "status",
            "delegation",
            "station",
        ]

    def _in_activity(self, queryset, kind, year):
        activities = Activity.objects.filter(kind=kind, date__year=int(year))
        until = self.param("until")
        if until:
            activities = activities.filter(date__lte=until)
        return queryset.filter(pk__in=activities.values("deputies"))

    def filter_until(self, queryset, name, value):
        # With 当年参加培训/述职 the day limits the activities (above), not the election.
        if self.param("trained_in") or self.param("reported_in"):
            return queryset
        return super().filter_until(queryset, name, value)

    def filter_trained(self, queryset, name, value):
        return self._in_activity(queryset, Activity.Kind.TRAINING, value)

    def filter_reported(self, queryset, name, value):
        return self._in_activity(queryset, Activity.Kind.REPORT, value)


class ActivityFilter(RecordFilter):
    search_fields = ("name", "notes")
    participation = django_filters.BooleanFilter(
        label="计入邀请代表人次", method="filter_participation"
    )
    town = django_filters.CharFilter(label="镇街", field_name="station__town")

    class Meta:
        model = Activity
        fields = ["kind", "station", "deputies"]

    def filter_participation(self, queryset, name, value):
        kinds = Activity.PARTICIPATION_KINDS
        return queryset.filter(kind__in=kinds) if value else queryset.exclude(kind__in=kinds)
