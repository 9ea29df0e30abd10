from django import forms
from django.forms import inlineformset_factory

from congress.filters import date_input

from .models import AgendaItem, Appointment, Decision, Meeting, MeetingDocument


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "term", "seq", "name", "date", "place", "present", "on_leave", "notes"]
        widgets = {"date": date_input()}

    def clean(self):
        data = super().clean()
        term, seq, kind = data.get("term"), data.get("seq"), data.get("kind")
        if seq and not term:
            self.add_error("term", "填写了次数时必须填写届次。")
        if term and seq and kind:
            clash = Meeting.objects.filter(kind=kind, term=term, seq=seq)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("seq", f"第{term}届已有第{seq}次{kind}。")
        return data


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

    def clean(self):
        data = super().clean()
        kind, oath_date, date = data.get("kind"), data.get("oath_date"), data.get("date")
        if oath_date and kind and kind not in Appointment.OATH_KINDS:
            self.add_error("oath_date", f"“{kind}”无需进行宪法宣誓。")
        if oath_date and date and oath_date < date:
            self.add_error("oath_date", "宣誓日期不能早于任命日期。")
        if data.get("oath_form") and not oath_date:
            self.add_error("oath_date", "填写了宣誓形式时必须填写宣誓日期。")
        return data
