"""The annual report in the browser: the staff's draft, the preview, the jobs and the PDF."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from .models import ReportDraft, ReportJob
from .report.gather import draft_for, gather
from .report.render import render_html
from .roles import leader_may_post, perm_required, staff_required
from .services import request_report
from .uploads import serve


class DraftForm(forms.ModelForm):
    class Meta:
        model = ReportDraft
        fields = [
            "title",
            "intro",
            *[f"{k}_{part}" for k in ReportDraft.SECTIONS for part in ("heading", "text")],
            "closing",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 8})
            for name in (
                "intro",
                "politics_text",
                "oversight_text",
                "law_text",
                "deputies_text",
                "self_text",
                "closing",
            )
        }


class YearForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=1990, max_value=2100)


def _year_or_404(year: int) -> int:
    if not 1990 <= year <= timezone.localdate().year + 1:
        raise Http404
    return year


def get_job_for_user(request: HttpRequest, pk: int) -> ReportJob:
    if not request.user.has_perm("congress.view_reportjob") and not request.user.has_perm(
        "congress.add_reportjob"
    ):
        raise PermissionDenied
    return get_object_or_404(ReportJob, pk=pk)


@require_http_methods(["GET", "HEAD", "POST"])
@leader_may_post
@staff_required
def reports(request: HttpRequest) -> HttpResponse:
    """生成年度报告: ask for a year's PDF and follow its progress; earlier versions stay listed."""
    today = timezone.localdate()
    if request.method == "POST":
        if not request.user.has_perm("congress.add_reportjob"):
            raise PermissionDenied
        form = YearForm(request.POST)
        if form.is_valid():
            job, created = request_report(form.cleaned_data["year"], request.user)
            if not created:
                messages.info(request, f"{job.year}年度报告正在生成中，请稍候。")
            return redirect(f"{reverse('reports')}?year={job.year}")
        year = today.year - 1
    else:
        form = YearForm()
        try:
            year = int(request.GET.get("year", today.year - 1))
        except ValueError:
            year = today.year - 1
    return render(
        request,
        "congress/reports.html",
        {
            "year": year,
            "years": list(range(today.year, today.year - 6, -1)),
            "jobs": ReportJob.objects.filter(year=year).select_related("requested_by")[:30],
            "form": form,
            "can_generate": request.user.has_perm("congress.add_reportjob"),
            "can_edit": request.user.has_perm("congress.change_reportdraft"),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_GET
@staff_required
def report_status(request: HttpRequest, pk: int) -> JsonResponse:
    job = get_job_for_user(request, pk)
    return JsonResponse(
        {
            "status": job.status,
            "progress": job.progress,
            "step": job.step,
            "error": job.error,
            "done": job.status == ReportJob.Status.DONE,
            "url": reverse("report_download", args=[job.pk]) if job.pdf else "",
        }
    )


@require_GET
@staff_required
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_job_for_user(request, pk)
    if job.status != ReportJob.Status.DONE:
        raise Http404
    return serve(job.pdf)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
@perm_required("congress.view_reportdraft")
def draft_edit(request: HttpRequest, year: int) -> HttpResponse:
    """The staff's paragraphs for each section; the figures' sentences are generated."""
    draft = draft_for(_year_or_404(year))
    can_edit = request.user.has_perm("congress.change_reportdraft")
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        form = DraftForm(request.POST, instance=draft)
        if form.is_valid():
            form.save()
            messages.success(request, f"{year}年度工作综述稿已保存。")
            return redirect("report_draft", year=year)
    else:
        form = DraftForm(instance=draft)
    return render(
        request,
        "congress/report_draft.html",
        {
            "form": form,
            "year": year,
            "can_edit": can_edit,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_GET
@staff_required
@perm_required("congress.view_reportdraft")
def report_preview(request: HttpRequest, year: int) -> HttpResponse:
    """Exactly what the PDF will hold, as a web page."""
    context = gather(_year_or_404(year))
    context["css_href"] = "/static/css/report.css"
    return HttpResponse(render_html(context))
