"""监督工作, 民生实事 and 其他工作 figures of the year."""

from congress.figures.builtin import Figure, register, total
from congress.figures.charts import Bar, Chart, bar_chart
from congress.figures.charts import register as register_charts
from congress.figures.panels import ROWS, Panel
from congress.figures.panels import register as register_panels

from .kinds import opinions, otherwork, oversight, projects, visits
from .models import OtherWork, OversightItem

K = OversightItem.Kind


def _other(
    key: str, label: str, unit: str, kind: str, section: str, name: str, tile: int = 0
) -> Figure:
    return Figure(
        key,
        label,
        unit,
        f"类别为{kind}的其他工作的数量之和",
        kind=otherwork,
        params=lambda y: {"year": y, "kind": kind},
        measure=total("quantity"),
        section=section,
        name=name,
        tile=tile,
    )


register(
    Figure(
        "work_reports",
        "专项工作报告",
        "个",
        "当年听取审议的专项工作报告",
        kind=oversight,
        params=lambda y: {"year": y, "kind": K.WORK_REPORT},
        section="oversight",
        name="专项工作报告",
        tile=30,
    ),
    Figure(
        "inspections",
        "执法检查",
        "次",
        "本级开展的执法检查（不含上下联动）",
        kind=oversight,
        params=lambda y: {"year": y, "kind": K.INSPECTION, "joint": False},
        section="oversight",
        name="执法检查",
        tile=40,
    ),
    Figure(
        "inquiries",
        "专题询问",
        "次",
        "本级开展的专题询问（不含上下联动）",
        kind=oversight,
        params=lambda y: {"year": y, "kind": K.INQUIRY, "joint": False},
        section="oversight",
        name="专题询问",
        tile=50,
    ),
    Figure(
        "joint_inspections",
        "联动开展法规执法检查",
        "部",
        "与上级人大联动开展的执法检查",
        kind=oversight,
        params=lambda y: {"year": y, "kind": K.INSPECTION, "joint": True},
        section="law",
        name="联动执法检查",
        tile=160,
    ),
    Figure(
        "opinion_points",
        "审议意见、调研建议",
        "条",
        "当年交办的审议意见、调研建议的条数之和",
        kind=opinions,
        measure=total("points"),
        section="oversight",
        name="意见建议条数",
        tile=90,
    ),
    Figure(
        "problems_solved",
        "推动解决突出问题",
        "项",
        "当年监督工作推动解决问题数之和",
        kind=oversight,
        measure=total("problems_solved"),
        section="oversight",
        name="推动解决",
        tile=100,
    ),
    Figure(
        "projects",
        "民生实事票决项目",
        "件",
        "当年度经票决的民生实事项目（不含候选项目）",
        kind=projects,
        params=lambda y: {"year": y, "voted": True},
        section="oversight",
        name="民生实事",
        tile=130,
    ),
    Figure(
        "project_visits",
        "民生实事现场督导",
        "次",
        "当年民生实事督导次数",
        kind=visits,
        section="oversight",
        name="督导",
        tile=140,
    ),
    _other("study", "学习研讨活动", "次", OtherWork.Kind.STUDY, "politics", "学习研讨", 110),
    _other(
        "party_reports", "向党委汇报工作", "次", OtherWork.Kind.REPORT, "politics", "请示报告", 120
    ),
    _other("legislation", "法规立法调研", "部", OtherWork.Kind.LEGISLATION, "law", "立法调研", 150),
    _other(
        "joint_enforcement",
        "联合执法",
        "次",
        OtherWork.Kind.JOINT_ENFORCEMENT,
        "law",
        "联合执法",
        170,
    ),
)


def projects_progress(year: int):
    """The year's voted livelihood projects with their progress."""
    from .models import LivelihoodProject

    return (
        LivelihoodProject.objects.filter(year=year)
        .exclude(state=LivelihoodProject.State.CANDIDATE)
        .order_by("-progress", "name")
    )


def key_items(year: int):
    """Reports heard and laws inspected, for the report's lists."""
    qs = OversightItem.objects.in_year(year).order_by("date", "pk")
    return {
        "reports": qs.filter(kind=K.WORK_REPORT),
        "inspections": qs.filter(kind=K.INSPECTION),
        "inquiries": qs.filter(kind=K.INQUIRY),
        "research": qs.filter(kind=K.RESEARCH),
    }


def opinions_awaiting(today=None):
    """Review opinions still waiting for the body's report, overdue first."""
    from .models import ReviewOpinion

    return (
        ReviewOpinion.objects.filter(state=ReviewOpinion.State.OPEN)
        .select_related("source")
        .order_by("deadline")
    )


def _projects_chart(year: int):
    return bar_chart(
        [
            Bar(p.name, p.progress, projects.url("detail", p.pk), "%")
            for p in projects_progress(year)
        ],
        "民生实事项目进度",
        max_value=100,
        label_width=190,
    )


register_charts(Chart("民生实事进度", "民生实事项目进度", _projects_chart, 50))


def _opinions_panel(year: int, today) -> dict:
    items = opinions_awaiting(today)
    return {"items": items[:ROWS], "overdue": items.filter(deadline__lt=today).count()}


register_panels(
    Panel("opinions-awaiting", "oversight/_attention_opinions.html", _opinions_panel, order=20)
)
