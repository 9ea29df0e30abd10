from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from congress.crud import Column, RecordKind
from congress.forms import OtherWorkForm
from congress.models import OtherWork
from congress.roles import perm_required, staff_required
from congress.uploads import serve

from .filters import OpinionFilter, OtherWorkFilter, OversightFilter, ProjectFilter, VisitFilter
from .forms import (
    OpinionDocumentFormSet,
    OversightDocumentFormSet,
    OversightItemForm,
    ProjectForm,
    ReviewOpinionForm,
    VisitForm,
)
from .models import (
    LivelihoodProject,
    OpinionDocument,
    OversightDocument,
    OversightItem,
    ProjectVisit,
    ReviewOpinion,
)

oversight = RecordKind(
    key="oversight",
    model=OversightItem,
    form=OversightItemForm,
    filterset=OversightFilter,
    queryset=lambda: OversightItem.objects.select_related("meeting"),
    default_order="-date",
    columns=[
        Column("名称", "name", "name", link=True),
        Column("类型", "get_kind_display", "kind"),
        Column("日期", "date", "date"),
        Column("被监督机关", "get_organ_display", "organ"),
        Column("承办部门", "department"),
        Column("意见建议条数", "points", "points"),
        Column("满意度测评", "get_satisfaction_display"),
    ],
    formsets=[("材料", OversightDocumentFormSet)],
    detail_template="oversight/item_detail.html",
    detail_context=lambda item: {
        "opinions": item.opinions.all(),
        "documents": item.documents.all(),
    },
)

opinions = RecordKind(
    key="opinions",
    model=ReviewOpinion,
    form=ReviewOpinionForm,
    filterset=OpinionFilter,
    queryset=lambda: ReviewOpinion.objects.select_related("source", "unit"),
    default_order="-date",
    columns=[
        Column("名称", "name", "name", link=True),
        Column("类别", "get_category_display", "category"),
        Column("办理机关", "body", "body"),
        Column("交办日期", "date", "date"),
        Column("条数", "points", "points"),
        Column("办理期限", "deadline", "deadline"),
        Column("状态", "get_state_display", "state"),
        Column("逾期", "overdue_label"),
    ],
    detail_template="oversight/opinion_detail.html",
    formsets=[("附件", OpinionDocumentFormSet)],
)

projects = RecordKind(
    key="projects",
    model=LivelihoodProject,
    form=ProjectForm,
    filterset=ProjectFilter,
    queryset=lambda: LivelihoodProject.objects.all(),
    default_order="-year",
    columns=[
        Column("项目名称", "name", "name", link=True),
        Column("年度", "year", "year"),
        Column("承办单位", "unit"),
        Column("状态", "get_state_display", "state"),
        Column("进度（%）", "progress", "progress"),
        Column("满意度测评", "get_satisfaction_display"),
    ],
    detail_context=lambda p: {"visits": p.visits.all()},
    detail_template="oversight/project_detail.html",
)

visits = RecordKind(
    key="visits",
    model=ProjectVisit,
    form=VisitForm,
    filterset=VisitFilter,
    queryset=lambda: ProjectVisit.objects.select_related("project"),
    default_order="-date",
    columns=[
        Column("项目", "project.name", link=True),
        Column("日期", "date", "date"),
        Column("形式", "get_form_display", "form"),
    ],
)

otherwork = RecordKind(
    key="otherwork",
    model=OtherWork,
    form=OtherWorkForm,
    filterset=OtherWorkFilter,
    queryset=lambda: OtherWork.objects.all(),
    default_order="-date",
    columns=[
        Column("名称", "name", "name", link=True),
        Column("类别", "get_kind_display", "kind"),
        Column("日期", "date", "date"),
        Column("数量", "quantity", "quantity"),
        Column("覆盖人次", "reach"),
    ],
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
        opinion = get_object_or_404(ReviewOpinion, pk=pk, unit__users=request.user)
    else:
        raise PermissionDenied
    return serve(opinion.report_file)


@require_http_methods(["GET", "HEAD"])
def opinion_document(request: HttpRequest, pk: int) -> HttpResponse:
    """An opinion's attachment: staff, or the unit the opinion was sent to (404 for others)."""
    if request.user.has_perm("oversight.view_reviewopinion"):
        doc = get_object_or_404(OpinionDocument, pk=pk)
    elif request.user.has_perm("oversight.handle_reviewopinion"):
        doc = get_object_or_404(OpinionDocument, pk=pk, opinion__unit__users=request.user)
    else:
        raise PermissionDenied
    return serve(doc.file)
