"""The oversight app's record kinds: the lists, forms and detail pages the core builds."""

from congress.records.kinds import Column, RecordKind

from . import examples
from .filters import OpinionFilter, OtherWorkFilter, OversightFilter, ProjectFilter, VisitFilter
from .forms import (
    OpinionDocumentFormSet,
    OtherWorkForm,
    OversightDocumentFormSet,
    OversightItemForm,
    ProjectForm,
    ReviewOpinionForm,
    VisitForm,
)
from .models import (
    LivelihoodProject,
    OtherWork,
    OversightItem,
    ProjectVisit,
    ReviewOpinion,
)

oversight = RecordKind(
    key="oversight",
    example=examples.item,
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
        Column("满意度测评", "rating"),
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
    example=examples.opinion,
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
    example=examples.project,
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
    example=examples.visit,
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
    example=examples.otherwork,
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
