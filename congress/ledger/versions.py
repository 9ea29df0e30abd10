"""Format 2's rules for a workbook that comes back (ledger-format.md, last rules):

- a row equal to its record changes nothing (no new version, no history entry);
- every change is recorded as made by the user who confirmed the import;
- an exported workbook remembers each record's version (in the workbook's custom document
  properties, invisible to those who edit it), and a row whose record has been changed in the
  application since the export, and that differs from it, is a conflict, resolved by a person.
"""

from __future__ import annotations

import contextvars
import json
from dataclasses import dataclass, field

from django.db import models

from congress.ledger import cells
from congress.ledger.sheets import Sheet

PROPERTY = "congress-ledger-versions:"
# The user whose confirmation writes the rows (upsert stamps the history with it).
IMPORT_USER: contextvars.ContextVar = contextvars.ContextVar("ledger_import_user", default=None)


def _raw(value):
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


def normalized(sheet: Sheet, record: models.Model) -> dict:
    """A record as the import would parse its exported row: comparable with a parsed row."""
    out = {}
    for header, value in sheet.dump(record).items():
        col = sheet.column(header)
        if col is None:
            continue
        try:
            out[header] = col.parse(_raw(value))
        except cells.CellError:
            out[header] = value
        if col.kind == "list" and isinstance(out[header], list):
            out[header] = sorted(out[header])  # the same people in another order are no change
    return out


def lookup(sheet: Sheet, values: dict) -> dict | None:
    """The ORM filter that finds a row's record by the sheet's natural key."""
    if sheet.lookup is not None:
        return sheet.lookup(values)
    found = {}
    for header in sheet.key:
        if header not in sheet.fields or values.get(header) in (None, ""):
            return None
        found[sheet.fields[header]] = values[header]
    return found


def key_text(sheet: Sheet, values: dict) -> str | None:
    filters = lookup(sheet, values)
    if filters is None:
        return None
    return json.dumps(sorted((k, str(v)) for k, v in filters.items()), ensure_ascii=False)


def remember(wb, sheet: Sheet, records, rows: list[dict]) -> None:
    """Write each exported record's version into the workbook (one property per sheet); rows
    are the records as exported, in the same order."""
    from openpyxl.packaging.custom import StringProperty

    versions = {}
    for record, row in zip(records, rows, strict=True):
        key = key_text(sheet, _parsed(sheet, row, sheet.key))
        if key is not None and getattr(record, "version", None) is not None:
            versions[key] = record.version
    if versions:
        wb.custom_doc_props.append(
            StringProperty(
                name=PROPERTY + sheet.name, value=json.dumps(versions, ensure_ascii=False)
            )
        )


def _parsed(sheet: Sheet, row: dict, headers) -> dict:
    out = {}
    for header in headers:
        try:
            out[header] = sheet.column(header).parse(_raw(row.get(header)))
        except cells.CellError:
            out[header] = row.get(header)
    return out


def recalled(wb) -> dict[str, dict[str, int]]:
    """The versions a workbook remembers, by sheet name."""
    out: dict[str, dict[str, int]] = {}
    for prop in getattr(wb, "custom_doc_props", None) or []:
        if prop.name.startswith(PROPERTY):
            try:
                out[prop.name[len(PROPERTY) :]] = json.loads(prop.value)
            except (TypeError, ValueError):
                continue
    return out


@dataclass
class Conflict:
    """A row whose record changed in the application since the workbook was exported."""

    sheet: str
    row: int
    record: str
    fields: list[str] = field(default_factory=list)  # changed in the application since
    differs: list[str] = field(default_factory=list)  # where the workbook differs from it now
    deleted: bool = False  # deleted in the application since the workbook was exported

    @property
    def key(self) -> str:
        return f"{self.sheet}:{self.row}"

    def __str__(self) -> str:
        if self.deleted:
            return (
                f"“{self.sheet}”表第{self.row}行（{self.record}）：导出工作簿之后，"
                "这条记录已在系统中删除"
            )
        since = "、".join(self.fields) or "（未能确定）"
        return (
            f"“{self.sheet}”表第{self.row}行（{self.record}）：导出后系统中已修改了{since}，"
            f"工作簿中的{'、'.join(self.differs)}与系统不同"
        )


def changed_since(sheet: Sheet, record: models.Model, version: int) -> list[str]:
    """The columns changed in the application since the record had this version."""
    history = getattr(record, "history", None)
    if history is None:
        return []
    then = history.filter(version=version).order_by("-history_date").first()
    if then is None:
        return []
    before, now = normalized(sheet, then.instance), normalized(sheet, record)
    return [h for h in now if before.get(h) != now.get(h)]
