from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Case, Count, Q, When
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from congress.accounts.models import Unit, require_unit, unit_of
from congress.accounts.roles import perm_required, staff_required
from congress.records.filters import is_id
from congress.records.years import parse_year

from . import services
from .actions import STAFF_ACTIONS, UNIT_ACTIONS, Action
from .kinds import suggestions
from .models import Suggestion, SuggestionQuerySet

S = Suggestion.State


def _run(
    request: HttpRequest, s: Suggestion, action: Action, unit: Unit | None, back: str, template: str
) -> HttpResponse:
    form = action.form(request.POST, request.FILES)
    if form.is_valid():
        try:
            action.run(s, request.user, form.cleaned_data, unit)
        except services.WorkflowError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"已{action.label}：{s}")
            return redirect(back)
    return render(request, template, {"object": s, "action": action, "form": form}, status=400)


@require_POST
@staff_required
@perm_required("proposals.change_suggestion")
def suggestion_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """A staff move on a suggestion: assign, reject, withdraw, opinion, close, key, litigation."""
    if action not in STAFF_ACTIONS:
        raise Http404
    s = get_object_or_404(Suggestion, pk=pk)
    return _run(
        request,
        s,
        STAFF_ACTIONS[action],
        None,
        suggestions.url("detail", s.pk),
        "proposals/action_form.html",
    )


@require_http_methods(["GET", "HEAD"])
@staff_required
@perm_required("proposals.view_suggestion")
def units_table(request: HttpRequest) -> HttpResponse:
    """承办单位办理情况: per unit, assigned, answered, overdue and satisfied; worst first."""
    year = _year(request)
    return render(
        request,
        "proposals/units.html",
        {
            "rows": services.unit_table(year),
            "year": year,
        },
    )


@require_http_methods(["GET", "HEAD"])
@staff_required
def suggestions_overdue(request: HttpRequest) -> HttpResponse:
    return redirect(suggestions.list_url(overdue="true"))


def _year(request: HttpRequest) -> int | None:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return None


# --- the handling units' portal -----------------------------------------------------------


def get_unit_for_user(request: HttpRequest) -> Unit:
    """The unit a 承办单位 account answers for; 403 for anyone else."""
    if not request.user.has_perm("proposals.handle_suggestion"):
        raise PermissionDenied
    unit = unit_of(request.user)
    if unit is None:
        raise PermissionDenied
    return unit


def get_suggestion_for_unit(request: HttpRequest, pk: int) -> tuple[Suggestion, Unit]:
    """A suggestion assigned to the user's unit; 404 for any other, so ids reveal nothing."""
    unit = get_unit_for_user(request)
    qs = Suggestion.objects.for_unit(unit).select_related("lead", "lead_unit")
    return get_object_or_404(qs, pk=pk), unit


STAGE_LABELS = SuggestionQuerySet.UNIT_STAGES


@require_http_methods(["GET", "HEAD"])
def portal(request: HttpRequest) -> HttpResponse:
    """承办单位门户: the unit's own suggestions, and nothing else (its review opinions are the
    oversight app's part of the portal)."""
    unit = get_unit_for_user(request)
    # Items still to be handled first, the nearest deadline at the top.
    waiting = Case(When(state=S.HANDLING, then=0), When(state=S.ANSWERED, then=1), default=2)
    qs = (
        Suggestion.objects.for_unit(unit)
        .select_related("lead", "lead_unit")
        .order_by(waiting, "deadline", "-date")
    )
    state = request.GET.get("state", "")
    if state in S.values:
        qs = qs.filter(state=state)
    todo = request.GET.get("todo", "")
    today = timezone.localdate()
    year = None
    if todo in SuggestionQuerySet.UNIT_STAGES:
        # A count on the home page: every year, so the list holds what the count said.
        waiting = Suggestion.objects.waiting_for(unit, todo, today)
        qs = qs.filter(pk__in=waiting.values("pk"))
    elif "year" not in request.GET:
        # This year's items, and the earlier years' still being handled.
        year = today.year
        qs = qs.filter(Q(date__year=year) | Q(state__in=[S.HANDLING, S.ANSWERED]))
    elif (chosen := parse_year(request.GET["year"])) is not None:
        year = chosen
        qs = qs.filter(date__year=year)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "proposals/portal.html",
        {
            "unit": unit,
            "page": page,
            "state": state,
            "states": S.choices,
            "today": today,
            "todo": todo,
            "todo_label": STAGE_LABELS.get(todo, ""),
            "year": year,
            "default_year": "year" not in request.GET and not todo,
        },
    )


@require_http_methods(["GET", "HEAD"])
def portal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    s, unit = get_suggestion_for_unit(request, pk)
    is_lead = s.lead_unit_id == unit.pk
    actions = [
        a
        for a in UNIT_ACTIONS.values()
        if is_lead and s.state in a.states and not (a.name == "accept" and s.accepted)
    ]
    return render(
        request,
        "proposals/portal_detail.html",
        {
            "object": s,
            "unit": unit,
            "is_lead": is_lead,
            "actions": actions,
            "events": s.events.select_related("user"),
            "assist": s.assist_units.all(),
            "return_deadline": services.return_deadline(s),
            "letters": s.letters.filter(unit=unit),
        },
    )


@require_POST
def portal_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in UNIT_ACTIONS:
        raise Http404
    s, unit = get_suggestion_for_unit(request, pk)
    back = "portal" if action == "return" else f"/portal/{s.pk}/"
    with transaction.atomic():
        return _run(request, s, UNIT_ACTIONS[action], unit, back, "proposals/portal_action.html")


@require_http_methods(["GET", "HEAD"])
def reply_file(request: HttpRequest, pk: int) -> FileResponse:
    """A reply's attachment, for staff and for the units the item is assigned to."""
    if request.user.has_perm("proposals.view_suggestion"):
        s = get_object_or_404(Suggestion, pk=pk)
    else:
        s, _unit = get_suggestion_for_unit(request, pk)
    if not s.reply_file:
        raise Http404
    name = s.reply_file.name.rsplit("/", 1)[-1]
    return FileResponse(s.reply_file.open("rb"), as_attachment=True, filename=name)


# --- 批量交办 and 交办函 ----------------------------------------------------------------------


def get_letter_for_user(request: HttpRequest, pk: int):
    """A letter: staff see every one, a unit only those addressed to it (404 otherwise)."""
    from .models import AssignmentLetter

    if request.user.has_perm("proposals.view_suggestion"):
        return get_object_or_404(AssignmentLetter, pk=pk)
    if request.user.has_perm("proposals.handle_suggestion"):
        return get_object_or_404(AssignmentLetter, pk=pk, unit=require_unit(request.user))
    raise PermissionDenied


def _batch_rows(request: HttpRequest, pending) -> tuple[list, list[str]]:
    """The picked rows as (suggestion, unit, deadline, assisting units), and every problem, each
    naming its row."""
    field = forms.DateField()
    units = {str(u.pk): u for u in Unit.objects.all()}
    errors: list[str] = []

    def day(raw: str, what: str):
        if not raw.strip():
            return None
        try:
            return field.clean(raw)
        except forms.ValidationError:
            errors.append(f"{what}：“{raw[:20]}”不是有效的日期")
            return None

    common_unit = units.get(request.POST.get("unit_all", ""))
    common_assist = [units[u] for u in request.POST.getlist("assist_all") if u in units]
    common_deadline = day(request.POST.get("deadline_all", ""), "统一答复期限")
    by_pk = {str(s.pk): s for s in pending}
    rows = []
    picked = request.POST.getlist("pick")
    if not picked:
        errors.append("请勾选要交办的建议。")
    for pk in picked:
        s = by_pk.get(pk)
        if s is None:
            errors.append("所选建议已不是待交办状态，请刷新页面。")
            continue
        unit = units.get(request.POST.get(f"unit_{pk}", "")) or common_unit
        if unit is None:
            errors.append(f"{s.number}：请选择主办单位（或在上方选择统一的主办单位）")
            continue
        deadline = day(request.POST.get(f"deadline_{pk}", ""), s.number) or common_deadline
        own = [units[u] for u in request.POST.getlist(f"assist_{pk}") if u in units]
        assist = [a for a in (own or common_assist) if a.pk != unit.pk]
        rows.append((s, unit, deadline, assist))
    return rows, errors


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
@perm_required("proposals.change_suggestion")
def batch_assign(request: HttpRequest) -> HttpResponse:
    """批量交办: many suggestions at once, each to its unit with its deadline (or the same for
    all); one 交办函 with its own 文号 per unit."""
    pending = list(
        Suggestion.objects.filter(state=S.NEW).select_related("lead").order_by("date", "pk")
    )
    errors: list[str] = []
    assigned = timezone.localdate()
    if request.method == "POST":
        assigned_raw = request.POST.get("assigned", "")
        try:
            assigned = forms.DateField().clean(assigned_raw)
        except forms.ValidationError:
            errors.append(f"交办日期：“{assigned_raw[:20]}”不是有效的日期")
        rows, problems = _batch_rows(request, pending)
        errors += problems
        if not errors:
            try:
                letters = services.batch_assign(rows, request.user, assigned=assigned)
            except services.WorkflowError as exc:
                errors.append(str(exc))
            else:
                messages.success(request, f"已交办{len(rows)}件建议，生成交办函{len(letters)}份。")
                ids = ",".join(str(letter.pk) for letter in letters)
                return redirect(f"{reverse('assignment_letters')}?ids={ids}")
    return render(
        request,
        "proposals/batch_assign.html",
        {
            "pending": pending,
            "units": Unit.objects.order_by("name"),
            "errors": errors,
            "assigned": assigned,
            "posted": request.POST,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "HEAD"])
@staff_required
@perm_required("proposals.view_suggestion")
def assignment_letters(request: HttpRequest) -> HttpResponse:
    from .models import AssignmentLetter

    letters = AssignmentLetter.objects.select_related("unit").annotate(n=Count("suggestions"))
    ids = [i for i in request.GET.get("ids", "").split(",") if is_id(i)]
    if ids:
        letters = letters.filter(pk__in=ids)
    return render(
        request,
        "proposals/letters_list.html",
        {"letters": letters[:200], "ids": ",".join(ids)},
    )


@require_http_methods(["GET", "HEAD"])
def letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from .letters import render_letters_pdf

    letter = get_letter_for_user(request, pk)
    return _pdf(render_letters_pdf([letter]), f"交办函-{letter.number}.pdf")


@require_http_methods(["GET", "HEAD"])
@staff_required
@perm_required("proposals.view_suggestion")
def letters_pdf(request: HttpRequest) -> HttpResponse:
    """Several letters in one PDF, each on pages of its own (a batch to print at once)."""
    from .letters import render_letters_pdf
    from .models import AssignmentLetter

    ids = [i for i in request.GET.get("ids", "").split(",") if is_id(i)][:500]
    letters = list(
        AssignmentLetter.objects.filter(pk__in=ids).select_related("unit").order_by("number")
    )
    if not letters:
        raise Http404
    return _pdf(render_letters_pdf(letters), "交办函.pdf")


def _pdf(data: bytes, filename: str) -> HttpResponse:
    from urllib.parse import quote

    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(filename)}"
    return response


# --- 代表提交的建议: the office's review ----------------------------------------------------------


@require_http_methods(["GET", "HEAD"])
@staff_required
@perm_required("proposals.view_suggestion")
def drafts_review(request: HttpRequest) -> HttpResponse:
    """What deputies submitted, waiting for 立案, 不予立案 or 并案, oldest first."""
    from .models import Draft

    waiting = (
        Draft.objects.filter(state=Draft.State.SUBMITTED)
        .select_related("lead")
        .prefetch_related("cosigns__deputy", "files")
        .order_by("submitted", "pk")
    )
    return render(request, "proposals/drafts_review.html", {"rows": waiting})


@require_POST
@staff_required
@perm_required("proposals.change_suggestion")
def draft_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """立案 (the next number), 不予立案 (with the reason the deputy reads) or 并案 (into the
    suggestion of a number and 类别 this year)."""
    from django.utils import timezone

    from .models import Draft

    if action not in ("register", "refuse", "merge"):
        raise Http404
    draft = get_object_or_404(Draft, pk=pk)
    try:
        if action == "register":
            s = services.register_draft(draft, request.user)
            messages.success(request, f"已立案：{s.number} {s.title}")
        elif action == "refuse":
            services.refuse_draft(draft, request.user, reason=request.POST.get("reason", ""))
            messages.success(request, f"已不予立案：{draft.title}")
        else:
            number = request.POST.get("number", "").replace("\x00", "").strip()[:20]
            into = Suggestion.objects.filter(
                number=number,
                kind=request.POST.get("kind", draft.kind),
                year=timezone.localdate().year,
            ).first()
            if into is None:
                raise services.WorkflowError(f"本年度找不到编号为“{number}”的建议，无法并案。")
            services.merge_draft(draft, request.user, into=into)
            messages.success(request, f"已并入 {into.number} {into.title}")
    except services.WorkflowError as exc:
        messages.error(request, str(exc))
    return redirect("drafts_review")
