"""台账 in the browser: upload, check, confirm; the template; a year's export."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from congress.accounts.roles import perm_required, staff_required
from congress.ledger.export import template_bytes, workbook_bytes, xlsx_response
from congress.ledger.jobs import IMPORT
from congress.ledger.models import LedgerImport
from congress.work.jobs import enqueue_on_commit


class UploadForm(forms.Form):
    file = forms.FileField(label="台账文件（.xlsx）")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("请上传 Excel 工作簿（.xlsx）文件。")
        if upload.size > settings.LEDGER_MAX_BYTES:
            limit = settings.LEDGER_MAX_BYTES // (1024 * 1024)
            raise forms.ValidationError(f"文件过大：台账文件不能超过 {limit} MB。")
        return upload


def get_import_for_user(request: HttpRequest, pk: int) -> LedgerImport:
    # Staff see each other's imports: an office works on one set of ledgers.
    return get_object_or_404(LedgerImport, pk=pk)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def ledger_home(request: HttpRequest) -> HttpResponse:
    can_import = request.user.has_perm("congress.import_ledger")
    form = UploadForm()
    if request.method == "POST":
        if not can_import:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            outcome: dict = {}
            with transaction.atomic():
                record = LedgerImport.objects.create(
                    user=request.user, filename=upload.name, file=upload
                )
                enqueue_on_commit(record, IMPORT, outcome)
            if not outcome.get("sent", True):
                messages.warning(request, BROKER_AWAY)
            return redirect("ledger_import", pk=record.pk)
    today = timezone.localdate()
    imports = LedgerImport.objects.select_related("user")
    status = request.GET.get("status", "")
    if status in LedgerImport.Status.values:
        imports = imports.filter(status=status)
    return render(
        request,
        "congress/ledger.html",
        {
            "form": form,
            "can_import": can_import,
            "status": status,
            "import_count": imports.count() if can_import else 0,
            "imports": imports[:20] if can_import else [],
            "years": list(range(today.year, today.year - 8, -1)),
        },
        status=400 if request.method == "POST" else 200,
    )


BROKER_AWAY = "后台服务暂时不可用：已登记，服务恢复后将自动处理，无需重复上传或确认。"


@require_GET
@staff_required
@perm_required("congress.import_ledger")
def ledger_import(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_import_for_user(request, pk)
    return render(
        request, "congress/ledger_import.html", {"record": record, "result": record.result}
    )


@require_GET
@staff_required
@perm_required("congress.import_ledger")
def ledger_import_status(request: HttpRequest, pk: int) -> JsonResponse:
    record = get_import_for_user(request, pk)
    return JsonResponse(
        {
            "status": record.status,
            "progress": record.progress,
            "step": "",
            "done": not record.active,
        }
    )


@require_POST
@staff_required
@perm_required("congress.import_ledger")
def ledger_import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Write a checked workbook. Only a 待确认 import can be confirmed, and only once."""
    record = get_import_for_user(request, pk)
    conflicts = (record.result or {}).get("conflicts", [])
    decisions = {c["key"]: request.POST.get(f"decide:{c['key']}", "") for c in conflicts}
    if any(choice not in ("keep", "take") for choice in decisions.values()):
        return render(
            request,
            "congress/ledger_import.html",
            {
                "record": record,
                "result": record.result,
                "error": "请对每一处冲突作出选择：保留系统中的内容，或采用工作簿中的内容。",
            },
            status=400,
        )
    outcome: dict = {}
    with transaction.atomic():
        moved = LedgerImport.objects.filter(pk=record.pk, status=LedgerImport.Status.READY).update(
            status=LedgerImport.Status.IMPORT_QUEUED,
            progress=0,
            enqueued=None,
            confirmed_by=request.user,
            result={**(record.result or {}), "decisions": decisions},
        )
        if moved:
            record.status = LedgerImport.Status.IMPORT_QUEUED
            enqueue_on_commit(record, IMPORT, outcome)
    if moved and not outcome.get("sent", True):
        messages.warning(request, BROKER_AWAY)
    if not moved:
        return render(
            request,
            "congress/ledger_import.html",
            {
                "record": record,
                "result": record.result,
                "error": f"该导入当前状态为“{record.status}”，不能确认导入。",
            },
            status=409,
        )
    return redirect(reverse("ledger_import", args=[record.pk]))


@require_GET
@staff_required
def ledger_template(request: HttpRequest) -> HttpResponse:
    return xlsx_response(template_bytes(), "台账导入模板.xlsx")


@require_GET
@staff_required
def ledger_export(request: HttpRequest) -> HttpResponse:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    data, _counts = workbook_bytes(year)
    return xlsx_response(data, f"{year}年工作台账.xlsx")
