from django import forms

from congress.records.filters import date_input

from .fields import DeputiesField
from .models import Activity, Deputy, Station


class StationForm(forms.ModelForm):
    class Meta:
        model = Station
        fields = ["name", "kind", "town", "built", "reception_days"]
        widgets = {"built": date_input()}


class DeputyForm(forms.ModelForm):
    class Meta:
        model = Deputy
        fields = [
            "name",
            "sex",
            "ethnicity",
            "birth",
            "party",
            "education",
            "workplace",
            "post",
            "category",
            "level",
            "term",
            "district",
            "delegation",
            "station",
            "election",
            "elected",
            "status",
            "ended",
            "end_reason",
            "phone",
        ]
        widgets = {"birth": date_input(), "elected": date_input(), "ended": date_input()}


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        field_classes = {"deputies": DeputiesField}
        fields = [
            "name",
            "kind",
            "date",
            "signup",
            "deputies",
            "station",
            "people_met",
            "problems_solved",
            "notes",
        ]
        widgets = {"date": date_input()}
