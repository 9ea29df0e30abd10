"""The sheets 监督工作, 意见建议, 民生实事, 民生实事督导 and 其他工作."""

from congress.accounts.models import Unit
from congress.ledger.sheets import Col, Sheet, register
from deputies.ledger import deputy_col

from .models import LivelihoodProject, OtherWork, OversightItem, ProjectVisit, ReviewOpinion


def _opinion(opinion: ReviewOpinion, values: dict, writer) -> None:
    if values.get("办理期限") is None:
        # Empty: 交办日期 plus the configured period, recomputed when the date changes.
        opinion.deadline = opinion.default_deadline()
    # 办理机关 is the body's name; the handling unit of that name, where there is one, sees it.
    units = writer.shared.get("units")
    if units is None:
        units = writer.shared["units"] = {u.name: u for u in Unit.objects.all()}
    opinion.unit = units.get(opinion.body) or opinion.unit


def _project_of_the_year(found: list, values: dict):
    day = values.get("日期")
    return next((p for p in found if day and p.year == day.year), None)


register(
    Sheet(
        "监督工作",
        60,
        OversightItem,
        [
            Col("类型", "kind", required=True),
            Col("名称", "name", required=True),
            Col("日期", "date", required=True, help="听取审议的日期，或活动开始的日期"),
            Col("被监督机关", "organ"),
            Col("承办部门", "department"),
            Col("会议名称", "meeting__name"),
            Col("法律法规", "law", help="执法检查所检查的法律法规"),
            Col("上下联动", "joint"),
            Col("提出意见建议条数", "points"),
            Col("推动解决问题数", "problems_solved"),
            Col("满意度测评", "satisfaction"),
        ],
        key=("类型", "名称"),
        year_queryset=lambda y: OversightItem.objects.filter(date__year=y).order_by("date", "pk"),
        year_column="日期",
    ),
    Sheet(
        "意见建议",
        70,
        ReviewOpinion,
        [
            Col("名称", "name", required=True),
            Col("类别", "category", required=True),
            Col("来源事项", "source__name", help="“监督工作”表中的名称"),
            Col("交办日期", "date", required=True),
            Col("办理机关", "body", required=True),
            Col("条数", "points", required=True),
            Col("办理期限", "deadline", help="留空为交办日期加规定月数"),
            Col("状态", "state", required=True),
            Col("报告日期", "report_date"),
            Col("测评结果", "satisfaction"),
        ],
        key=("名称",),
        year_queryset=lambda y: ReviewOpinion.objects.filter(date__year=y).order_by("date", "pk"),
        year_column="交办日期",
        adjust=_opinion,
    ),
    Sheet(
        "民生实事",
        80,
        LivelihoodProject,
        [
            Col("项目名称", "name", required=True),
            Col("年度", "year", required=True),
            Col("票决日期", "voted_on"),
            Col("承办单位", "unit"),
            Col("状态", "state", required=True),
            Col("进度", "progress", kind="percent"),
            Col("满意度测评", "satisfaction"),
        ],
        key=("项目名称", "年度"),
        year_queryset=lambda y: LivelihoodProject.objects.filter(year=y).order_by("pk"),
        year_column="年度",
    ),
    Sheet(
        "民生实事督导",
        90,
        ProjectVisit,
        [
            Col(
                "项目名称",
                "project__name",
                required=True,
                help="“民生实事”表中的项目名称",
                missing="找不到民生实事项目“{name}”",
                ambiguous="“{name}”有多个年度的项目，无法确定是哪一个",
                pick=_project_of_the_year,
            ),
            Col("日期", "date", required=True),
            Col("形式", "form", required=True),
            deputy_col("参加代表", "deputies__name"),
        ],
        key=("项目名称", "日期", "形式"),
        year_queryset=lambda y: ProjectVisit.objects.filter(date__year=y).order_by("date", "pk"),
        year_column="日期",
    ),
    Sheet(
        "其他工作",
        120,
        OtherWork,
        [
            Col("类别", "kind", required=True),
            Col("名称", "name", required=True),
            Col("日期", "date", required=True),
            Col("数量", "quantity", help="整数，留空为 1"),
            Col("覆盖人次", "reach"),
        ],
        key=("类别", "名称", "日期"),
        year_queryset=lambda y: OtherWork.objects.filter(date__year=y).order_by("date", "pk"),
        year_column="日期",
    ),
)
