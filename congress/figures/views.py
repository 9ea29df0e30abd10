"""The annual report in the browser: the office's text beside its live preview, the office's
own figures, the jobs, and the PDF and Word files."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from congress.accounts.roles import perm_required, staff_required
from congress.figures.figureset import figure_names, year_values
from congress.figures.models import OwnFigure
from congress.figures.own import dumps
from congress.figures.services import replace_own_figures
from congress.records.years import year_or_404


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
        # PostgreSQL keeps no NUL in text or JSON: refused here rather than failing the save.
        if "\x00" in raw or "\\u0000" in raw.lower():
            raise ValidationError("定义中含有无效字符（NUL）。")
        try:
            items = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ValidationError(
                f"不是有效的 JSON：第{exc.lineno}行第{exc.colno}列，{exc.msg}"
            ) from exc
        except RecursionError as exc:
            raise ValidationError("定义嵌套层次过深，不是统计数字的定义。") from exc
        from congress.figures.builtin import builtin_by_name
        from congress.figures.own import parse_definitions

        parse_definitions(items, set(builtin_by_name()))
        return items

    def clean(self):
        data = super().clean()
        items = data.get("definitions")
        if items is None:
            return data
        known = set(figure_names()) | {str(i.get("名称", "")).strip() for i in items}
        wanted = [line.strip() for line in data.get("tiles", "").splitlines() if line.strip()]
        unknown = [n for n in wanted if n not in known]
        if unknown:
            self.add_error("tiles", f"未知的统计数字：{'、'.join(unknown)}")
        if len(set(wanted)) != len(wanted):
            self.add_error("tiles", "同一个统计数字只能出现一次")
        data["tiles"] = wanted
        return data


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
@perm_required("congress.view_ownfigure")
def own_figures(request: HttpRequest) -> HttpResponse:
    """本单位统计数字: the office's own figures in the ledger's words, and the dashboard's tiles."""
    from congress.accounts.models import Profile
    from congress.figures.dashboard import tile_names

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
                profile = Profile.get()
                profile.tiles = form.cleaned_data["tiles"]
                profile.save(update_fields=["tiles"])
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
            "builtin": sorted(n for n in figure_names() if n not in {i.get("名称") for i in items}),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_GET
@staff_required
def figure_parts(request: HttpRequest, name: str, year: int) -> HttpResponse:
    """A figure that adds up other figures: each part and the list behind it."""
    year_or_404(year)
    from congress.figures.own import parse_definitions  # noqa: F401 - the definitions are checked

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
    from congress.figures.figureset import own_figures as load

    return load()
