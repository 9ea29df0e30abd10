"""The sheets 监督工作, 意见建议, 民生实事, 民生实事督导 and 其他工作."""

from congress.ledger.sheets import Col, RowError, Sheet, by_name, deputies_named, register, upsert
from congress.models import OtherWork, Unit
from meetings.models import Meeting

from .models import LivelihoodProject, OversightItem, ProjectVisit, ReviewOpinion, Satisfaction

SATISFACTION = tuple(Satisfaction.values)


def save_item(v: dict) -> bool:
    _obj, created = upsert(
        OversightItem,
        {"kind": v["类型"], "name": v["名称"]},
        {
            "date": v["日期"],
            "organ": v.get("被监督机关", ""),
            "department": v.get("承办部门", ""),
            "meeting": by_name(Meeting, "会议名称", v.get("会议名称", "")),
            "law": v.get("法律法规", ""),
            "joint": v.get("上下联动", False),
            "points": v.get("提出意见建议条数") or 0,
            "problems_solved": v.get("推动解决问题数") or 0,
            "satisfaction": v.get("满意度测评", ""),
        },
    )
    return created


def save_opinion(v: dict) -> bool:
    state, reported = v["状态"], v.get("报告日期")
    obj = ReviewOpinion.objects.filter(name=v["名称"]).first()
    deadline = v.get("办理期限")
    if deadline is None:
        # Empty: 交办日期 plus the configured period, recomputed when the date changes.
        deadline = ReviewOpinion(date=v["交办日期"]).default_deadline()
    _o, created = upsert(
        ReviewOpinion,
        {"name": v["名称"]},
        {
            "category": v["类别"],
            "date": v["交办日期"],
            "body": v["办理机关"],
            "source": by_name(OversightItem, "来源事项", v.get("来源事项", "")),
            "unit": Unit.objects.filter(name=v["办理机关"]).first() or (obj.unit if obj else None),
            "points": v["条数"],
            "deadline": deadline,
            "state": state,
            "report_date": reported,
            "satisfaction": v.get("测评结果", ""),
        },
    )
    return created


def save_project(v: dict) -> bool:
    _obj, created = upsert(
        LivelihoodProject,
        {"name": v["项目名称"], "year": v["年度"]},
        {
            "voted_on": v.get("票决日期"),
            "unit": v.get("承办单位", ""),
            "state": v["状态"],
            "progress": v.get("进度") or 0,
            "satisfaction": v.get("满意度测评", ""),
        },
    )
    return created


def save_visit(v: dict) -> bool:
    name, day = v["项目名称"], v["日期"]
    projects = list(LivelihoodProject.objects.filter(name=name).order_by("-year"))
    project = next((p for p in projects if p.year == day.year), None) or (
        projects[0] if len(projects) == 1 else None
    )
    if project is None:
        raise RowError(
            "项目名称",
            f"找不到民生实事项目“{name}”"
            if not projects
            else f"“{name}”有多个年度的项目，无法确定是哪一个",
            name,
        )
    obj, created = upsert(ProjectVisit, {"project": project, "date": day, "form": v["形式"]}, {})
    obj.deputies.set(deputies_named("参加代表", v.get("参加代表") or []))
    return created


def save_other(v: dict) -> bool:
    _obj, created = upsert(
        OtherWork,
        {"kind": v["类别"], "name": v["名称"], "date": v["日期"]},
        {"quantity": 1 if v.get("数量") is None else v["数量"], "reach": v.get("覆盖人次")},
    )
    return created


def _name(obj) -> str:
    return obj.name if obj else ""


register(
    Sheet(
        "监督工作",
        60,
        [
            Col("类型", "enum", True, tuple(OversightItem.Kind.values)),
            Col("名称", required=True),
            Col("日期", "date", True, help="听取审议的日期，或活动开始的日期"),
            Col("被监督机关", "enum", choices=tuple(OversightItem.Organ.values)),
            Col("承办部门"),
            Col("会议名称"),
            Col("法律法规", help="执法检查所检查的法律法规"),
            Col("上下联动", "bool"),
            Col("提出意见建议条数", "int"),
            Col("推动解决问题数", "int"),
            Col("满意度测评", "enum", choices=SATISFACTION),
        ],
        key=("类型", "名称"),
        save=save_item,
        dump=lambda i: {
            "类型": i.kind,
            "名称": i.name,
            "日期": i.date,
            "被监督机关": i.organ,
            "承办部门": i.department,
            "会议名称": _name(i.meeting),
            "法律法规": i.law,
            "上下联动": "是" if i.joint else "否",
            "提出意见建议条数": i.points,
            "推动解决问题数": i.problems_solved,
            "满意度测评": i.satisfaction,
        },
        year_queryset=lambda y: OversightItem.objects.filter(date__year=y).order_by("date", "pk"),
        prepare=lambda qs: qs.select_related("meeting"),
        fields={
            "类型": "kind",
            "名称": "name",
            "日期": "date",
            "被监督机关": "organ",
            "承办部门": "department",
            "会议名称": "meeting__name",
            "法律法规": "law",
            "上下联动": "joint",
            "提出意见建议条数": "points",
            "推动解决问题数": "problems_solved",
            "满意度测评": "satisfaction",
        },
        year_column="日期",
    ),
    Sheet(
        "意见建议",
        70,
        [
            Col("名称", required=True),
            Col("类别", "enum", True, tuple(ReviewOpinion.Category.values)),
            Col("来源事项", help="“监督工作”表中的名称"),
            Col("交办日期", "date", True),
            Col("办理机关", required=True),
            Col("条数", "int", True),
            Col("办理期限", "date", help="留空为交办日期加规定月数"),
            Col("状态", "enum", True, tuple(ReviewOpinion.State.values)),
            Col("报告日期", "date"),
            Col("测评结果", "enum", choices=SATISFACTION),
        ],
        key=("名称",),
        save=save_opinion,
        dump=lambda o: {
            "名称": o.name,
            "类别": o.category,
            "来源事项": _name(o.source),
            "交办日期": o.date,
            "办理机关": o.body,
            "条数": o.points,
            "办理期限": o.deadline,
            "状态": o.state,
            "报告日期": o.report_date,
            "测评结果": o.satisfaction,
        },
        year_queryset=lambda y: ReviewOpinion.objects.filter(date__year=y).order_by("date", "pk"),
        prepare=lambda qs: qs.select_related("source"),
        fields={
            "名称": "name",
            "类别": "category",
            "来源事项": "source__name",
            "交办日期": "date",
            "办理机关": "body",
            "条数": "points",
            "办理期限": "deadline",
            "状态": "state",
            "报告日期": "report_date",
            "测评结果": "satisfaction",
        },
        year_column="交办日期",
    ),
    Sheet(
        "民生实事",
        80,
        [
            Col("项目名称", required=True),
            Col("年度", "int", True),
            Col("票决日期", "date"),
            Col("承办单位"),
            Col("状态", "enum", True, tuple(LivelihoodProject.State.values)),
            Col("进度", "percent"),
            Col("满意度测评", "enum", choices=SATISFACTION),
        ],
        key=("项目名称", "年度"),
        save=save_project,
        dump=lambda p: {
            "项目名称": p.name,
            "年度": p.year,
            "票决日期": p.voted_on,
            "承办单位": p.unit,
            "状态": p.state,
            "进度": p.progress,
            "满意度测评": p.satisfaction,
        },
        year_queryset=lambda y: LivelihoodProject.objects.filter(year=y).order_by("pk"),
        fields={
            "项目名称": "name",
            "年度": "year",
            "票决日期": "voted_on",
            "承办单位": "unit",
            "状态": "state",
            "进度": "progress",
            "满意度测评": "satisfaction",
        },
        year_column="年度",
    ),
    Sheet(
        "民生实事督导",
        90,
        [
            Col("项目名称", required=True, help="“民生实事”表中的项目名称"),
            Col("日期", "date", True),
            Col("形式", "enum", True, tuple(ProjectVisit.Form.values)),
            Col("参加代表", "list"),
        ],
        key=("项目名称", "日期", "形式"),
        save=save_visit,
        dump=lambda v: {
            "项目名称": v.project.name,
            "日期": v.date,
            "形式": v.form,
            "参加代表": "、".join(d.name for d in v.deputies.all()),
        },
        year_queryset=lambda y: ProjectVisit.objects.filter(date__year=y).order_by("date", "pk"),
        prepare=lambda qs: qs.select_related("project").prefetch_related("deputies"),
        fields={
            "项目名称": "project__name",
            "日期": "date",
            "形式": "form",
            "参加代表": "deputies__name",
        },
        year_column="日期",
    ),
    Sheet(
        "其他工作",
        120,
        [
            Col("类别", "enum", True, tuple(OtherWork.Kind.values)),
            Col("名称", required=True),
            Col("日期", "date", True),
            Col("数量", "int", help="整数，留空为 1"),
            Col("覆盖人次", "int"),
        ],
        key=("类别", "名称", "日期"),
        save=save_other,
        dump=lambda o: {
            "类别": o.kind,
            "名称": o.name,
            "日期": o.date,
            "数量": o.quantity,
            "覆盖人次": o.reach,
        },
        year_queryset=lambda y: OtherWork.objects.filter(date__year=y).order_by("date", "pk"),
        fields={
            "类别": "kind",
            "名称": "name",
            "日期": "date",
            "数量": "quantity",
            "覆盖人次": "reach",
        },
        year_column="日期",
    ),
)
