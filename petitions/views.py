from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from congress.accounts.models import unit_of

from .models import Petition

# --- 转办单位: the unit a petition was forwarded to reads it and reports it handled ----------


class CloseForm(forms.Form):
    closed = forms.DateField(label="办结日期", initial=timezone.localdate)
    result = forms.CharField(label="办理结果", widget=forms.Textarea(attrs={"rows": 5}))


def get_petition_for_unit(request: HttpRequest, pk: int) -> Petition:
    """A petition forwarded to the user's unit; 404 for any other, 403 without a unit."""
    unit = unit_of(request.user)
    if unit is None or not request.user.has_perm("petitions.handle_petition"):
        raise PermissionDenied
    return get_object_or_404(Petition, pk=pk, unit=unit)


@require_http_methods(["GET", "HEAD"])
def unit_petitions(request: HttpRequest) -> HttpResponse:
    unit = unit_of(request.user)
    if unit is None or not request.user.has_perm("petitions.handle_petition"):
        raise PermissionDenied
    rows = Petition.objects.filter(unit=unit).order_by("state", "-date")
    if request.GET.get("open"):
        rows = rows.exclude(state=Petition.State.CLOSED)
    return render(request, "petitions/unit_list.html", {"rows": rows, "unit": unit})


@require_http_methods(["GET", "HEAD", "POST"])
def unit_petition(request: HttpRequest, pk: int) -> HttpResponse:
    petition = get_petition_for_unit(request, pk)
    form = CloseForm(request.POST or None)
    if request.method == "POST":
        if petition.state == Petition.State.CLOSED:
            form.add_error(None, "该信访已办结。")
        elif form.is_valid():
            petition.state = Petition.State.CLOSED
            petition.closed = form.cleaned_data["closed"]
            petition.result = form.cleaned_data["result"].strip()
            try:
                petition.full_clean()
            except ValidationError as exc:
                petition.refresh_from_db()  # nothing changes; the form shows why
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                petition.save()
                messages.success(request, f"已报告办结：{petition.number}")
                return redirect("unit_petitions")
    return render(
        request,
        "petitions/unit_detail.html",
        {"object": petition, "form": form},
        status=400 if request.method == "POST" else 200,
    )
