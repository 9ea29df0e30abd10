import django_filters

from congress.records.filters import RecordFilter

from .models import Appointment, Attendance, Decision, Meeting, Member, Vote


class MeetingFilter(RecordFilter):
    search_fields = ("name", "place", "agenda__title")
    pending = django_filters.ChoiceFilter(
        label="待办",
        method="filter_pending",
        choices=[("notice", "会议通知待印发"), ("materials", "会议材料未齐")],
    )

    def filter_pending(self, queryset, name, value):
        from django.utils import timezone

        from .services import materials_due, notice_due

        due = notice_due if value == "notice" else materials_due
        return queryset.filter(pk__in=due(timezone.localdate()).values("pk"))

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


class MemberFilter(RecordFilter):
    search_fields = ("name",)
    serving = django_filters.DateFilter(label="在任日期", method="filter_serving")
    date_field = "start"
    yearly = False

    class Meta:
        model = Member
        fields = ["post", "term"]

    def filter_serving(self, queryset, name, value):
        return queryset.serving(value)


class AttendanceFilter(RecordFilter):
    """By the meeting's date (kept on the row), its kind and the status."""

    search_fields = ("member__name", "meeting__name")
    date_field = "day"
    meeting_kind = django_filters.ChoiceFilter(
        label="会议类型", field_name="meeting__kind", choices=Meeting.Kind.choices
    )

    class Meta:
        model = Attendance
        fields = ["status", "meeting", "member"]


class VoteFilter(RecordFilter):
    search_fields = ("item", "meeting__name")
    date_field = "day"

    class Meta:
        model = Vote
        fields = ["meeting"]
