"""How a sheet is declared: each column once — its header, the model field it holds, how a cell
is read — and from those declarations the import, the export, the template, the list export
and the office's own figures all follow.

Each app declares its own sheets in ``<app>/ledger.py``; ``all_sheets()`` collects them in the
order a workbook is imported (stations before the deputies attached to them, …).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models

from congress.ledger import cells
from congress.registry import Registry


class RowError(Exception):
    """A row that cannot be written; names the column at fault."""

    def __init__(self, column: str, reason: str, value=""):
        super().__init__(reason)
        self.column, self.reason, self.value = column, reason, value


NOT_FOUND = "找不到“{name}”：它应在本工作簿中或已录入系统"
AMBIGUOUS = "“{name}”有多条同名记录，无法确定是哪一条"

# How a column sits on its model, from its field path:
PLAIN = "plain"  # a field of the record itself
REF = "ref"  # a record referred to by name (a foreign key: "meeting__name")
REFS = "refs"  # several, separated by 、 (a many-to-many: "deputies__name")
CHILDREN = "children"  # lines owned by the record, in order (a reverse key: "agenda__title")


@dataclass
class Col:
    """One column: its header, the field path on the sheet's model, and how its cells read.

    The kind (date, int, bool, enum with its choices, list, …) follows from the model field
    unless given. ``get``/``put`` replace the plain reading and writing of the field where the
    ledger says something the model stores otherwise (宪法宣誓 是/否 for an oath date)."""

    header: str
    field: str = ""
    kind: str = ""  # text, date, int, percent, bool, list, enum, lines
    required: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""
    default: Any = None  # stored when the cell is empty
    get: Callable[[models.Model], Any] | None = None
    put: Callable[[models.Model, Any, dict], None] | None = None
    # For a column naming other records: the messages when a name is unknown or shared, the
    # choice among namesakes, and whether an unknown name creates the record (handling units).
    missing: str = NOT_FOUND
    ambiguous: str = AMBIGUOUS
    pick: Callable[[list, dict], Any] | None = None
    create: bool = False
    # Filled in by the sheet from the model:
    shape: str = PLAIN
    model_field: Any = None
    target: str = ""  # the related model's field a name is matched against

    def bind(self, model: type[models.Model]) -> None:
        if not self.field:
            return
        name, _, attr = self.field.partition("__")
        f = model._meta.get_field(name)
        self.model_field, self.target = f, attr
        if f.many_to_many:
            self.shape, kind = REFS, "list"
        elif f.one_to_many:
            self.shape, kind = CHILDREN, "lines"
        elif f.many_to_one:
            self.shape, kind = REF, "text"
        elif f.choices:
            kind = "enum"
            self.choices = self.choices or tuple(str(v) for v, _label in f.flatchoices if v)
        elif isinstance(f, models.BooleanField):
            kind = "bool"
        elif isinstance(f, models.DateField):
            kind = "date"
        elif isinstance(f, models.IntegerField):
            kind = "int"
        else:
            kind = "text"
        self.kind = self.kind or kind
        if (
            self.default is None
            and self.shape == PLAIN
            and isinstance(f, models.IntegerField)
            and not f.null
            and f.has_default()
        ):
            self.default = f.get_default()  # 数量 left empty is 1, 推动解决问题数 is 0

    @property
    def related(self) -> type[models.Model] | None:
        f = self.model_field
        return f.related_model if f is not None and f.is_relation else None

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

    def cell(self, obj: models.Model):
        """The record's value in this column, as the export writes it."""
        if self.get is not None:
            return self.get(obj)
        f = self.model_field
        if self.shape == REF:
            related = getattr(obj, f.name)
            return getattr(related, self.target) if related is not None else ""
        if self.shape == REFS:
            return "、".join(getattr(r, self.target) for r in getattr(obj, f.name).all())
        if self.shape == CHILDREN:
            manager = getattr(obj, f.get_accessor_name())
            return "；".join(getattr(r, self.target) for r in manager.all())
        value = getattr(obj, f.attname)
        if self.kind == "bool":
            return yes(value)
        return value

    def stored(self, value):
        """A parsed cell as the field stores it: the default for an empty cell."""
        if value in (None, "", []):
            if self.default is not None:
                return self.default
            f = self.model_field
            if f is not None and self.shape == PLAIN and not f.null:
                return False if self.kind == "bool" else ""
            return [] if self.shape in (REFS, CHILDREN) else None
        return value


@dataclass(frozen=True)
class Refusal:
    """A row this sheet's model refuses by its rules, and the same record as its form posts it:
    the ledger and the form must refuse both with this one message (tests/test_rule_parity.py
    proves it for every sheet that declares one, so a new app's rules are proved too)."""

    rows: list[list]  # the header row, then the refused row
    form: dict[str, str]  # the record form's fields
    message: str
    # Records the row refers to (a meeting, a member), made before either is tried; returns
    # {placeholder: value} for the form's fields that name them by id.
    setup: Callable[[], dict[str, str]] | None = None


@dataclass
class Sheet:
    """A sheet of the ledger: its columns, natural key and the records a year's export holds."""

    name: str
    order: int
    model: type[models.Model]
    columns: list[Col]
    key: tuple[str, ...]
    year_queryset: Callable[[int], models.QuerySet]  # the records a year's export holds
    year_column: str = ""  # the starred date column that puts a row in a year
    # The ORM filter that finds a row's record, when the natural key is not plain columns.
    lookup: Callable[[dict], dict] | None = None
    # Fields the ledger derives from others after a row is applied (a default deadline, …);
    # receives the record, the parsed row and the sheet's writer (its ``shared`` dict, ``one()``).
    adjust: Callable[[models.Model, dict, Any], None] | None = None
    # Rows its model's rules refuse (see Refusal): declared beside the rules they prove.
    refusals: tuple[Refusal, ...] = ()
    # A rule over several rows together (a meeting's attendance): asked after the sheet's rows
    # are written, inside the import's transaction, with (row number, record) of each row;
    # returns (row number, column, reason) of each row it refuses.
    verify: Callable[[list[tuple[int, models.Model]]], list[tuple[int, str, str]]] | None = None

    def __post_init__(self) -> None:
        for col in self.columns:
            col.bind(self.model)

    @property
    def fields(self) -> dict[str, str]:
        """Each column's place in the model (an ORM lookup path), so that the office's own
        figures, written in the ledger's words, select the same records the sheet holds."""
        return {c.header: c.field for c in self.columns if c.field}

    def prepare(self, queryset: models.QuerySet) -> models.QuerySet:
        """The related rows every column needs, fetched with the records."""
        joined = [c.model_field.name for c in self.columns if c.shape == REF]
        many = [
            c.model_field.name if c.shape == REFS else c.model_field.get_accessor_name()
            for c in self.columns
            if c.shape in (REFS, CHILDREN)
        ]
        if joined:
            queryset = queryset.select_related(*joined)
        return queryset.prefetch_related(*many) if many else queryset

    def dump(self, obj: models.Model) -> dict:
        """One record as {header: value}."""
        return {c.header: c.cell(obj) for c in self.columns}

    def rows(self, queryset: models.QuerySet) -> Iterable[dict]:
        return (self.dump(obj) for obj in self.prepare(queryset))

    def column(self, header: str) -> Col | None:
        return next((c for c in self.columns if c.header == header), None)


# Each sheet under its name, and each model in one sheet only (a list's export finds its sheet
# by model).
SHEETS: Registry[Sheet] = Registry(
    "ledger sheet",
    "ledger",
    key=lambda s: s.name,
    unique={" for model": lambda s: s.model._meta.label},
)


def register(*sheets: Sheet) -> None:
    SHEETS.register(*sheets)


def all_sheets() -> list[Sheet]:
    return sorted(SHEETS.values(), key=lambda s: s.order)


def sheet_for(model: type[models.Model]) -> Sheet | None:
    """The sheet that holds a model's records (a list page's export)."""
    return next((s for s in all_sheets() if s.model is model), None)


# --- helpers the apps' sheets share ---------------------------------------------------------


def yes(value) -> str:
    return "是" if value else "否"
