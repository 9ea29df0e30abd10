"""The sheet 代表建议."""

from django.conf import settings

from congress.ledger.sheets import Col, Sheet, register
from congress.work.dates import add_months
from deputies.ledger import deputy_col

from .models import Suggestion


def _suggestion(suggestion: Suggestion, values: dict, writer) -> None:
    if values.get("答复期限") is None and suggestion.assigned:
        suggestion.deadline = add_months(suggestion.assigned, settings.CONGRESS["REPLY_MONTHS"])
    # The lead deputy is not also a co-signer of their own suggestion.
    col = writer.sheet.column("附议代表")
    pending = suggestion.__dict__.get("_ledger_many", {})
    if col.header in pending:
        people = [d for d in pending[col.header][1] if d.pk != suggestion.lead_id]
        writer.set_many(suggestion, col, people)


register(
    Sheet(
        "代表建议",
        100,
        Suggestion,
        [
            Col("编号", "number", required=True, help="如 第12号"),
            Col("标题", "title", required=True),
            Col("类别", "kind", required=True),
            Col("提出日期", "date", required=True),
            deputy_col("领衔代表", "lead__name", required=True, help="“代表”表中的姓名"),
            deputy_col("附议代表", "cosigners__name"),
            # Units are plain names in the ledger: a new name is a new handling unit.
            Col("主办单位", "lead_unit__name", create=True),
            Col("协办单位", "assist_units__name", create=True),
            Col("交办日期", "assigned"),
            Col("答复期限", "deadline", help="留空为交办日期加三个月"),
            Col("重点督办", "key"),
            Col("答复日期", "reply_date"),
            Col(
                "答复类别",
                "result",
                help="A 已解决或基本解决、B 正在解决或列入计划、C 因条件限制暂不能解决、D 留作参考",
            ),
            Col("代表意见", "opinion"),
            Col("代表意见说明", "opinion_reason", help="代表不满意时的理由"),
            Col("办理状态", "state", required=True),
            Col("转公益诉讼", "litigation"),
        ],
        key=("编号", "类别", "提出日期"),
        # 提出日期 places the item in its year: the key is the number and kind within a year.
        lookup=lambda v: (
            {"number": v["编号"], "kind": v["类别"], "year": v["提出日期"].year}
            if v.get("编号") and v.get("类别") and v.get("提出日期")
            else None
        ),
        year_queryset=lambda y: Suggestion.objects.filter(date__year=y).order_by("kind", "pk"),
        year_column="提出日期",
        adjust=_suggestion,
    ),
)
