"""Writing ledger workbooks: a year's records, a filtered list, or the empty template."""

from __future__ import annotations

import datetime
import io
from urllib.parse import quote

from django.http import HttpResponse

from congress.ledger.importer import EXPLAIN_PREFIX
from congress.ledger.sheets import Sheet, all_sheets

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A cell starting with one of these would be read by Excel as a formula.
FORMULA_START = ("=", "+", "-", "@")


def _sheet(wb, sheet: Sheet, rows, first: bool):
    from openpyxl.styles import Font, PatternFill

    ws = wb.active if first else wb.create_sheet()
    ws.title = sheet.name
    headers = [c.header for c in sheet.columns]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F1E5E4")
    for i, header in enumerate(headers, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = max(10, len(header) * 2 + 4)
    for row in rows:
        values = [_value(row.get(h)) for h in headers]
        ws.append(values)
        number = ws._current_row  # the row just written (ws[max_row] would scan every cell)
        for index, value in enumerate(values, start=1):
            if isinstance(value, datetime.date):
                ws.cell(number, index).number_format = "yyyy-mm-dd"
            elif isinstance(value, str) and value.startswith(FORMULA_START):
                ws.cell(number, index).data_type = "s"  # hostile text stays text, not a formula
    ws.freeze_panes = "A2"
    return ws


def _value(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


def workbook_bytes(year: int) -> tuple[bytes, dict[str, int]]:
    """The year's records in every sheet of the format."""
    from openpyxl import Workbook

    from congress.ledger.versions import remember

    wb = Workbook()
    counts = {}
    for i, sheet in enumerate(all_sheets()):
        records = list(sheet.prepare(sheet.year_queryset(year)))
        rows = [sheet.dump(r) for r in records]
        counts[sheet.name] = len(rows)
        _sheet(wb, sheet, rows, first=i == 0)
        remember(wb, sheet, records, rows)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue(), counts


def template_bytes() -> bytes:
    """Every sheet with its headers, an explanation row and drop-downs for enumerations."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    for i, sheet in enumerate(all_sheets()):
        ws = _sheet(wb, sheet, [], first=i == 0)
        ws.append(
            [EXPLAIN_PREFIX + ("必填。" if c.required else "") + c.explain() for c in sheet.columns]
        )
        for cell in ws[2]:
            cell.font = Font(italic=True, color="777777")
        for index, col in enumerate(sheet.columns, start=1):
            choices = col.choices or (("是", "否") if col.kind == "bool" else ())
            if not choices:
                continue
            letter = ws.cell(1, index).column_letter
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(choices) + '"',
                allow_blank=not col.required,
                showErrorMessage=True,
                errorTitle="输入有误",
                error="请从下拉列表中选择",
            )
            dv.add(f"{letter}3:{letter}5000")
            ws.add_data_validation(dv)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def export_queryset(sheet: Sheet, queryset) -> HttpResponse:
    """A list page's filtered records as a one-sheet workbook in the ledger format."""
    from openpyxl import Workbook

    from congress.ledger.versions import remember

    wb = Workbook()
    records = list(sheet.prepare(queryset))
    rows = [sheet.dump(r) for r in records]
    _sheet(wb, sheet, rows, first=True)
    remember(wb, sheet, records, rows)
    out = io.BytesIO()
    wb.save(out)
    return xlsx_response(out.getvalue(), f"{sheet.name}.xlsx")
