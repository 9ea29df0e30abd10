"""Importing a ledger workbook: all or nothing, every error with its sheet, row and column."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, transaction

from congress.ledger import cells
from congress.ledger.sheets import Col, RowError, Sheet, all_sheets
from congress.records import confirm

EXPLAIN_PREFIX = "填写说明："
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


log = logging.getLogger(__name__)
UNREADABLE_BOOK = (
    "无法读取该工作簿：文件可能已损坏，或不是 Excel 保存的 .xlsx 文件。"
    "请在 Excel 中打开后“另存为” .xlsx 工作簿再上传。"
)
UNREADABLE_ROW = "这一行无法按台账格式读取，请对照模板检查这一行的每个单元格。"


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
    unchanged: dict[str, int] = field(default_factory=dict)
    kept: int = 0  # conflicts resolved by keeping the application's values
    errors: list[Problem] = field(default_factory=list)
    conflicts: list = field(default_factory=list)  # versions.Conflict, not yet decided
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    versions: dict = field(default_factory=dict)  # what the workbook remembers, by sheet

    @property
    def ok(self) -> bool:
        return not self.errors and not self.conflicts

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "kept": self.kept,
            "dry_run": self.dry_run,
            "errors": [p.__dict__ | {"text": str(p)} for p in self.errors],
            "conflicts": [c.__dict__ | {"key": c.key, "text": str(c)} for c in self.conflicts],
            "warnings": self.warnings,
        }


class _Rollback(Exception):
    pass


Progress = Callable[[int, int], None]


def import_workbook(
    data: bytes,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    user=None,
    decisions: dict[str, str] | None = None,
    overwrite: bool = False,
) -> Result:
    """Read, check and (unless dry_run) write a workbook. Nothing is written on any error or
    on any conflict left undecided (``decisions``: "sheet:row" -> "keep" or "take";
    ``overwrite`` takes the workbook's values for every conflict). Changes are recorded as made
    by ``user``."""
    from congress.ledger.versions import IMPORT_USER

    result = Result(dry_run=dry_run)
    parsed = read_workbook(data, result)
    if result.errors:
        return result
    token = IMPORT_USER.set(user)
    try:
        return _write(parsed, result, dry_run, progress, decisions or {}, overwrite)
    finally:
        IMPORT_USER.reset(token)


def _write(parsed, result: Result, dry_run: bool, progress, decisions, overwrite) -> Result:
    from congress.ledger.versions import IMPORT_USER, Conflict, changed_since
    from congress.ledger.writer import Outcome, SheetWriter

    total = sum(len(rows) for _sheet, rows in parsed) or 1
    done = 0
    user = IMPORT_USER.get()
    try:
        with transaction.atomic():
            for sheet, rows in parsed:
                name = sheet.name
                result.created[name] = result.updated[name] = result.unchanged[name] = 0
                writer = SheetWriter(
                    sheet,
                    result.versions.get(name, {}),
                    lambda number, name=name: (
                        "take" if overwrite else decisions.get(f"{name}:{number}")
                    ),
                    user,
                )
                writer.load(rows)
                result.warnings.extend(writer.notes)
                for row_number, values in rows:
                    done += 1
                    if progress and done % 500 == 0:
                        progress(done, total)
                    try:
                        created = writer.row(row_number, values)
                    except Outcome as outcome:
                        if outcome.what == "unchanged":
                            result.unchanged[name] += 1
                        elif outcome.what == "kept":
                            result.kept += 1
                        elif outcome.what == "deleted":
                            label = "、".join(str(values.get(h, "")) for h in sheet.key)
                            result.conflicts.append(Conflict(name, row_number, label, deleted=True))
                        else:
                            # The record as saved, not as the row left it in memory.
                            record = sheet.model._default_manager.get(pk=outcome.record.pk)
                            version = writer.exported.get(_key(sheet, values))
                            result.conflicts.append(
                                Conflict(
                                    name,
                                    row_number,
                                    str(record),
                                    changed_since(sheet, record, version),
                                    outcome.differs,
                                )
                            )
                        continue
                    except RowError as exc:
                        result.errors.append(
                            Problem(name, row_number, exc.column, cells.text(exc.value), exc.reason)
                        )
                        continue
                    except DatabaseError:
                        raise  # the transaction is spoilt: the whole import stops
                    except Exception:  # noqa: BLE001 - a row the rules did not foresee
                        # Told as a sentence naming the sheet and row, never as an exception's
                        # name; the details go to the log for whoever maintains the system.
                        log.exception("ledger row %s:%s could not be read", name, row_number)
                        result.errors.append(Problem(name, row_number, "", "", UNREADABLE_ROW))
                        continue
                    getattr(result, "created" if created else "updated")[name] += 1
                failed = writer.flush()
                for row_number, reason in failed:
                    result.errors.append(Problem(name, row_number, "", "", reason))
                if sheet.verify is not None and not failed:
                    written = [*writer.new, *writer.changed]
                    for row_number, column, reason in sheet.verify(written):
                        result.errors.append(Problem(name, row_number, column, "", reason))
                # Rows of a year whose review was issued: said on the check page, before the
                # person confirms the import (as a record's form asks before saving).
                touched = [o for _n, o in (*writer.new, *writer.changed)]
                if touched and (issued := confirm.needed(*touched)):
                    if issued not in result.warnings:
                        result.warnings.append(issued)
            if result.errors or result.conflicts or dry_run:
                raise _Rollback
            _changed()
    except _Rollback:
        pass
    if progress:
        progress(total, total)
    return result


def _key(sheet, values):
    from congress.ledger.versions import key_text

    return key_text(sheet, values)


def _changed() -> None:
    # Bulk writes send no post_save: the cached figures of every year are stale at once.
    from congress.records.signals import records_written

    records_written.send(sender=None)


def _too_big(data: bytes) -> str:
    """Refuse a zip bomb from the zip's directory alone, before any XML is read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
        return "不是 Excel 工作簿（.xlsx）文件"
    total = sum(e.file_size for e in entries)
    if total > settings.LEDGER_MAX_UNCOMPRESSED or len(entries) > 2000:
        return "工作簿解压后过大：请分成几个工作簿导入，或删去其中的图片和多余的工作表"
    for e in entries:
        if e.compress_size and e.file_size / e.compress_size > settings.LEDGER_MAX_RATIO:
            if e.file_size > 1024 * 1024:
                return "工作簿的内容异常（压缩比过高），已拒绝导入"
    return ""


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
    problem = _too_big(data)
    if problem:
        result.errors.append(Problem("", None, "", "", problem))
        return []
    try:
        # Streamed (read-only): a large workbook is read once, row by row, in little memory.
        values = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = None
        if any(b"<f" in _xml(values, ws) for ws in values.worksheets):
            # Only a workbook with formulas is read a second time, for the formulas themselves.
            formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        log.warning("unreadable workbook", exc_info=True)
        result.errors.append(Problem("", None, "", "", UNREADABLE_BOOK))
        return []
    from congress.ledger.versions import recalled

    result.versions = recalled(values)
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
        rows = _read_sheet(sheet, values[name], formulas[name] if formulas else None, result)
        parsed.append((sheet, rows))
    values.close()
    if formulas:
        formulas.close()
    return parsed


def _xml(wb, ws) -> bytes:
    """A worksheet's own XML, for what streaming does not report (formulas, merged cells)."""
    return wb._archive.read(ws._worksheet_path)


def _merged_header(wb, ws) -> str:
    from openpyxl.utils import range_boundaries

    for ref in re.findall(rb'<mergeCell ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"', _xml(wb, ws)):
        if range_boundaries(ref.decode())[1] == 1:
            return ref.decode()
    return ""


def _read_sheet(sheet: Sheet, ws, ws_formulas, result: Result) -> list[tuple[int, dict]]:
    merged = _merged_header(ws.parent, ws)
    if merged:
        result.errors.append(Problem(sheet.name, 1, "", merged, "表头不能有合并单元格"))
        return []
    ws.reset_dimensions()  # some writers record wrong dimensions; read what is there
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
    # Number formats are read only where they matter: a cell formatted as a percentage.
    percents = {i for i, col in columns.items() if col.kind == "percent"}
    if ws_formulas is not None:
        ws_formulas.reset_dimensions()
        formula_rows = ws_formulas.iter_rows(min_row=2, values_only=True)
    else:
        formula_rows = None
    rows = []
    for number, raw_row in enumerate(ws.iter_rows(min_row=2, values_only=not percents), start=2):
        formats = {}
        if percents:
            formats = {i: raw_row[i].number_format for i in percents if i < len(raw_row)}
            raw_row = tuple(getattr(c, "value", None) for c in raw_row)
        formula_row = next(formula_rows, ()) if formula_rows is not None else ()
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
            if index in percents and isinstance(raw, int | float) and not isinstance(raw, bool):
                # A cell formatted as a percentage stores 100% as 1 and 85% as 0.85.
                if "%" in (formats.get(index) or ""):
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
