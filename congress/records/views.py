"""The staff's record pages: list, detail, create, edit and delete, one set per record kind.

Each app declares a ``RecordKind`` per model (its form, filters, list columns) and gets its
URLs from ``urls_for``. Permissions are the model's own Django permissions, held through the
role groups, so leadership (view only) reads the same pages that staff edit.
"""

from __future__ import annotations

import re
import uuid

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, models, transaction
from django.db.models import Model, ProtectedError
from django.forms import HiddenInput
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from congress.accounts.roles import staff_required
from congress.records import confirm
from congress.records.kinds import EXPORTERS, LIST_SCOPES, RecordKind
from congress.records.models import Submission

ONCE = re.compile(r"[0-9a-f]{32}")
PAGE_SIZE = 50


def _check(request: HttpRequest, kind: RecordKind, action: str) -> None:
    if not request.user.has_perm(kind.perm(action)):
        raise PermissionDenied


def get_record_for_user(request: HttpRequest, kind: RecordKind, pk: int, action: str = "view"):
    """The record, or 404 when it does not exist and 403 when the user may not touch it."""
    _check(request, kind, action)
    return get_object_or_404(kind.queryset(), pk=pk)


def _sort(request: HttpRequest, kind: RecordKind) -> tuple[str, str]:
    allowed = {c.order for c in kind.columns if c.order}
    wanted = request.GET.get("o", "")
    if wanted.lstrip("-") in allowed:
        return wanted, wanted
    return kind.default_order, ""


@require_http_methods(["GET", "HEAD"])
@staff_required
def list_view(request: HttpRequest, kind: RecordKind) -> HttpResponse:
    _check(request, kind, "view")
    filterset = kind.filtered(request.GET)
    if not request.GET and filterset.yearly and "year" in filterset.filters:
        # Opened from the menu: the year the office is working in. An empty 年度 (a link's
        # `?year=` or the 全部年度 link) keeps every year.
        return redirect(f"{request.path}?year={timezone.localdate().year}")
    order, current = _sort(request, kind)
    qs = (
        filterset.qs.order_by(order, "-pk")
        if (not filterset.is_bound or filterset.is_valid())
        else kind.model.objects.none()
    )
    scope, total = None, None
    if request.GET.get("figure"):
        name = request.GET["figure"]
        scope = next(
            (s for find in LIST_SCOPES.values() if (s := find(kind.key, name, request.GET))),
            None,
        )
        if scope is None:
            messages.warning(request, f"“{request.GET['figure'][:30]}”不是这一列表的统计数字。")
        else:
            qs = scope.restrict(qs)
            if scope.total:
                # A sum's list shows its total, so a tile and its list never seem to disagree.
                total = scope.total(kind.model._default_manager.filter(pk__in=qs.values("pk")))
    if request.GET.get("format") == "xlsx" and kind.exportable:
        return EXPORTERS[kind.model](qs)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = _rows_html(kind, page.object_list)
    params = request.GET.copy()
    params.pop("page", None)
    sort_params = params.copy()
    sort_params.pop("o", None)
    return render(
        request,
        "crud/list.html",
        {
            "kind": kind,
            "filter": filterset,
            "page": page,
            "rows": rows,
            "columns": kind.columns,
            "current_order": current,
            "query": params.urlencode(),
            "sort_query": sort_params.urlencode(),
            "can_add": request.user.has_perm(kind.perm("add")),
            "scope": scope,
            "total": total,
            "year": _year_shown(filterset),
        },
    )


PK_MARK = "918273645"


def _rows_html(kind: RecordKind, objects) -> str:
    """The list's rows as HTML, written here rather than by the template: a page of 50 rows of
    seven columns is 350 cells, and the template language spent most of the page's time on
    them. Each value is shown as a template would show it (local time, localized, escaped)."""
    from django.utils.formats import localize
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe
    from django.utils.timezone import template_localtime

    # One reverse() for the page; each row's address is the same with its own id.
    detail = kind.url("detail", int(PK_MARK))
    labels = [conditional_escape(col.label) for col in kind.columns]
    out = []
    for obj in objects:
        cells = []
        for col, label in zip(kind.columns, labels, strict=True):
            value = conditional_escape(localize(template_localtime(col.value(obj))))
            if col.link:
                value = f'<a href="{detail.replace(PK_MARK, str(obj.pk))}">{value}</a>'
            cells.append(f'<td data-label="{label}">{value}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    return mark_safe("\n".join(out))  # noqa: S308 - every value escaped above


def _year_shown(filterset) -> int | None:
    if not filterset.yearly or not filterset.is_bound or not filterset.is_valid():
        return None
    year = filterset.form.cleaned_data.get("year")
    return int(year) if year is not None else None


@require_http_methods(["GET", "HEAD"])
@staff_required
def detail_view(request: HttpRequest, kind: RecordKind, pk: int) -> HttpResponse:
    obj = get_record_for_user(request, kind, pk)
    names = kind.detail_fields or [
        f.name
        for f in kind.model._meta.get_fields()
        if f.concrete and not f.auto_created and f.name not in ("version",)
    ]
    fields = []
    for name in names:
        f = kind.model._meta.get_field(name)
        if f.many_to_many:
            value = "、".join(str(o) for o in getattr(obj, name).all())
        elif f.choices:
            value = getattr(obj, f"get_{name}_display")()
        elif isinstance(f, models.FileField):
            # The file's own name, never where it is stored.
            stored = getattr(obj, name)
            value = stored.name.rsplit("/", 1)[-1] if stored else ""
        elif f.is_relation and f.related_model is get_user_model():
            person = getattr(obj, name)
            value = (person.get_full_name() or person.username) if person else ""
        else:
            value = getattr(obj, name)
        fields.append((f.verbose_name, value, f))
    # Empty fields are not rows of "—": the people who edit the record read which are still to
    # be filled in one line; everyone else sees what the record says.
    unfilled = [label for label, value, _f in fields if value is None or value == ""]
    context = {
        "kind": kind,
        "object": obj,
        "fields": [row for row in fields if not (row[1] is None or row[1] == "")],
        "unfilled": unfilled,
        "can_change": request.user.has_perm(kind.perm("change")),
        "can_delete": request.user.has_perm(kind.perm("delete")),
    }
    if kind.detail_context:
        context.update(kind.detail_context(obj))
    from congress.records.history import record_history

    context["history"] = record_history(obj)
    return render(request, kind.detail_template, context)


class Conflict(Exception):
    """The record changed since the form was opened."""


def _check_version(kind: RecordKind, obj: Model, posted: str) -> None:
    current = (
        kind.model.objects.select_for_update()
        .filter(pk=obj.pk)
        .values_list("version", flat=True)
        .first()
    )
    if current is not None and str(current) != posted:
        raise Conflict(_conflict_message(obj, posted))


def _conflict_message(obj: Model, posted: str) -> str:
    newer = list(obj.history.select_related("history_user").order_by("-history_date")[:20])
    base = next((h for h in newer if str(h.version) == posted), None)
    latest = newer[0] if newer else None
    changed = ""
    if latest is not None and base is not None and latest.pk != base.pk:
        names = [
            str(obj._meta.get_field(c.field).verbose_name)
            for c in latest.diff_against(base).changes
        ]
        changed = "（修改了：" + "、".join(names) + "）" if names else ""
    who = ""
    if latest is not None:
        user = latest.history_user
        who = (
            f"已被{user.get_full_name() or user.username if user else '他人'}"
            f"于{timezone.localtime(latest.history_date):%Y-%m-%d %H:%M}修改{changed}"
        )
    return (
        f"保存失败：您编辑期间，这条记录{who or '已被他人修改'}。您的修改尚未保存。"
        "请在下方逐项选择保留同事的内容还是使用您的内容，再保存。"
    )


def _shown(form, name: str, value) -> str:
    """A form value as a person reads it (a choice's label, a related record's name)."""
    field = form.fields[name]
    if value in (None, "", []):
        return "（空）"
    if hasattr(field, "queryset"):
        pks = value if isinstance(value, list | tuple) else [value]
        pks = [getattr(v, "pk", v) for v in pks]
        return "、".join(str(o) for o in field.queryset.filter(pk__in=pks)) or "（空）"
    choices = dict(getattr(field, "choices", []) or [])
    if choices and value in choices:
        return str(choices[value])
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _theirs(kind: RecordKind, current: Model) -> dict:
    """The current record's values as its form would post them."""
    fresh = kind.form(instance=current)
    out = {}
    for name, form_field in fresh.fields.items():
        value = fresh.initial.get(name, form_field.initial)
        if hasattr(value, "all"):
            value = list(value.all())
        out[name] = value
    return out


def _comparison(kind: RecordKind, form, current: Model) -> list[dict]:
    """Field by field: what the colleague saved and what this user typed, where they differ."""
    theirs = _theirs(kind, current)
    rows = []
    for name in form.fields:
        if isinstance(form.fields[name].widget, HiddenInput) or name not in theirs:
            continue
        raw_yours = (
            form.data.getlist(name) if hasattr(form.data, "getlist") else form.data.get(name)
        )
        yours = form.fields[name].widget.value_from_datadict(
            form.data, form.files, form.add_prefix(name)
        )
        try:
            yours_clean = form.fields[name].clean(yours)
        except Exception:  # noqa: BLE001 - shown as typed when it does not validate
            yours_clean = raw_yours
        theirs_clean = theirs[name]
        if _normal(yours_clean) == _normal(theirs_clean):
            continue
        rows.append(
            {
                "name": name,
                "label": form.fields[name].label,
                "theirs": _shown(form, name, theirs_clean),
                "yours": _shown(form, name, yours_clean),
            }
        )
    return rows


def _normal(value):
    if hasattr(value, "all"):
        value = list(value.all())
    if isinstance(value, list | tuple):
        return sorted(str(getattr(v, "pk", v)) for v in value)
    if value in (None, ""):
        return ""
    return str(getattr(value, "pk", value))


def _apply_picks(request: HttpRequest, kind: RecordKind, obj: Model):
    """On the second save after a conflict: the fields where the user kept the colleague's
    content take the record's current values; a differing field without a choice is an error."""
    data = request.POST.copy()
    theirs = _theirs(kind, kind.model.objects.get(pk=obj.pk))
    missing = []
    for name in request.POST.getlist("_conflict_fields"):
        pick = request.POST.get(f"pick:{name}")
        if pick == "theirs" and name in theirs:
            value = theirs[name]
            if isinstance(value, list | tuple):
                data.setlist(name, [str(getattr(v, "pk", v)) for v in value])
            elif isinstance(value, bool):
                if value:
                    data[name] = "on"
                else:
                    data.pop(name, None)
            elif hasattr(value, "isoformat"):
                data[name] = value.isoformat()
            else:
                data[name] = "" if value is None else str(getattr(value, "pk", value))
        elif pick != "yours":
            missing.append(name)
    return data, missing


def _edit(request: HttpRequest, kind: RecordKind, obj: Model | None) -> HttpResponse:
    # The year before the form changes the instance: moving a record out of a published year
    # changes that year too.
    year_before = confirm.year_of(obj) if obj is not None else None
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    missing: list[str] = []
    if data is not None and obj is not None and request.POST.get("_conflict_fields"):
        data, missing = _apply_picks(request, kind, obj)
    initial = (
        {k: v for k, v in request.GET.items() if k in kind.form.base_fields} if not obj else None
    )
    form = kind.form(data, files, instance=obj, initial=initial)
    formsets = [
        (title, fs(data, files, instance=obj or kind.model())) for title, fs in kind.formsets
    ]
    version = getattr(obj, "version", None)
    status = 200
    comparison: list[dict] = []
    to_confirm = ""
    if missing:
        form.is_valid()
        form.add_error(None, "请对每一处不同逐项选择：保留同事的内容，或使用您的内容。")
        comparison = _comparison(kind, form, kind.model.objects.get(pk=obj.pk))
        version = request.POST.get("_version")
        status = 409
    elif request.method == "POST":
        status = 400
        once = request.POST.get("_once", "") if obj is None else ""
        once = once if ONCE.fullmatch(once) else ""  # only a token this page could have given
        earlier = _submitted(once)
        if earlier is not None:
            messages.info(request, "这份表单已经保存过，没有重复保存。")
            return redirect(earlier)
        valid = form.is_valid() and all(f.is_valid() for _, f in formsets)
        if valid:
            to_confirm = confirm.needed(year_before, form.instance)
            if to_confirm and not request.POST.get(confirm.FIELD):
                form.add_error(None, to_confirm)
                status, valid = 409, False
        if valid:
            try:
                with transaction.atomic():
                    if obj is not None and version is not None:
                        _check_version(kind, obj, request.POST.get("_version", ""))
                    # Taken first, in the same transaction: a second submission of this form
                    # waits here for the first, then finds the token taken and rolls back.
                    submission = Submission.objects.create(token=once) if once else None
                    saved = form.save()
                    for _, fs in formsets:
                        fs.instance = saved
                        fs.save()
                    if obj is None and kind.on_create is not None:
                        kind.on_create(saved, request.user)
                    if submission is not None:
                        submission.target = kind.url("detail", saved.pk)
                        submission.save(update_fields=["target"])
            except Conflict as exc:
                form.add_error(None, str(exc))
                current = kind.model.objects.get(pk=obj.pk)
                version = current.version
                comparison = _comparison(kind, form, current)
                status = 409
            except IntegrityError:
                earlier = _submitted(once)
                if earlier is not None:
                    messages.info(request, "这份表单已经保存过，没有重复保存。")
                    return redirect(earlier)
                # Two saves of the same new record (two colleagues at once): the second meets
                # the first's unique key, and is told so.
                form.add_error(
                    None,
                    f"已有相同的{kind.label}（可能是重复提交或同事刚刚录入）。请在列表中查看，"
                    "确认不是重复后修改名称或日期再保存。",
                )
                status = 409
            else:
                messages.success(request, f"已保存{kind.label}：{saved}")
                # What a form noticed without refusing it (a number that skips the sequence).
                for notice in getattr(form, "notices", []):
                    messages.warning(request, notice)
                return redirect(kind.url("detail", saved.pk))
    return render(
        request,
        "crud/form.html",
        {
            "kind": kind,
            "form": form,
            "formsets": formsets,
            "object": obj,
            "version": version,
            "comparison": comparison,
            "to_confirm": to_confirm,
            # A new record's form carries a token of its own: submitted twice, it saves once.
            "once": "" if obj is not None else uuid.uuid4().hex,
        },
        status=status,
    )


def _submitted(token: str) -> str | None:
    """Where the record a form with this token created is shown, if it was submitted before."""
    if not token:
        return None
    found = Submission.objects.filter(token=token).values_list("target", flat=True).first()
    return found or None


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def create_view(request: HttpRequest, kind: RecordKind) -> HttpResponse:
    _check(request, kind, "add")
    return _edit(request, kind, None)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def edit_view(request: HttpRequest, kind: RecordKind, pk: int) -> HttpResponse:
    obj = get_record_for_user(request, kind, pk, "change")
    return _edit(request, kind, obj)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def delete_view(request: HttpRequest, kind: RecordKind, pk: int) -> HttpResponse:
    obj = get_record_for_user(request, kind, pk, "delete")
    error = ""
    to_confirm = confirm.needed(obj)
    if request.method == "POST" and to_confirm and not request.POST.get(confirm.FIELD):
        error = "请先确认：" + to_confirm
    elif request.method == "POST":
        try:
            with transaction.atomic():
                obj.delete()
        except ProtectedError as exc:
            linked = "、".join(sorted({str(o) for o in exc.protected_objects})[:5])
            error = f"不能删除：仍有记录关联到它（{linked}）。请先修改或删除这些记录。"
        else:
            messages.success(request, f"已删除{kind.label}：{obj}")
            return redirect(kind.url("list"))
    return render(
        request,
        "crud/confirm_delete.html",
        {
            "kind": kind,
            "object": obj,
            "error": error,
            "to_confirm": to_confirm,
        },
        status=409 if error else 200,
    )


def urls_for(kind: RecordKind) -> list:
    k = {"kind": kind}
    return [
        path(f"{kind.key}/", list_view, k, name=f"{kind.key}_list"),
        path(f"{kind.key}/new/", create_view, k, name=f"{kind.key}_create"),
        path(f"{kind.key}/<int:pk>/", detail_view, k, name=f"{kind.key}_detail"),
        path(f"{kind.key}/<int:pk>/edit/", edit_view, k, name=f"{kind.key}_edit"),
        path(f"{kind.key}/<int:pk>/delete/", delete_view, k, name=f"{kind.key}_delete"),
    ]
