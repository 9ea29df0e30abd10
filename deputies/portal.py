"""人大代表's own pages in the deputies app: the activities the office opened for signing up,
each answered with 报名 or 请假. ``deputy_of`` is the one way every deputy page (here and in the
suggestions app) finds the deputy behind an account."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from congress.accounts.roles import is_deputy_user

from .models import Activity, Deputy, Enrolment


def deputy_of(request: HttpRequest) -> Deputy:
    """The deputy record behind the account, in office; 403 for anyone else."""
    user = request.user
    if not is_deputy_user(user) or not user.has_perm("proposals.represent_suggestion"):
        raise PermissionDenied
    deputy = Deputy.objects.filter(user=user).first()
    # 资格终止: the account reads nothing from that day, though its records stay.
    if deputy is None or deputy.status == Deputy.Status.ENDED:
        raise PermissionDenied
    return deputy


def deputy_required(view):
    def wrapped(request: HttpRequest, *args, **kwargs):
        deputy_of(request)
        return view(request, *args, **kwargs)

    wrapped.__name__, wrapped.__doc__ = view.__name__, view.__doc__
    return login_required(wrapped)


def open_activities(today=None):
    """Activities a deputy may still answer: open for signing up, today or later."""
    return Activity.objects.filter(signup=True, date__gte=today or timezone.localdate())


def get_activity_for_deputy(request: HttpRequest, pk: int) -> Activity:
    """An activity open for signing up; 404 for any other (a past one, one never opened)."""
    deputy_of(request)
    return get_object_or_404(open_activities(), pk=pk)


class EnrolForm(forms.Form):
    answer = forms.ChoiceField(label="答复", choices=Enrolment.Answer.choices)
    reason = forms.CharField(label="请假事由", required=False, max_length=200)


@require_GET
@deputy_required
def deputy_activities(request: HttpRequest) -> HttpResponse:
    """近期活动: what the office opened for signing up, with the deputy's own answer."""
    deputy = deputy_of(request)
    answers = {e.activity_id: e for e in Enrolment.objects.filter(deputy=deputy)}
    activities = open_activities().order_by("date", "pk")
    unanswered = request.GET.get("unanswered") == "1"
    if unanswered:
        # The home's count opens exactly what it counted.
        activities = activities.exclude(pk__in=list(answers))
    rows = [(a, answers.get(a.pk)) for a in activities]
    return render(
        request, "deputies/deputy_activities.html", {"rows": rows, "unanswered": unanswered}
    )


@require_POST
@deputy_required
def deputy_enrol(request: HttpRequest, pk: int) -> HttpResponse:
    """报名 or 请假 (with its reason); answering again replaces the answer, until the day."""
    deputy = deputy_of(request)
    activity = get_activity_for_deputy(request, pk)
    form = EnrolForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择报名或请假。")
        return redirect("deputy_activities")
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().filter(
            activity=activity, deputy=deputy
        ).first() or Enrolment(activity=activity, deputy=deputy)
        enrolment.answer = form.cleaned_data["answer"]
        enrolment.reason = form.cleaned_data["reason"].strip()
        try:
            enrolment.full_clean()
        except ValidationError as e:
            messages.error(request, "；".join(m for ms in e.message_dict.values() for m in ms))
            return redirect("deputy_activities")
        enrolment.save()
    messages.success(request, f"已{enrolment.answer}：{activity.name}")
    return redirect("deputy_activities")
