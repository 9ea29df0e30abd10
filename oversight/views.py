from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from congress.accounts.models import require_unit
from congress.accounts.roles import perm_required, staff_required
from congress.records.uploads import serve

from .kinds import opinions
from .models import (
    OpinionDocument,
    OversightDocument,
    ReviewOpinion,
)


@require_http_methods(["GET", "HEAD"])
@staff_required
def opinions_overdue(request: HttpRequest) -> HttpResponse:
    """审议意见 whose report is late: the opinions list, filtered."""
    return redirect(opinions.list_url(overdue="true"))


@require_http_methods(["GET", "HEAD"])
@staff_required
@perm_required("oversight.view_oversightitem")
def oversight_document(request: HttpRequest, pk: int) -> HttpResponse:
    return serve(get_object_or_404(OversightDocument, pk=pk).file)


@require_http_methods(["GET", "HEAD"])
def opinion_report_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The body's report: staff, or the unit the opinion was sent to."""
    if request.user.has_perm("oversight.view_reviewopinion"):
        opinion = get_object_or_404(ReviewOpinion, pk=pk)
    elif request.user.has_perm("oversight.handle_reviewopinion"):
        opinion = get_object_or_404(ReviewOpinion, pk=pk, unit=require_unit(request.user))
    else:
        raise PermissionDenied
    return serve(opinion.report_file)


@require_http_methods(["GET", "HEAD"])
def opinion_document(request: HttpRequest, pk: int) -> HttpResponse:
    """An opinion's attachment: staff, or the unit the opinion was sent to (404 for others)."""
    if request.user.has_perm("oversight.view_reviewopinion"):
        doc = get_object_or_404(OpinionDocument, pk=pk)
    elif request.user.has_perm("oversight.handle_reviewopinion"):
        doc = get_object_or_404(OpinionDocument, pk=pk, opinion__unit=require_unit(request.user))
    else:
        raise PermissionDenied
    return serve(doc.file)


@require_http_methods(["POST"])
@staff_required
@perm_required("oversight.add_reviewopinion")
def meeting_opinions(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    """起草审议意见: one for each work heard at the meeting that has none yet."""
    from django.contrib import messages
    from django.utils import timezone

    from meetings.models import Meeting

    from .services import draft_opinions

    meeting = get_object_or_404(Meeting, pk=meeting_pk)
    made = draft_opinions(meeting, timezone.localdate())
    if made:
        messages.success(request, f"已起草{len(made)}份审议意见，请补充意见内容后送达。")
    else:
        messages.info(request, "本次会议听取审议的工作都已有审议意见。")
    return redirect(
        opinions.list_url(source=made[0].source_id) if len(made) == 1 else opinions.list_url()
    )
