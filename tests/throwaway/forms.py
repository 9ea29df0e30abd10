from django import forms

from congress.records.filters import date_input

from .models import Filing


class FilingForm(forms.ModelForm):
    class Meta:
        model = Filing
        fields = ["title", "organ", "received", "state", "problems"]
        widgets = {"received": date_input()}
