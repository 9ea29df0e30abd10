from django import forms

from .filters import date_input
from .models import OtherWork, Profile, Unit


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["name", "place", "level", "party_short", "term", "office_unit", "letter_prefix"]


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["name", "users"]


class OtherWorkForm(forms.ModelForm):
    class Meta:
        model = OtherWork
        fields = ["kind", "name", "date", "quantity", "reach", "notes"]
        widgets = {"date": date_input()}
