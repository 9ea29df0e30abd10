"""The handling unit's pages for review opinions (审议意见): the unit's list, one opinion in full,
and its report on how it was handled. The oversight app's own part of the unit portal."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from congress.accounts.models import require_unit
from congress.records.filters import date_input

from .models import ReviewOpinion
from .services import ReportRefused, report


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, each checked like any upload."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        from congress.records.uploads import validate_document

        files = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = [super(MultipleFileField, self).clean(f, initial) for f in files]
        for upload in cleaned:
            validate_document(upload)
        return cleaned


class OpinionReportForm(forms.Form):
    """研究处理情况报告: a body's written report on a review opinion."""

    date = forms.DateField(label="报告日期", widget=date_input(), initial=timezone.localdate)
    text = forms.CharField(
        label="研究处理情况", required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    file = forms.FileField(label="报告文件", required=False)
    attachments = MultipleFileField(label="其他附件（可多选）", required=False)

    def __init__(self, *args, opinion=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.opinion = opinion

    def clean_file(self):
        from congress.records.uploads import validate_document

        upload = self.cleaned_data.get("file")
        validate_document(upload)
        return upload

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("file"):
            raise forms.ValidationError("请填写研究处理情况或上传报告文件。")
        day = data.get("date")
        if day and self.opinion and day < self.opinion.date:
            self.add_error("date", "报告日期不能早于交办日期。")
        if day and day > timezone.localdate():
            self.add_error("date", "报告日期不能晚于今天。")
        return data


def get_unit_for_user(request: HttpRequest):
    """The unit a 承办单位 account answers for; 403 for anyone else."""
    if not request.user.has_perm("oversight.handle_reviewopinion"):
        raise PermissionDenied
    return require_unit(request.user)


def get_opinion_for_unit(request: HttpRequest, pk: int) -> ReviewOpinion:
    """A review opinion sent to the user's unit; 404 for any other."""
    unit = get_unit_for_user(request)
    return get_object_or_404(ReviewOpinion.objects.select_related("source"), pk=pk, unit=unit)


@require_http_methods(["GET", "HEAD"])
def portal_opinions(request: HttpRequest) -> HttpResponse:
    """The unit's review opinions, those still to report on first (?todo=opinions: only those)."""
    unit = get_unit_for_user(request)
    todo = request.GET.get("todo", "")
    opinions = (
        ReviewOpinion.objects.to_report(unit)
        if todo == "opinions"
        else ReviewOpinion.objects.filter(unit=unit)
    ).order_by("deadline")
    return render(
        request,
        "oversight/portal_opinions.html",
        {"unit": unit, "opinions": opinions, "todo": todo},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def portal_opinion(request: HttpRequest, pk: int) -> HttpResponse:
    """The unit reads a review opinion and submits its report on how it was handled."""
    opinion = get_opinion_for_unit(request, pk)
    can_report = opinion.state == ReviewOpinion.State.OPEN
    form = OpinionReportForm(request.POST or None, request.FILES or None, opinion=opinion)
    error = ""
    if request.method == "POST":
        if not can_report:
            error = f"该意见当前状态为“{opinion.state}”，不能再提交报告。"
        elif form.is_valid():
            try:
                report(
                    opinion,
                    date=form.cleaned_data["date"],
                    text=form.cleaned_data["text"],
                    file=form.cleaned_data.get("file"),
                    attachments=form.cleaned_data.get("attachments") or [],
                )
            except ReportRefused as exc:
                error = str(exc)
            else:
                messages.success(request, f"已提交研究处理情况报告：{opinion}")
                return redirect("portal_opinions")
    return render(
        request,
        "oversight/portal_opinion.html",
        {
            "object": opinion,
            "form": form,
            "can_report": can_report,
            "error": error,
        },
        status=400 if request.method == "POST" else 200,
    )
