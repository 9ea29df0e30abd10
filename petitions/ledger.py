"""The sheet 信访 (ledger-format.md, format 2)."""

from congress.ledger.sheets import Col, RowError, Sheet, register, upsert
from congress.models import Unit

from .models import Petition


def save_petition(v: dict) -> bool:
    unit_name = v.get("转办单位", "")
    unit = Unit.objects.filter(name=unit_name).first() if unit_name else None
    if unit_name and unit is None:
        raise RowError(
            "转办单位", f"找不到承办单位“{unit_name}”：请先在系统中建立该单位", unit_name
        )
    _obj, created = upsert(
        Petition,
        {"number": v["编号"]},
        {
            "channel": v["方式"],
            "date": v["日期"],
            "people": 1 if v.get("人次") is None else v["人次"],
            "petitioner": v.get("反映人", ""),
            "summary": v["内容摘要"],
            "category": v.get("内容分类", ""),
            "unit": unit,
            "state": v["办理状态"],
            "closed": v.get("办结日期"),
        },
    )
    return created


register(
    Sheet(
        "信访",
        130,
        [
            Col("编号", required=True),
            Col("方式", "enum", True, tuple(Petition.Channel.values)),
            Col("日期", "date", True),
            Col("人次", "int", help="整数，留空为 1；集体来访填人数"),
            Col("反映人"),
            Col("内容摘要", required=True),
            Col("内容分类"),
            Col("转办单位", help="承办单位的名称"),
            Col("办理状态", "enum", True, tuple(Petition.State.values)),
            Col("办结日期", "date"),
        ],
        key=("编号",),
        save=save_petition,
        dump=lambda p: {
            "编号": p.number,
            "方式": p.channel,
            "日期": p.date,
            "人次": p.people,
            "反映人": p.petitioner,
            "内容摘要": p.summary,
            "内容分类": p.category,
            "转办单位": p.unit.name if p.unit else "",
            "办理状态": p.state,
            "办结日期": p.closed,
        },
        year_queryset=lambda y: Petition.objects.filter(date__year=y).order_by("date", "pk"),
        prepare=lambda qs: qs.select_related("unit"),
        fields={
            "编号": "number",
            "方式": "channel",
            "日期": "date",
            "人次": "people",
            "反映人": "petitioner",
            "内容摘要": "summary",
            "内容分类": "category",
            "转办单位": "unit__name",
            "办理状态": "state",
            "办结日期": "closed",
        },
        year_column="日期",
    ),
)
