"""The sheet 信访 (ledger-format.md, format 2)."""

from congress.ledger.sheets import Col, Sheet, register

from .models import Petition

register(
    Sheet(
        "信访",
        130,
        Petition,
        [
            Col("编号", "number", required=True),
            Col("方式", "channel", required=True),
            Col("日期", "date", required=True),
            Col("人次", "people", help="整数，留空为 1；集体来访填人数"),
            Col("反映人", "petitioner"),
            Col("内容摘要", "summary", required=True),
            Col("内容分类", "category"),
            # A plain name in every sheet alike (ledger-format.md): a new one becomes a unit.
            Col("转办单位", "unit__name", help="承办单位的名称", create=True),
            Col("办理状态", "state", required=True),
            Col("办结日期", "closed"),
        ],
        key=("编号",),
        year_queryset=lambda y: Petition.objects.filter(date__year=y).order_by("date", "pk"),
        year_column="日期",
    ),
)
