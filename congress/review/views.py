"""The annual report in the browser: the office's text beside its live preview, the office's
own figures, the jobs, and the PDF and Word files."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from congress.accounts.roles import leader_may_post, perm_required, staff_required
from congress.records.uploads import serve
from congress.records.years import FIRST, LAST, in_range, year_or_404
from congress.review.check import names
from congress.review.gather import gather
from congress.review.models import ArchiveJob, Edition, ReportJob, ReportText
from congress.review.render import render_html
from congress.review.services import request_report


class TextForm(forms.ModelForm):
    class Meta:
        model = ReportText
        fields = ["title", "subtitle", "date", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 30, "spellcheck": "false"})}


class YearForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=FIRST, max_value=LAST)


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
    """生成年度报告: ask for a year's PDF and Word copy and follow its progress."""
    today = timezone.localdate()
    if request.method == "POST":
        if not request.user.has_perm("congress.add_reportjob"):
            raise PermissionDenied
        form = YearForm(request.POST)
        if form.is_valid():
            job, created = request_report(form.cleaned_data["year"], request.user)
            if not getattr(job, "sent", True):
                messages.warning(
                    request,
                    "后台服务暂时不可用：生成请求已登记，服务恢复后将自动生成，无需重复提交。",
                )
            elif not created:
                messages.info(request, f"{job.year}年度报告正在生成中，请稍候。")
            return redirect(f"{reverse('reports')}?year={job.year}")
        year = today.year - 1
    else:
        form = YearForm()
        try:
            year = int(request.GET.get("year", today.year - 1))
        except ValueError:
            year = today.year - 1
        if not in_range(year):
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
            "archives": ArchiveJob.objects.filter(year=year)[:10]
            if request.user.has_perm("congress.add_reportjob")
            else [],
            "can_edit": request.user.has_perm("congress.change_reporttext"),
            **_issued(year, request.user),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_GET
@staff_required
def report_status(request: HttpRequest, pk: int) -> JsonResponse:
    job = get_job_for_user(request, pk)
    done = job.status == ReportJob.Status.DONE
    return JsonResponse(
        {
            "status": job.status,
            "progress": job.progress,
            "step": job.step,
            "error": job.error,
            "done": done,
            "url": reverse("report_download", args=[job.pk]) if done and job.pdf else "",
            "docx": reverse("report_download_docx", args=[job.pk]) if done and job.docx else "",
        }
    )


@require_GET
@staff_required
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_job_for_user(request, pk)
    if job.status != ReportJob.Status.DONE:
        raise Http404
    return serve(job.pdf)


@require_GET
@staff_required
def report_download_docx(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_job_for_user(request, pk)
    if job.status != ReportJob.Status.DONE or not job.docx:
        raise Http404
    return serve(job.docx)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
@perm_required("congress.view_reporttext")
def text_edit(request: HttpRequest, year: int) -> HttpResponse:
    """The year's text beside its live preview; an invalid text is shown with its errors at
    their lines and nothing is saved."""
    text = ReportText.for_year(year_or_404(year))
    can_edit = request.user.has_perm("congress.change_reporttext") and request.user.has_perm(
        "congress.add_reporttext"
    )
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        form = TextForm(request.POST, instance=text)
        if form.is_valid():
            form.save()
            messages.success(request, f"{year}年度工作综述文稿已保存。")
            return redirect("report_text", year=year)
    else:
        form = TextForm(instance=text)
    return render(
        request,
        "congress/report_text.html",
        {
            "form": form,
            "year": year,
            "can_edit": can_edit,
            "saved": text.pk is not None,
            "figure_names": sorted(names().figures),
            "text_obj": text,
            "history": _text_history(text),
        },
        status=400 if request.method == "POST" else 200,
    )


def _text_history(text: ReportText) -> list[dict]:
    """Who changed the text when, and which fields (a whole text is too long to show twice)."""
    from congress.records.history import record_history

    if text.pk is None:
        return []
    return [
        {**h, "fields": "、".join(str(label) for label, _old, _new in h["changes"])}
        for h in record_history(text, limit=20)
    ]


@require_POST
@leader_may_post  # renders, never saves
@staff_required
@perm_required("congress.view_reporttext")
def text_preview(request: HttpRequest, year: int) -> JsonResponse:
    """The live preview of an unsaved text: its HTML, or its errors with their lines."""
    from congress.review.document import build
    from congress.review.markup import TextError, parse

    year_or_404(year)
    raw = request.POST.get("text", "")
    try:
        parse(raw, names())
    except TextError as exc:
        return JsonResponse(
            {"ok": False, "errors": [{"line": n, "message": m} for n, m in exc.errors]}
        )
    review = build(year, override_text=raw, override_title=request.POST.get("title"))
    html = render_to_string("congress/report/_review.html", {"review": review, "preview": True})
    return JsonResponse({"ok": True, "html": html})


@require_GET
@staff_required
@perm_required("congress.view_reporttext")
def report_preview(request: HttpRequest, year: int) -> HttpResponse:
    """Exactly what the PDF will hold, as a web page; every figure links to its records."""
    context = gather(year_or_404(year))
    context["css_href"] = "/static/css/report.css"
    context["preview"] = True
    return HttpResponse(render_html(context))


def get_archive_for_user(request: HttpRequest, pk: int) -> ArchiveJob:
    """An archive holds every deputy's particulars: only staff who print the review see it."""
    if not request.user.has_perm("congress.add_reportjob"):
        raise PermissionDenied
    return get_object_or_404(ArchiveJob, pk=pk)


@require_POST
@staff_required
@perm_required("congress.add_reportjob")
def archive_request(request: HttpRequest) -> HttpResponse:
    """年度归档: ask for the year's documents as one zip, built in the background."""
    from congress.review.services import request_archive

    form = YearForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"年度无效：请选择 {FIRST} 至 {LAST} 之间的年度。")
        return redirect("reports")
    job, created = request_archive(form.cleaned_data["year"], request.user)
    if not created:
        messages.info(request, f"{job.year}年度归档正在生成中，请稍候。")
    return redirect(f"{reverse('reports')}?year={job.year}")


@require_GET
@staff_required
def archive_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_archive_for_user(request, pk)
    if job.status != ArchiveJob.Status.DONE or not job.file:
        raise Http404
    return serve(job.file)


def _issued(year: int, user) -> dict:
    """The year's editions, and what changed since the latest one."""
    from congress.review import editions

    latest = editions.latest(year)
    return {
        "editions": Edition.objects.filter(year=year).select_related("issued_by"),
        "can_issue": user.has_perm("congress.add_edition"),
        "changes": editions.changes_since(latest) if latest else [],
        "moved": editions.moved(latest) if latest else [],
        "latest_edition": latest,
    }


@require_POST
@staff_required
@perm_required("congress.add_edition")
def edition_issue(request: HttpRequest, year: int) -> HttpResponse:
    """签发: the latest finished report of the year becomes its next edition."""
    from congress.review import editions

    year_or_404(year)
    try:
        edition = editions.issue(year, request.user)
    except editions.NotIssued as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"已签发{edition}。")
    return redirect(f"{reverse('reports')}?year={year}")


def get_edition_for_user(request: HttpRequest, pk: int) -> Edition:
    if not request.user.has_perm("congress.view_edition"):
        raise PermissionDenied
    return get_object_or_404(Edition, pk=pk)


@require_GET
@staff_required
def edition_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The issued copy, as it was printed."""
    edition = get_edition_for_user(request, pk)
    stored = {"pdf": edition.pdf, "docx": edition.docx}.get(fmt)
    if not stored:
        raise Http404
    return serve(stored)
