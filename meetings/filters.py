import django_filters

from congress.records.filters import RecordFilter

from .models import Appointment, Decision, Meeting


class MeetingFilter(RecordFilter):
    search_fields = ("name", "place", "agenda__title")

    class Meta:
        model = Meeting
        fields = ["kind", "term"]


class DecisionFilter(RecordFilter):
    search_fields = ("title", "text")

    class Meta:
        model = Decision
        fields = ["kind", "meeting"]


class AppointmentFilter(RecordFilter):
    search_fields = ("person", "post", "organisation")
    oath = django_filters.ChoiceFilter(
        label="宪法宣誓",
        method="filter_oath",
        choices=[("waiting", "待宣誓"), ("sworn", "已宣誓")],
    )

    class Meta:
        model = Appointment
        fields = ["kind", "meeting"]

    def filter_oath(self, queryset, name, value):
        if value == "waiting":
            return queryset.awaiting_oath()
        return queryset.filter(oath_date__isnull=False)
