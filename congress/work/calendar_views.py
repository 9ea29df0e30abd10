"""节假日安排: which years the working-day calendar covers, and a year's notice entered by an
administrator where the calendar library does not reach yet."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from congress.accounts.roles import perm_required, staff_required
from congress.work import workdays
from congress.work.models import HolidayNotice


class NoticeForm(forms.ModelForm):
    class Meta:
        model = HolidayNotice
        fields = ["text", "source"]
        widgets = {"text": forms.Textarea(attrs={"rows": 14})}


@require_http_methods(["GET", "HEAD"])
@staff_required
@perm_required("congress.view_holidaynotice")
def holidays(request: HttpRequest) -> HttpResponse:
    this_year = timezone.localdate().year
    years = [(y, workdays.covered(y)) for y in range(this_year - 1, this_year + 3)]
    first, last = workdays.library_years()
    return render(
        request,
        "congress/holidays.html",
        {
            "years": years,
            "library": (first, last),
            "notices": HolidayNotice.objects.all(),
            "can_edit": request.user.has_perm("congress.add_holidaynotice"),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
@perm_required("congress.add_holidaynotice")
@perm_required("congress.change_holidaynotice")
def holiday_notice(request: HttpRequest, year: int) -> HttpResponse:
    if not 1949 <= year <= 2100:
        raise Http404
    notice = HolidayNotice.objects.filter(year=year).first() or HolidayNotice(year=year)
    form = NoticeForm(request.POST or None, instance=notice)
    if request.method == "POST" and form.is_valid():
        form.save()
        workdays.forget(year)
        messages.success(request, f"{year}年节假日安排已保存，工作日期限将按此计算。")
        return redirect("holidays")
    return render(
        request,
        "congress/holiday_notice.html",
        {"form": form, "year": year, "library": workdays.covered(year) == "日历库"},
        status=400 if request.method == "POST" else 200,
    )
