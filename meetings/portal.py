"""组成人员's portal: the meetings a member attends, their notices and materials, on a phone.
A member sees only their own meetings (404 for any other), and nothing of the office's pages."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from congress.accounts.roles import is_member_user
from congress.records.uploads import serve

from .models import Meeting, MeetingDocument, Member


def member_required(view):
    """A committee member's account, linked to its member record (403 for anyone else)."""

    def wrapped(request: HttpRequest, *args, **kwargs):
        if not is_member_user(request.user) or not request.user.has_perm("meetings.attend_meeting"):
            raise PermissionDenied
        if not Member.objects.filter(user=request.user).exists():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return login_required(wrapped)


def member_of(request: HttpRequest) -> Member:
    return Member.objects.get(user=request.user)


def get_meeting_for_member(request: HttpRequest, pk: int) -> Meeting:
    """One of the member's meetings; 404 for any other, so that its existence is not told."""
    return get_object_or_404(Meeting.objects.for_member(member_of(request)), pk=pk)


@require_GET
@member_required
def member_meetings(request: HttpRequest) -> HttpResponse:
    """我的会议: coming meetings first, then the year's past ones."""
    today = timezone.localdate()
    mine = Meeting.objects.for_member(member_of(request))
    return render(
        request,
        "meetings/member_meetings.html",
        {
            "coming": mine.filter(date__gte=today).order_by("date"),
            "past": mine.filter(date__lt=today, date__year__gte=today.year - 1).order_by("-date"),
        },
    )


@require_GET
@member_required
def member_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_member(request, pk)
    return render(
        request,
        "meetings/member_meeting.html",
        {
            "meeting": meeting,
            "agenda": meeting.agenda.all(),
            "documents": meeting.documents.all(),
            "pack": meeting.packs.filter(status="已完成").first(),
        },
    )


@require_GET
@member_required
def member_notice(request: HttpRequest, pk: int) -> HttpResponse:
    """The notice as issued; none before it is."""
    from .notices import notice_pdf

    meeting = get_meeting_for_member(request, pk)
    if not meeting.notice_number:
        raise Http404
    return _pdf(notice_pdf(meeting).data, f"{meeting.notice_number}.pdf")


@require_GET
@member_required
def member_document(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(MeetingDocument, pk=pk)
    get_meeting_for_member(request, document.meeting_id)
    return serve(document.file)


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(filename)}"
    return response


@require_GET
@member_required
def member_pack(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting's latest pack of materials."""
    meeting = get_meeting_for_member(request, pk)
    job = meeting.packs.filter(status="已完成").first()
    if job is None or not job.file:
        raise Http404
    return serve(job.file)
