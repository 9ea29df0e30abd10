from congress.ledger.sheets import Col, Refusal, Sheet, register

from .models import Filing

register(
    Sheet(
        "备案审查",
        900,
        Filing,
        [
            Col("文件名称", "title", required=True),
            Col("制定机关", "organ", required=True),
            Col("报备日期", "received", required=True),
            Col("状态", "state"),
            Col("发现问题", "problems"),
        ],
        key=("文件名称",),
        year_queryset=lambda y: Filing.objects.filter(received__year=y).order_by("received", "pk"),
        year_column="报备日期",
        refusals=(
            Refusal(
                [
                    ["文件名称", "制定机关", "报备日期", "状态", "发现问题"],
                    ["关于物业管理的规定", "区住建局", "2025-05-06", "已备案", 2],
                ],
                {
                    "title": "关于物业管理的规定",
                    "organ": "区住建局",
                    "received": "2025-05-06",
                    "state": "已备案",
                    "problems": "2",
                },
                "尚未审查的文件不能填写发现问题。",
            ),
        ),
    ),
)
