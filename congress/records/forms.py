from django import forms

from congress.records.filters import date_input
from congress.records.models import OtherWork


class OtherWorkForm(forms.ModelForm):
    class Meta:
        model = OtherWork
        fields = ["kind", "name", "date", "quantity", "reach", "notes"]
        widgets = {"date": date_input()}
