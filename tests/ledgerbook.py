"""Tiny workbooks built in tests."""

import io

from openpyxl import Workbook


def book(sheets: dict[str, list[list]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


STATION = ["名称", "类型", "所在镇街", "建成日期"]
DEPUTY = ["姓名", "性别", "层级", "当选方式", "当选日期"]
ACTIVITY = ["活动名称", "类型", "日期", "参加代表", "联系群众人次", "推动解决问题数"]
MEETING = ["会议类型", "会议名称", "召开日期", "届次", "次数", "议题"]


def deputies(*names: str) -> list[list]:
    return [DEPUTY, *[[n, "男", "区", "选举", "2021-10-28"] for n in names]]
