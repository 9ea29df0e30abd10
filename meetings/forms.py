from django import forms
from django.forms import inlineformset_factory

from congress.records.filters import date_input

from .models import AgendaItem, Appointment, Decision, Meeting, MeetingDocument


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "term", "seq", "name", "date", "place", "present", "on_leave", "notes"]
        widgets = {"date": date_input()}


AgendaFormSet = inlineformset_factory(
    Meeting,
    AgendaItem,
    fields=["order", "title", "reporter", "oversight", "decision"],
    extra=3,
    can_delete=True,
)
DocumentFormSet = inlineformset_factory(
    Meeting,
    MeetingDocument,
    fields=["title", "file"],
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
