"""The annual report in the browser: the office's text beside its live preview, the office's
own figures, the jobs, and the PDF and Word files."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .figureset import names, text_for, year_values
from .models import OwnFigure, ReportJob, ReportText
from .office_figures import dumps
from .report.gather import gather
from .report.render import render_html
from .roles import leader_may_post, perm_required, staff_required
from .services import replace_own_figures, request_report
from .uploads import serve

YEARS = (1949, 2100)


class TextForm(forms.ModelForm):
    class Meta:
        model = ReportText
        fields = ["title", "subtitle", "date", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 30, "spellcheck": "false"})}


class YearForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=YEARS[0], max_value=YEARS[1])


class FiguresForm(forms.Form):
    definitions = forms.CharField(
        label="统计数字定义（JSON）",
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}),
        required=False,
    )
    tiles = forms.CharField(
        label="驾驶舱显示的统计数字（每行一个，按显示顺序）",
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
    )

    def clean_definitions(self) -> list:
        raw = self.cleaned_data["definitions"].strip() or "[]"
        try:
            items = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ValidationError(
                f"不是有效的 JSON：第{exc.lineno}行第{exc.colno}列，{exc.msg}"
            ) from exc
        from .figures import builtin_by_name
        from .office_figures import parse_definitions

        parse_definitions(items, set(builtin_by_name()))
        return items

    def clean(self):
        data = super().clean()
        items = data.get("definitions")
        if items is None:
            return data
        known = set(names().figures) | {str(i.get("名称", "")).strip() for i in items}
        wanted = [line.strip() for line in data.get("tiles", "").splitlines() if line.strip()]
        unknown = [n for n in wanted if n not in known]
        if unknown:
            self.add_error("tiles", f"未知的统计数字：{'、'.join(unknown)}")
        if len(set(wanted)) != len(wanted):
            self.add_error("tiles", "同一个统计数字只能出现一次")
        data["tiles"] = wanted
        return data


def _year_or_404(year: int) -> int:
    if not YEARS[0] <= year <= YEARS[1]:
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
        if not YEARS[0] <= year <= YEARS[1]:
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
            "can_edit": request.user.has_perm("congress.change_reporttext"),
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
    text = text_for(_year_or_404(year))
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
    from .history import record_history

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
    from .report.document import build
    from .reporttext import TextError, parse

    _year_or_404(year)
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
    context = gather(_year_or_404(year))
    context["css_href"] = "/static/css/report.css"
    context["preview"] = True
    return HttpResponse(render_html(context))


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
@perm_required("congress.view_ownfigure")
def own_figures(request: HttpRequest) -> HttpResponse:
    """本单位统计数字: the office's own figures in the ledger's words, and the dashboard's tiles."""
    from .dashboard import tile_names
    from .models import Profile

    can_edit = all(
        request.user.has_perm(f"congress.{a}_ownfigure") for a in ("add", "change", "delete")
    )
    items = [f.definition for f in OwnFigure.objects.order_by("position", "pk")]
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        form = FiguresForm(request.POST)
        if form.is_valid():
            try:
                replace_own_figures(form.cleaned_data["definitions"], request.user)
            except ValidationError as exc:
                form.add_error("definitions", exc)
            else:
                Profile.objects.filter(pk=Profile.get().pk).update(tiles=form.cleaned_data["tiles"])
                messages.success(request, "本单位统计数字和驾驶舱设置已保存。")
                return redirect("own_figures")
    else:
        form = FiguresForm(initial={"definitions": dumps(items), "tiles": "\n".join(tile_names())})
    year = timezone.localdate().year
    values = year_values(year)
    rows = [(item.get("名称", ""), values.get(item.get("名称", ""))) for item in items]
    return render(
        request,
        "congress/own_figures.html",
        {
            "form": form,
            "can_edit": can_edit,
            "rows": rows,
            "year": year,
            "builtin": sorted(
                n for n in names().figures if n not in {i.get("名称") for i in items}
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_GET
@staff_required
def figure_parts(request: HttpRequest, name: str, year: int) -> HttpResponse:
    """A figure that adds up other figures: each part and the list behind it."""
    _year_or_404(year)
    from .office_figures import parse_definitions  # noqa: F401 - the definitions are checked

    fig = next((f for f in _own() if f.name == name and f.parts), None)
    if fig is None:
        raise Http404
    values = year_values(year)
    return render(
        request,
        "congress/figure_parts.html",
        {
            "figure": fig,
            "value": values[name],
            "parts": [values[p] for p in fig.parts],
            "year": year,
        },
    )


def _own():
    from .figureset import own_figures as load

    return load()
