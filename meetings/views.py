from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from congress.accounts.roles import perm_required, staff_required
from congress.records.uploads import serve

from . import services
from .kinds import appointments
from .models import Appointment, MeetingDocument


class OathForm(forms.Form):
    """集体宪法宣誓: who swore together, when and where."""

    people = forms.ModelMultipleChoiceField(
        label="宣誓人员", queryset=Appointment.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    date = forms.DateField(label="宣誓日期")
    place = forms.CharField(label="地点", max_length=100, required=False)
    presided_by = forms.CharField(label="监誓人", max_length=60, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = Appointment.objects.awaiting_oath()


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
@perm_required("meetings.view_appointment")
def oath_waiting(request: HttpRequest) -> HttpResponse:
    """Appointees who have not yet sworn the constitutional oath; those who swear together are
    recorded at once."""
    can_record = request.user.has_perm("meetings.change_appointment")
    form = OathForm(request.POST or None)
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                ceremony = services.swear_in(
                    data["people"],
                    date=data["date"],
                    place=data["place"],
                    presided_by=data["presided_by"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"已记录{ceremony}：{len(data['people'])}人。")
                return redirect("appointments_oath")
    rows = Appointment.objects.awaiting_oath().select_related("meeting").order_by("date")
    return render(
        request,
        "meetings/oath_waiting.html",
        {"rows": rows, "kind": appointments, "form": form, "can_record": can_record},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "HEAD"])
@staff_required
@perm_required("meetings.view_meeting")
def meeting_document(request: HttpRequest, pk: int) -> HttpResponse:
    return serve(get_object_or_404(MeetingDocument, pk=pk).file)


@require_http_methods(["GET", "HEAD"])
@staff_required
@perm_required("meetings.view_appointment")
def appointments_roster(request: HttpRequest) -> HttpResponse:
    """任免名册 of a year, as PDF (format=pdf) or Excel (format=xlsx)."""
    from django.http import Http404
    from django.utils import timezone

    from congress.documents.rosters import FORMATS, roster_response

    try:
        year = int(request.GET.get("year", timezone.localdate().year))
    except ValueError:
        raise Http404 from None
    fmt = request.GET.get("format", "pdf")
    if fmt not in FORMATS or not 1949 <= year <= 2100:
        raise Http404
    from .rosters import appointments_roster

    return roster_response(fmt, *appointments_roster(year))


def get_meeting_for_user(request: HttpRequest, pk: int):
    """A meeting, for staff who may see meetings (404 when there is none)."""
    from .models import Meeting

    if not request.user.has_perm("meetings.view_meeting"):
        raise PermissionDenied
    return get_object_or_404(Meeting, pk=pk)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def meeting_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """出席情况: every member serving on the meeting's day, 出席, 请假 (with the reason) or 缺席,
    recorded at once; a 常委会会议 stands only with more than half present."""
    from .services import AttendanceRefused, record_attendance

    meeting = get_meeting_for_user(request, pk)
    can_record = request.user.has_perm("meetings.change_attendance")
    rows = services.attendance_rows(meeting)
    errors: list[str] = []
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        posted = {
            row.member.pk: (
                request.POST.get(f"status-{row.member.pk}", ""),
                request.POST.get(f"reason-{row.member.pk}", "").strip(),
            )
            for row in rows
        }
        try:
            saved = record_attendance(meeting, posted, request.user)
        except AttendanceRefused as exc:
            errors = exc.messages
            for row in rows:
                row.status, row.reason = posted[row.member.pk]
        else:
            messages.success(request, f"已记录{saved}名组成人员的出席情况。")
            return redirect("meeting_attendance", pk=meeting.pk)
    return render(
        request,
        "meetings/attendance.html",
        {
            "meeting": meeting,
            "rows": rows,
            "errors": errors,
            "can_record": can_record,
            "statuses": services.STATUSES,
            "summary": services.attendance_summary(meeting),
        },
        status=400 if errors else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def meeting_notice(request: HttpRequest, pk: int) -> HttpResponse:
    """会议通知: GET prints it (?format=pdf or docx); POST issues it: its 文号 and date, and
    every member called with an account is told."""
    from urllib.parse import quote

    from django.utils import timezone

    from .notices import issue, notice_docx, notice_pdf

    meeting = get_meeting_for_user(request, pk)
    if request.method == "POST":
        if not request.user.has_perm("meetings.change_meeting"):
            raise PermissionDenied
        meeting, told = issue(meeting, timezone.localdate())
        messages.success(
            request, f"会议通知 {meeting.notice_number} 已印发，已通知{told}名组成人员。"
        )
        return redirect("meetings_detail", pk=meeting.pk)
    fmt = request.GET.get("format", "pdf")
    if fmt == "schedule":
        from .notices import schedule_pdf

        response = HttpResponse(schedule_pdf(meeting).data, content_type="application/pdf")
        response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(meeting.name)}日程.pdf"
        return response
    name = meeting.notice_number or f"{meeting.name}通知（未印发）"
    if fmt == "docx":
        response = HttpResponse(
            notice_docx(meeting),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.docx"
        return response
    if fmt != "pdf":
        from django.http import Http404

        raise Http404
    response = HttpResponse(notice_pdf(meeting).data, content_type="application/pdf")
    response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(name)}.pdf"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def meeting_pack(request: HttpRequest, pk: int) -> HttpResponse:
    """会议材料汇编: POST builds it in the background; GET downloads the latest built."""
    from .models import PackJob
    from .services import request_pack

    meeting = get_meeting_for_user(request, pk)
    if request.method == "POST":
        if not request.user.has_perm("meetings.change_meeting"):
            raise PermissionDenied
        job, created = request_pack(meeting, request.user)
        messages.success(
            request,
            "已开始汇编会议材料，完成后可在本页下载。"
            if created
            else "会议材料正在汇编中，请稍候。",
        )
        return redirect("meetings_detail", pk=meeting.pk)
    job = meeting.packs.filter(status=PackJob.Status.DONE).first()
    if job is None or not job.file:
        from django.http import Http404

        raise Http404
    return serve(job.file)


@require_http_methods(["GET", "HEAD"])
@staff_required
def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """会议纪要: the draft from the meeting's data (?format=docx to edit, pdf to read), or the
    final version the office filed (?format=final)."""
    from urllib.parse import quote

    from django.http import Http404

    from .minutes import minutes_docx, minutes_pdf

    meeting = get_meeting_for_user(request, pk)
    fmt = request.GET.get("format", "docx")
    if fmt == "final":
        if not meeting.minutes:
            raise Http404
        return serve(meeting.minutes)
    name = f"{meeting.name}纪要"
    if fmt == "docx":
        response = HttpResponse(
            minutes_docx(meeting),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.docx"
        return response
    if fmt != "pdf":
        raise Http404
    response = HttpResponse(minutes_pdf(meeting).data, content_type="application/pdf")
    response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(name)}.pdf"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def member_accounts(request: HttpRequest) -> HttpResponse:
    """组成人员账号: an administrator creates the accounts of the members serving today in one
    go and prints the sheet that gives each their login name and one-time password link."""
    from congress.accounts.views import admin_required

    return admin_required(_member_accounts)(request)


def _member_accounts(request: HttpRequest) -> HttpResponse:
    from django.db import transaction
    from django.utils import timezone

    from congress.accounts.roles import MEMBER
    from congress.accounts.services import portal_account
    from congress.accounts.views import password_link

    from .models import Member

    serving = Member.objects.serving(timezone.localdate()).select_related("user")
    made: list[tuple[Member, str]] = []
    if request.method == "POST":
        chosen = set(request.POST.getlist("members"))
        with transaction.atomic():
            for member in serving.filter(user__isnull=True):
                if chosen and str(member.pk) not in chosen:
                    continue
                user = portal_account(
                    member.name, MEMBER, f"{member.name}{member.term}", f"{member.name}-{member.pk}"
                )
                member.user = user
                member.save(update_fields=["user", "version"])
                made.append((member, password_link(request, user)))
        messages.success(request, f"已为{len(made)}名组成人员建立账号。")
    return render(
        request,
        "meetings/member_accounts.html",
        {"serving": serving.order_by("start", "pk"), "made": made},
    )
