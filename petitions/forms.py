from django import forms

from congress.records.filters import date_input

from .models import Petition


class PetitionForm(forms.ModelForm):
    class Meta:
        model = Petition
        fields = [
            "number",
            "channel",
            "date",
            "people",
            "petitioner",
            "summary",
            "category",
            "unit",
            "state",
            "closed",
        ]
        widgets = {
            "date": date_input(),
            "closed": date_input(),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
