from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory

from congress.records.filters import date_input

from .models import (
    AgendaItem,
    Appointment,
    Attendance,
    Decision,
    Meeting,
    MeetingDocument,
    Member,
    Vote,
)


class MeetingForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and not self.is_bound:
            from congress.accounts.models import Profile

            # A new meeting is of the current 届; its number follows on when left empty.
            self.initial.setdefault("term", Profile.get().term)

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "term",
            "seq",
            "name",
            "date",
            "time",
            "place",
            "guests",
            "notes",
            "minutes",
        ]
        widgets = {"date": date_input()}


class _Agenda(BaseInlineFormSet):
    """An item links to the work, decision and appointments of its own meeting, never to
    another meeting's (nor to a list of every record ever kept)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        meeting = self.instance
        if meeting.pk:
            form.fields["oversight"].queryset = meeting.oversight_items.all()
            form.fields["decision"].queryset = meeting.decisions.all()
            form.fields["appointments"].queryset = meeting.appointments.all()
        else:
            for name in ("oversight", "decision", "appointments"):
                form.fields[name].queryset = form.fields[name].queryset.none()


AgendaFormSet = inlineformset_factory(
    Meeting,
    AgendaItem,
    formset=_Agenda,
    fields=["order", "time", "title", "reporter", "oversight", "decision", "appointments"],
    extra=3,
    can_delete=True,
)


class _Documents(BaseInlineFormSet):
    """A material belongs to one of its own meeting's agenda items, never another meeting's."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        meeting = self.instance
        form.fields["item"].queryset = (
            meeting.agenda.all() if meeting.pk else AgendaItem.objects.none()
        )


DocumentFormSet = inlineformset_factory(
    Meeting,
    MeetingDocument,
    formset=_Documents,
    fields=["title", "item", "file"],
    extra=1,
    can_delete=True,
)


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["title", "doc_number", "kind", "date", "meeting", "text"]
        widgets = {"date": date_input()}


class AppointmentForm(forms.ModelForm):
    class Meta:
        model = Appointment
        fields = [
            "person",
            "kind",
            "post",
            "organisation",
            "date",
            "meeting",
            "proposer",
            "votes_for",
            "votes_against",
            "votes_abstain",
            "doc_number",
            "oath_date",
            "oath_form",
        ]
        widgets = {"date": date_input(), "oath_date": date_input()}


class MemberForm(forms.ModelForm):
    class Meta:
        model = Member
        fields = ["name", "post", "term", "start", "end", "deputy"]
        widgets = {"start": date_input(), "end": date_input()}


class AttendanceForm(forms.ModelForm):
    """One member at one meeting (corrections; the attendance page records a whole meeting)."""

    class Meta:
        model = Attendance
        fields = ["meeting", "member", "status", "reason"]


class VoteForm(forms.ModelForm):
    class Meta:
        model = Vote
        fields = ["meeting", "item", "yes", "no", "abstain", "silent"]
