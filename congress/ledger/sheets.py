"""How a sheet is declared: its columns, its natural key, and how a row maps onto records.

Each app declares its own sheets in ``<app>/ledger.py``; ``all_sheets()`` collects them in the
order a workbook is imported (stations before the deputies attached to them, …).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models

from . import cells


class RowError(Exception):
    """A row that cannot be written; names the column at fault."""

    def __init__(self, column: str, reason: str, value=""):
        super().__init__(reason)
        self.column, self.reason, self.value = column, reason, value


@dataclass
class Col:
    header: str
    kind: str = "text"  # text, date, int, percent, bool, list, enum, lines
    required: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""

    def parse(self, raw):
        if self.kind == "date":
            return cells.date(raw)
        if self.kind == "int":
            return cells.whole(raw)
        if self.kind == "percent":
            return cells.percent(raw)
        if self.kind == "bool":
            return cells.yes_no(raw)
        if self.kind == "list":
            return cells.items(raw)
        if self.kind == "lines":
            return [
                p.strip()
                for p in cells.text(raw).replace(";", "；").replace("\n", "；").split("；")
                if p.strip()
            ]
        if self.kind == "enum":
            return cells.choice(raw, self.choices)
        return cells.text(raw)

    def explain(self) -> str:
        if self.help:
            return self.help
        return {
            "date": "日期，如 2025-03-18",
            "int": "整数",
            "percent": "0–100 的百分比",
            "bool": "是 或 否（留空为否）",
            "list": "多个用、分隔",
            "lines": "多个议题用；或换行分隔",
            "enum": "、".join(self.choices),
        }.get(self.kind, "文字")


@dataclass
class Sheet:
    name: str
    order: int
    columns: list[Col]
    key: tuple[str, ...]
    save: Callable[[dict], bool]  # writes one parsed row; True when it created a record
    dump: Callable[[models.Model], dict]  # one record as {header: value}
    year_queryset: Callable[[int], models.QuerySet]  # the records a year's export holds
    prepare: Callable[[models.QuerySet], models.QuerySet] = lambda qs: qs  # related rows
    # Each column's place in the model (an ORM lookup path), so that the office's own figures,
    # written in the ledger's words, select the same records the sheet holds.
    fields: dict[str, str] = field(default_factory=dict)
    year_column: str = ""  # the starred date column that puts a row in a year
    # The ORM filter that finds a row's record, when the natural key is not plain columns.
    lookup: Callable[[dict], dict] | None = None

    @property
    def model(self) -> type[models.Model] | None:
        from congress.crud import KINDS
        from congress.registry import discover

        discover("views")  # the record kinds, declared in each app's views
        kind = next((k for k in KINDS.values() if k.export_sheet == self.name), None)
        return kind.model if kind else None

    def rows(self, queryset: models.QuerySet) -> Iterable[dict]:
        return (self.dump(obj) for obj in self.prepare(queryset))

    def column(self, header: str) -> Col | None:
        return next((c for c in self.columns if c.header == header), None)


SHEETS: dict[str, Sheet] = {}


def register(*sheets: Sheet) -> None:
    for sheet in sheets:
        SHEETS[sheet.name] = sheet


_discovered = False


def all_sheets() -> list[Sheet]:
    global _discovered
    if not _discovered:
        # Every app's sheets, once, whatever was imported before.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("ledger")
        _discovered = True
    return sorted(SHEETS.values(), key=lambda s: s.order)


# --- helpers the apps' sheets share ---------------------------------------------------------


def upsert(model: type[models.Model], key: dict, values: dict) -> tuple[models.Model, bool]:
    """The record with this natural key, updated, or a new one; validated field by field."""
    obj = model.objects.filter(**key).first()
    created = obj is None
    if created:
        obj = model(**key)
    for name, value in values.items():
        setattr(obj, name, value)
    try:
        obj.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        name, errors = next(iter(exc.message_dict.items()))
        label = str(model._meta.get_field(name).verbose_name) if name != "__all__" else ""
        raise RowError(label, "；".join(errors)) from exc
    from .versions import IMPORT_USER

    user = IMPORT_USER.get()
    if user is not None:
        obj._history_user = user  # the history says who confirmed the import, not "系统"
    obj.save()
    return obj, created


def by_name(model: type[models.Model], column: str, name: str, field_name: str = "name", **extra):
    """A record referred to by name: it must exist (in this workbook or already saved)."""
    if not name:
        return None
    found = list(model.objects.filter(**{field_name: name}, **extra)[:2])
    if not found:
        raise RowError(column, f"找不到“{name}”：它应在本工作簿中或已录入系统", name)
    if len(found) > 1:
        raise RowError(column, f"“{name}”有多条同名记录，无法确定是哪一条", name)
    return found[0]


def deputies_named(column: str, names: list[str]) -> list:
    from deputies.models import Deputy

    found = []
    for name in names:
        matches = list(Deputy.objects.filter(name=name)[:5])
        if not matches:
            raise RowError(column, f"找不到代表“{name}”：应在“代表”表中或已录入系统", name)
        if len(matches) > 1:
            # Prefer the one still in office; a by-elected namesake may share the name.
            active = [d for d in matches if d.status != "资格终止"]
            if len(active) != 1:
                raise RowError(column, f"有多名代表叫“{name}”，无法确定是哪一位", name)
            matches = active
        found.append(matches[0])
    return found


def yes(value: bool) -> str:
    return "是" if value else "否"


def year_range(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
