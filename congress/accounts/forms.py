from django import forms

from congress.accounts.models import Profile, Unit


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = [
            "name",
            "place",
            "level",
            "party_short",
            "term",
            "office_unit",
            "letter_prefix",
            "notice_prefix",
            "contact",
            "phone",
        ]


class UnitForm(forms.ModelForm):
    """A unit's name. Which accounts serve it is decided on the administrators' account pages
    only: a clerk editing a unit must not be able to hand another unit's work to an account."""

    class Meta:
        model = Unit
        fields = ["name"]
