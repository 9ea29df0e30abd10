"""人大代表's portal: the suggestions a deputy leads or cosigned, each with its timeline (交办,
签收, 答复, the deputy's own judgement, 办结), and the lead deputy's judgement of the reply.
A deputy sees only their own (404 for any other); a deputy whose 资格终止 sees nothing."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from congress.accounts.roles import is_deputy_user
from congress.records.uploads import serve, validate_document
from deputies.portal import deputy_of, deputy_required

from . import services
from .models import Suggestion

# What a deputy reads in their timeline: the moves of the handling, by their names.
TIMELINE = (
    "登记",
    "交办",
    "签收",
    "沟通",
    "退办",
    "答复",
    "第一轮答复",
    "代表意见",
    "办结",
    "不予立案",
    "撤回",
)


def mine(deputy):
    return Suggestion.objects.filter(Q(lead=deputy) | Q(cosigners=deputy)).distinct()


def get_suggestion_for_deputy(request: HttpRequest, pk: int) -> Suggestion:
    """One of the deputy's own suggestions (led or cosigned); 404 for any other."""
    return get_object_or_404(mine(deputy_of(request)).select_related("lead", "lead_unit"), pk=pk)


class JudgementForm(forms.Form):
    opinion = forms.ChoiceField(
        label="您对答复的意见",
        choices=[("", "请选择"), *Suggestion.Opinion.choices],
        error_messages={"required": "请选择满意、基本满意或不满意。"},
    )
    reason = forms.CharField(
        label="意见和理由（不满意时必填）",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


@require_GET
@deputy_required
def deputy_suggestions(request: HttpRequest) -> HttpResponse:
    """我的建议: led first, then cosigned; the newest on top."""
    deputy = deputy_of(request)
    rows = mine(deputy).select_related("lead", "lead_unit").order_by("-date", "-pk")
    return render(request, "proposals/deputy_suggestions.html", {"rows": rows, "deputy": deputy})


@require_http_methods(["GET", "HEAD", "POST"])
@deputy_required
def deputy_suggestion(request: HttpRequest, pk: int) -> HttpResponse:
    """One suggestion: its text, reply and timeline; the lead deputy judges the reply here."""
    deputy = deputy_of(request)
    s = get_suggestion_for_deputy(request, pk)
    may_judge = s.lead_id == deputy.pk and s.state == Suggestion.State.ANSWERED and not s.opinion
    form = JudgementForm(request.POST or None)
    if request.method == "POST":
        if not may_judge:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.record_opinion(
                    s,
                    request.user,
                    opinion=form.cleaned_data["opinion"],
                    reason=form.cleaned_data["reason"],
                    date=timezone.localdate(),
                )
            except services.WorkflowError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "您的意见已提交，感谢您的评价。")
                return redirect("deputy_suggestion", pk=s.pk)
    events = s.events.filter(action__in=TIMELINE).select_related("user").order_by("at", "pk")
    return render(
        request,
        "proposals/deputy_suggestion.html",
        {
            "object": s,
            "events": events,
            "form": form,
            "may_judge": may_judge,
            "lead": s.lead_id == deputy.pk,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_GET
@deputy_required
def deputy_reply_file(request: HttpRequest, pk: int):

    s = get_suggestion_for_deputy(request, pk)
    if not s.reply_file or not s.reply_date:
        raise Http404
    return serve(s.reply_file)


# --- writing a suggestion ------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, each checked by content and size."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("validators", [validate_document])
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        one = super().clean
        if isinstance(data, (list, tuple)):
            return [one(d, initial) for d in data if d]
        return [one(data, initial)] if data else []


class DraftForm(forms.Form):
    kind = forms.ChoiceField(
        label="类别",
        choices=[("代表建议", "代表建议（大会期间）"), ("闭会期间建议", "闭会期间建议")],
        initial="闭会期间建议",
    )
    title = forms.CharField(label="标题", max_length=200, help_text="如 关于增设公交站点的建议")
    text = forms.CharField(
        label="建议内容",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"max_length": "建议内容不能超过20000字。"},
    )
    cosigners = forms.CharField(
        label="邀请附议的代表",
        required=False,
        max_length=500,
        help_text="输入姓名或拼音首字母查找，多人用、分隔；对方在自己的页面确认后才计为附议",
        widget=forms.TextInput(
            attrs={
                "data-deputy-lookup": reverse_lazy("deputy_lookup"),
                "data-multiple": "",
                "autocomplete": "off",
            }
        ),
    )
    files = MultipleFileField(
        label="附件",
        required=False,
        help_text="调研报告、照片等，PDF、Word 或图片，可选多个",
    )
    remove = forms.MultipleChoiceField(
        label="删除附件", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, draft=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = list(draft.files.all()) if draft is not None else []
        if self.kept:
            self.fields["remove"].choices = [(str(f.pk), f.name) for f in self.kept]
        else:
            del self.fields["remove"]

    def clean(self):
        from .models import DraftFile

        data = super().clean()
        removed = set(data.get("remove") or [])
        count = len([f for f in self.kept if str(f.pk) not in removed]) + len(
            data.get("files") or []
        )
        if count > DraftFile.MAX_PER_DRAFT:
            self.add_error("files", f"一件建议最多附 {DraftFile.MAX_PER_DRAFT} 个附件。")
        return data


def get_draft_for_deputy(request: HttpRequest, pk: int):
    """One of the deputy's own drafts (as lead); 404 for any other."""
    from .models import Draft

    return get_object_or_404(Draft, pk=pk, lead=deputy_of(request))


@require_GET
@deputy_required
def deputy_drafts(request: HttpRequest) -> HttpResponse:
    """我写的建议 and the 附议 invitations waiting for me."""
    from .models import Cosign, Draft

    deputy = deputy_of(request)
    return render(
        request,
        "proposals/deputy_drafts.html",
        {
            "drafts": Draft.objects.filter(lead=deputy).select_related("suggestion"),
            "invitations": Cosign.objects.filter(deputy=deputy)
            .select_related("draft", "draft__lead")
            .order_by("-pk"),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@deputy_required
def deputy_draft(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Write or go on with a draft; 保存 keeps it, 提交 sends it to the office."""
    from .models import Draft

    deputy = deputy_of(request)
    draft = get_draft_for_deputy(request, pk) if pk else None
    if draft is not None and draft.state != Draft.State.DRAFT:
        if request.method == "POST":
            raise PermissionDenied
    initial = (
        {
            "kind": draft.kind,
            "title": draft.title,
            "text": draft.text,
            "cosigners": "、".join(c.deputy.name for c in draft.cosigns.select_related("deputy")),
        }
        if draft
        else None
    )
    form = DraftForm(request.POST or None, request.FILES or None, initial=initial, draft=draft)
    if request.method == "POST" and form.is_valid():
        import re

        from django.db import transaction

        data = form.cleaned_data
        names = [n for n in re.split(r"[、，,；;\s]+", data["cosigners"]) if n]
        with transaction.atomic():
            draft = draft or Draft(lead=deputy)
            draft.kind, draft.title, draft.text = data["kind"], data["title"], data["text"]
            draft.save()
            problems = services.invite(draft, names)
            if problems:
                transaction.set_rollback(True)
                for p in problems:
                    form.add_error("cosigners", p)
            else:
                draft.files.filter(pk__in=data.get("remove") or []).delete()
                for upload in data["files"]:
                    draft.files.create(file=upload)
            if not problems and "submit" in request.POST:
                services.submit_draft(draft, request.user)
        if not form.errors:
            messages.success(
                request,
                "建议已提交，常委会办公室审查后立案。"
                if "submit" in request.POST
                else "已保存草稿。",
            )
            return redirect("deputy_drafts")
    return render(
        request,
        "proposals/deputy_draft.html",
        {
            "form": form,
            "draft": draft,
            "editable": draft is None or draft.state == Draft.State.DRAFT,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["POST"])
@deputy_required
def deputy_cosign(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm or decline an invitation to cosign."""
    from .models import Cosign

    deputy = deputy_of(request)
    cosign = get_object_or_404(Cosign, pk=pk, deputy=deputy)
    try:
        services.answer_cosign(cosign, deputy, confirm=request.POST.get("answer") == "confirm")
    except services.WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已答复附议邀请。")
    return redirect("deputy_drafts")


@require_GET
@deputy_required
def deputy_record(request: HttpRequest) -> HttpResponse:
    """我的履职档案: what the office recorded of the deputy's work, as staff see it."""
    from deputies.kinds import _record_of_service

    deputy = deputy_of(request)
    return render(
        request,
        "proposals/deputy_record.html",
        {"deputy": deputy, **_record_of_service(deputy)},
    )


@require_GET
@deputy_required
def deputy_lookup(request: HttpRequest) -> HttpResponse:
    """Deputies a deputy may invite to cosign (in office, of the same 届 and level), by name or
    pinyin initials, for the cosigners field's suggestions."""
    from django.http import JsonResponse

    from congress.accounts.models import Profile
    from deputies.fields import matching
    from deputies.models import Deputy

    me = deputy_of(request)
    people = (
        Deputy.objects.filter(term=Profile.get().term, level=me.level)
        .exclude(status=Deputy.Status.ENDED)
        .exclude(pk=me.pk)
    )
    found = matching(request.GET.get("q", ""), people)
    # The name alone: that is what an invitation is made by.
    return JsonResponse({"results": [{"id": d.pk, "label": d.name} for d in found]})


def get_draft_file_for_user(request: HttpRequest, pk: int):
    """A draft's attachment, for whoever may read the draft: its lead and the deputies invited
    to cosign it, the deputies and the units of the suggestion it became, and staff once it is
    submitted. 404 for anyone else, so ids reveal nothing."""
    from congress.accounts.models import unit_of
    from deputies.models import Deputy

    from .models import Draft, DraftFile

    f = get_object_or_404(DraftFile.objects.select_related("draft"), pk=pk)
    draft, user = f.draft, request.user
    if user.has_perm("proposals.view_suggestion"):
        if draft.state != Draft.State.DRAFT:
            return f
    elif is_deputy_user(user):
        deputy = Deputy.objects.filter(user=user).exclude(status=Deputy.Status.ENDED).first()
        if deputy is not None and (
            draft.lead_id == deputy.pk
            or draft.cosigns.filter(deputy=deputy).exists()
            or (draft.suggestion_id and mine(deputy).filter(pk=draft.suggestion_id).exists())
        ):
            return f
    elif (unit := unit_of(user)) is not None and draft.suggestion_id:
        if Suggestion.objects.for_unit(unit).filter(pk=draft.suggestion_id).exists():
            return f
    raise Http404


@require_GET
@login_required
def draft_file(request: HttpRequest, pk: int):
    return serve(get_draft_file_for_user(request, pk).file)
