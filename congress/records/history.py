"""修改记录: who changed what and when, from django-simple-history; the recycle bin."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from congress.accounts.roles import ADMIN, has_role, staff_required
from congress.records.kinds import KINDS

TYPES = {"+": "新建", "~": "修改", "-": "删除"}
HIDDEN = {"version"}


def _label(model, field: str) -> str:
    try:
        return str(model._meta.get_field(field).verbose_name)
    except Exception:  # noqa: BLE001 - a field removed since
        return field


def person(user) -> str:
    """A person as colleagues know them: the name, else the login."""
    if user is None:
        return "系统"
    return user.get_full_name() or user.first_name or user.username


def _shown(model, field: str, value) -> str:
    """A changed value as a person reads it: a related record's name, a choice's label."""
    if value in (None, ""):
        return ""
    try:
        f = model._meta.get_field(field)
    except Exception:  # noqa: BLE001 - a field removed since
        return str(value)
    if f.is_relation and f.many_to_one:
        related = f.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else f"（已删除的记录 {value}）"
    if getattr(f, "choices", None):
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "是" if value else "否"
    from django.db import models

    if isinstance(f, models.FileField):
        # The file's own name, never where it is stored.
        return str(getattr(value, "name", value)).rsplit("/", 1)[-1]
    return str(value)


def record_history(obj, limit: int = 30) -> list[dict]:
    """A record's changes, newest first, field by field."""
    if not hasattr(obj, "history"):
        return []
    entries = list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    rows = []
    for new, old in zip(entries[:limit], [*entries[1:], None], strict=False):
        changes = []
        if old is not None and new.history_type == "~":
            model = type(obj)
            changes = [
                (
                    _label(model, c.field),
                    _shown(model, c.field, c.old),
                    _shown(model, c.field, c.new),
                )
                for c in new.diff_against(old).changes
                if c.field not in HIDDEN
            ]
        rows.append(
            {
                "when": new.history_date,
                "who": person(new.history_user),
                "type": TYPES.get(new.history_type, new.history_type),
                "changes": changes,
            }
        )
    return rows


def _require_admin(request: HttpRequest) -> None:
    if not (request.user.is_superuser or has_role(request.user, ADMIN)):
        raise PermissionDenied


def _history_models():
    return [(kind, kind.model) for kind in KINDS.values() if hasattr(kind.model, "history")]


@require_GET
@staff_required
def changes(request: HttpRequest) -> HttpResponse:
    """All changes, by user and date, for administrators."""
    from django.contrib.auth.models import User

    _require_admin(request)
    chosen = request.GET.get("user", "")
    try:
        day = datetime.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        day = None
    rows = []
    for kind, model in _history_models():
        qs = model.history.select_related("history_user").order_by("-history_date")
        if chosen:
            qs = qs.filter(history_user__username=chosen)
        if day:
            qs = qs.filter(history_date__date=day)
        rows += [(h.history_date, kind, h) for h in qs[:100]]
    rows.sort(key=lambda r: r[0], reverse=True)
    return render(
        request,
        "congress/changes.html",
        {
            "rows": [
                {
                    "when": when,
                    "kind": kind,
                    "entry": h,
                    "type": TYPES[h.history_type],
                    "who": person(h.history_user),
                }
                for when, kind, h in rows[:200]
            ],
            # "user" would hide the logged-in user from the page's menu: the filter is "chosen".
            "people": [(u.username, person(u)) for u in User.objects.order_by("username")],
            "chosen": chosen,
            "date": day,
        },
    )


@require_GET
@staff_required
def recycle_bin(request: HttpRequest) -> HttpResponse:
    """回收站: deleted records, which administrators can restore."""
    _require_admin(request)
    rows = []
    for kind, model in _history_models():
        deleted = model.history.filter(history_type="-").select_related("history_user")
        existing = set(
            model.objects.filter(pk__in=deleted.values("id")).values_list("pk", flat=True)
        )
        rows += [
            {"kind": kind, "entry": h, "when": h.history_date, "who": h.history_user}
            for h in deleted.order_by("-history_date")[:100]
            if h.id not in existing
        ]
    rows.sort(key=lambda r: r["when"], reverse=True)
    return render(request, "congress/recycle_bin.html", {"rows": rows})


@require_POST
@staff_required
def restore(request: HttpRequest, kind_key: str, history_id: int) -> HttpResponse:
    _require_admin(request)
    kind = KINDS.get(kind_key)
    if kind is None or not hasattr(kind.model, "history"):
        raise Http404
    entry = kind.model.history.filter(history_id=history_id, history_type="-").first()
    if entry is None or kind.model.objects.filter(pk=entry.id).exists():
        raise Http404
    try:
        with transaction.atomic():
            obj = entry.instance
            obj.save(force_insert=True)
    except IntegrityError:
        messages.error(request, "无法恢复：已有相同的记录，或它关联的记录已被删除。")
        return redirect("recycle_bin")
    messages.success(request, f"已恢复{kind.label}：{obj}（{timezone.localdate()}）")
    return redirect(kind.url("detail", obj.pk))
