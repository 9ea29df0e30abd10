"""The sheet 代表建议."""

from django.conf import settings

from congress.dates import add_months
from congress.ledger.sheets import Col, Sheet, deputies_named, register, upsert
from congress.models import Unit

from .models import Suggestion

S = Suggestion.State


def _unit(name: str) -> Unit | None:
    # Units are plain names in the ledger: a new name is a new handling unit.
    return Unit.objects.get_or_create(name=name)[0] if name else None


def save_suggestion(v: dict) -> bool:
    date, assigned = v["提出日期"], v.get("交办日期")
    state = v["办理状态"]
    reply = v.get("答复日期")
    lead = deputies_named("领衔代表", [v["领衔代表"]])[0]
    cosigners = deputies_named("附议代表", v.get("附议代表") or [])
    deadline = v.get("答复期限")
    if deadline is None and assigned:
        deadline = add_months(assigned, settings.CONGRESS["REPLY_MONTHS"])
    obj, created = upsert(
        Suggestion,
        {"number": v["编号"], "kind": v["类别"], "year": date.year},
        {
            "title": v["标题"],
            "date": date,
            "lead": lead,
            "lead_unit": _unit(v.get("主办单位", "")),
            "assigned": assigned,
            "deadline": deadline,
            "key": v.get("重点督办", False),
            "reply_date": reply,
            "result": v.get("答复类别", ""),
            "opinion": v.get("代表意见", ""),
            "state": state,
            "litigation": v.get("转公益诉讼", False),
        },
    )
    obj.cosigners.set([d for d in cosigners if d.pk != lead.pk])
    obj.assist_units.set([_unit(name) for name in v.get("协办单位") or []])
    return created


register(
    Sheet(
        "代表建议",
        100,
        [
            Col("编号", required=True, help="如 第12号"),
            Col("标题", required=True),
            Col("类别", "enum", True, tuple(Suggestion.Kind.values)),
            Col("提出日期", "date", True),
            Col("领衔代表", required=True, help="“代表”表中的姓名"),
            Col("附议代表", "list"),
            Col("主办单位"),
            Col("协办单位", "list"),
            Col("交办日期", "date"),
            Col("答复期限", "date", help="留空为交办日期加三个月"),
            Col("重点督办", "bool"),
            Col("答复日期", "date"),
            Col(
                "答复类别",
                "enum",
                choices=tuple(Suggestion.Result.values),
                help="A 已解决或基本解决、B 正在解决或列入计划、C 因条件限制暂不能解决、D 留作参考",
            ),
            Col("代表意见", "enum", choices=tuple(Suggestion.Opinion.values)),
            Col("办理状态", "enum", True, tuple(S.values)),
            Col("转公益诉讼", "bool"),
        ],
        key=("编号", "类别", "提出日期"),
        # 提出日期 places the item in its year: the key is the number and kind within a year.
        lookup=lambda v: (
            {"number": v["编号"], "kind": v["类别"], "year": v["提出日期"].year}
            if v.get("编号") and v.get("类别") and v.get("提出日期")
            else None
        ),
        save=save_suggestion,
        dump=lambda s: {
            "编号": s.number,
            "标题": s.title,
            "类别": s.kind,
            "提出日期": s.date,
            "领衔代表": s.lead.name,
            "附议代表": "、".join(d.name for d in s.cosigners.all()),
            "主办单位": s.lead_unit.name if s.lead_unit else "",
            "协办单位": "、".join(u.name for u in s.assist_units.all()),
            "交办日期": s.assigned,
            "答复期限": s.deadline,
            "重点督办": "是" if s.key else "否",
            "答复日期": s.reply_date,
            "答复类别": s.result,
            "代表意见": s.opinion,
            "办理状态": s.state,
            "转公益诉讼": "是" if s.litigation else "否",
        },
        year_queryset=lambda y: Suggestion.objects.filter(date__year=y).order_by("kind", "pk"),
        prepare=lambda qs: qs.select_related("lead", "lead_unit").prefetch_related(
            "cosigners", "assist_units"
        ),
        fields={
            "编号": "number",
            "标题": "title",
            "类别": "kind",
            "提出日期": "date",
            "领衔代表": "lead__name",
            "附议代表": "cosigners__name",
            "主办单位": "lead_unit__name",
            "协办单位": "assist_units__name",
            "交办日期": "assigned",
            "答复期限": "deadline",
            "重点督办": "key",
            "答复日期": "reply_date",
            "答复类别": "result",
            "代表意见": "opinion",
            "办理状态": "state",
            "转公益诉讼": "litigation",
        },
        year_column="提出日期",
    ),
)
