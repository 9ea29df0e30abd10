"""Importing a ledger workbook: all or nothing, every error with its sheet, row and column."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction

from . import cells
from .sheets import Col, RowError, Sheet, all_sheets

EXPLAIN_PREFIX = "填写说明："
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = f"“{self.sheet}”表" if self.sheet else "工作簿"
        if self.row:
            where += f"第{self.row}行"
        if self.column:
            where += f"“{self.column}”列"
        value = f"（值：{self.value}）" if self.value not in ("", "None") else ""
        return f"{where}{value}：{self.reason}"


@dataclass
class Result:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "dry_run": self.dry_run,
            "errors": [p.__dict__ | {"text": str(p)} for p in self.errors],
            "warnings": self.warnings,
        }


class _Rollback(Exception):
    pass


Progress = Callable[[int, int], None]


def import_workbook(
    data: bytes, *, dry_run: bool = False, progress: Progress | None = None
) -> Result:
    """Read, check and (unless dry_run) write a workbook. Nothing is written on any error."""
    result = Result(dry_run=dry_run)
    parsed = read_workbook(data, result)
    if not result.ok:
        return result
    total = sum(len(rows) for _sheet, rows in parsed) or 1
    done = 0
    try:
        with transaction.atomic():
            for sheet, rows in parsed:
                result.created[sheet.name] = result.updated[sheet.name] = 0
                for row_number, values in rows:
                    try:
                        with transaction.atomic():
                            created = sheet.save(values)
                    except RowError as exc:
                        result.errors.append(
                            Problem(
                                sheet.name,
                                row_number,
                                exc.column,
                                cells.text(exc.value),
                                exc.reason,
                            )
                        )
                        continue
                    except (IntegrityError, DatabaseError) as exc:
                        result.errors.append(
                            Problem(sheet.name, row_number, "", "", f"与已有记录冲突：{exc}")
                        )
                        continue
                    key = "created" if created else "updated"
                    getattr(result, key)[sheet.name] += 1
                    done += 1
                    if progress and done % 50 == 0:
                        progress(done, total)
            if result.errors or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    if progress:
        progress(total, total)
    return result


def read_workbook(data: bytes, result: Result) -> list[tuple[Sheet, list[tuple[int, dict]]]]:
    """Every sheet's rows parsed cell by cell; problems go to result.errors."""
    from openpyxl import load_workbook

    if len(data) > settings.LEDGER_MAX_BYTES:
        limit = settings.LEDGER_MAX_BYTES // (1024 * 1024)
        result.errors.append(Problem("", None, "", "", f"文件过大：台账文件不能超过 {limit} MB"))
        return []
    if data.startswith(OLE2):
        result.errors.append(
            Problem(
                "",
                None,
                "",
                "",
                "文件设有密码或是旧版 .xls 格式：请在 Excel 中取消密码并另存为 .xlsx 后再导入",
            )
        )
        return []
    if not data.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(data)):
        result.errors.append(Problem("", None, "", "", "不是 Excel 工作簿（.xlsx）文件"))
        return []
    try:
        formulas = load_workbook(io.BytesIO(data), data_only=False)
        values = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        result.errors.append(
            Problem("", None, "", "", f"无法读取该工作簿：{exc.__class__.__name__}")
        )
        return []
    known = {sheet.name: sheet for sheet in all_sheets()}
    for name in values.sheetnames:
        if name.strip() not in known:
            result.errors.append(
                Problem(name, None, "", "", "未知的工作表名称（应为：" + "、".join(known) + "）")
            )
    parsed = []
    for sheet in known.values():
        name = next((n for n in values.sheetnames if n.strip() == sheet.name), None)
        if name is None:
            continue
        rows = _read_sheet(sheet, values[name], formulas[name], result)
        parsed.append((sheet, rows))
    return parsed


def _read_sheet(sheet: Sheet, ws, ws_formulas, result: Result) -> list[tuple[int, dict]]:
    for merged in ws.merged_cells.ranges:
        if merged.min_row == 1:
            result.errors.append(Problem(sheet.name, 1, "", str(merged), "表头不能有合并单元格"))
            return []
    header_cells = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
    columns: dict[int, Col] = {}
    seen: set[str] = set()
    for index, raw in enumerate(header_cells):
        header = cells.text(raw)
        if not header:
            continue
        col = sheet.column(header)
        if col is None:
            result.warnings.append(f"“{sheet.name}”表的“{header}”列不是台账格式中的列，已忽略")
            continue
        if header in seen:
            result.errors.append(Problem(sheet.name, 1, header, "", "列名重复"))
        seen.add(header)
        columns[index] = col
    missing = [c.header for c in sheet.columns if c.required and c.header not in seen]
    for header in missing:
        result.errors.append(Problem(sheet.name, 1, header, "", "缺少必填列"))
    if missing:
        return []
    formula_rows = ws_formulas.iter_rows(min_row=2, values_only=True)
    rows = []
    for number, raw_row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        formula_row = next(formula_rows, ())
        if not any(cells.text(v) for v in raw_row):
            continue
        if number == 2 and all(
            cells.text(v).startswith(EXPLAIN_PREFIX) for v in raw_row if cells.text(v)
        ):
            continue  # the template's explanation row
        values: dict = {}
        row_ok = True
        for index, col in columns.items():
            raw = raw_row[index] if index < len(raw_row) else None
            formula = formula_row[index] if index < len(formula_row) else None
            if isinstance(formula, str) and formula.startswith("=") and raw is None:
                result.errors.append(
                    Problem(
                        sheet.name,
                        number,
                        col.header,
                        formula,
                        "公式没有保存计算结果：请在 Excel 中打开并保存后再导入",
                    )
                )
                row_ok = False
                continue
            if col.kind == "percent" and isinstance(raw, int | float) and not isinstance(raw, bool):
                # A cell formatted as a percentage stores 100% as 1 and 85% as 0.85.
                if "%" in (ws.cell(row=number, column=index + 1).number_format or ""):
                    raw = round(raw * 100, 6)
            try:
                value = col.parse(raw)
            except cells.CellError as exc:
                result.errors.append(
                    Problem(sheet.name, number, col.header, cells.text(raw), str(exc))
                )
                row_ok = False
                continue
            if col.required and value in ("", None, []):
                result.errors.append(Problem(sheet.name, number, col.header, "", "必填项不能为空"))
                row_ok = False
                continue
            values[col.header] = value
        if row_ok:
            rows.append((number, values))
    return rows
