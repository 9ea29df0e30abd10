from django import forms
from django.forms import inlineformset_factory

from congress.records.filters import date_input

from .models import (
    LivelihoodProject,
    OpinionDocument,
    OtherWork,
    OversightDocument,
    OversightItem,
    ProjectVisit,
    ReviewOpinion,
)


class OversightItemForm(forms.ModelForm):
    class Meta:
        model = OversightItem
        fields = [
            "kind",
            "name",
            "date",
            "organ",
            "department",
            "meeting",
            "law",
            "joint",
            "points",
            "problems_solved",
            "satisfaction",
            "rated_satisfied",
            "rated_fair",
            "rated_unsatisfied",
            "notes",
        ]
        widgets = {"date": date_input()}


OversightDocumentFormSet = inlineformset_factory(
    OversightItem,
    OversightDocument,
    fields=["title", "file"],
    extra=1,
    can_delete=True,
)


class ReviewOpinionForm(forms.ModelForm):
    class Meta:
        model = ReviewOpinion
        fields = [
            "name",
            "doc_number",
            "category",
            "source",
            "date",
            "body",
            "unit",
            "points",
            "text",
            "deadline",
            "state",
            "report_date",
            "report_text",
            "report_file",
            "satisfaction",
        ]
        widgets = {"date": date_input(), "deadline": date_input(), "report_date": date_input()}


class ProjectForm(forms.ModelForm):
    class Meta:
        model = LivelihoodProject
        fields = [
            "name",
            "year",
            "voted_on",
            "votes",
            "budget",
            "unit",
            "state",
            "progress",
            "milestones",
            "satisfaction",
        ]
        widgets = {"voted_on": date_input()}


class VisitForm(forms.ModelForm):
    class Meta:
        model = ProjectVisit
        fields = ["project", "date", "form", "deputies"]
        widgets = {"date": date_input()}


OpinionDocumentFormSet = inlineformset_factory(
    ReviewOpinion,
    OpinionDocument,
    fields=["title", "file"],
    extra=1,
    can_delete=True,
)


class OtherWorkForm(forms.ModelForm):
    class Meta:
        model = OtherWork
        fields = ["kind", "name", "date", "quantity", "reach", "notes"]
        widgets = {"date": date_input()}
