from django import forms
from django.forms import inlineformset_factory

from congress.filters import date_input

from .models import (
    LivelihoodProject,
    OpinionDocument,
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
            "notes",
        ]
        widgets = {"date": date_input()}

    def clean(self):
        data = super().clean()
        if data.get("law") and data.get("kind") != OversightItem.Kind.INSPECTION:
            self.add_error("law", "只有执法检查需要填写所检查的法律法规。")
        if data.get("kind") == OversightItem.Kind.INSPECTION and not data.get("law"):
            self.add_error("law", "执法检查必须填写所检查的法律法规。")
        return data


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

    def clean(self):
        data = super().clean()
        date, deadline, report = data.get("date"), data.get("deadline"), data.get("report_date")
        if date and deadline and deadline < date:
            self.add_error("deadline", "办理期限不能早于交办日期。")
        if date and report and report < date:
            self.add_error("report_date", "报告日期不能早于交办日期。")
        state = data.get("state")
        if state in (ReviewOpinion.State.REPORTED, ReviewOpinion.State.CLOSED) and not report:
            self.add_error("report_date", f"状态为“{state}”时必须填写报告日期。")
        if data.get("satisfaction") and not report:
            self.add_error("satisfaction", "收到研究处理情况报告后才能测评。")
        return data


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

    def clean(self):
        data = super().clean()
        if data.get("state") == LivelihoodProject.State.DONE and data.get("progress") != 100:
            self.add_error("progress", "已完成的项目进度应为 100%。")
        voted_on, year = data.get("voted_on"), data.get("year")
        if voted_on and year and voted_on.year not in (year, year - 1):
            self.add_error("voted_on", "票决日期应在项目年度或上一年。")
        return data


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
