"""本单位统计数字: figures an office defines itself, in the ledger's words (report-template.md).

A definition names a sheet, conditions on its columns and a measure (rows, a sum, names with or
without repeats), or sums other figures. It is turned into a query over the sheet's model through
the sheet's own column map, so the figure counts exactly the rows the sheet would export, and its
drill-down list (the sheet's record list with ``?figure=名称``) shows exactly those rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, QuerySet, Sum

from congress.ledger.cells import CellError, whole
from congress.ledger.sheets import Sheet, all_sheets
from congress.records.kinds import KINDS, RecordKind

MEASURES = ("行数", "合计", "人次", "人数")
KEYS = {"名称", "单位", "表", "条件", "计量", "年度依据", "合计"}


@dataclass
class OfficeFigure:
    """One office figure, checked; ``compute`` gives its value for a year."""

    name: str
    unit: str
    sheet: Sheet | None = None
    conditions: dict[str, list[str]] = field(default_factory=dict)
    measure: str = "行数"
    measure_column: str = ""
    year_column: str = ""
    parts: list[str] = field(default_factory=list)  # 合计: the names summed

    @property
    def is_sum_of_figures(self) -> bool:
        return bool(self.parts)

    @property
    def is_sum(self) -> bool:
        return self.measure != "行数"

    @property
    def kind(self) -> RecordKind | None:
        if self.sheet is None:
            return None
        return next((k for k in KINDS.values() if k.model is self.sheet.model), None)

    @property
    def model(self) -> type[models.Model]:
        return self.kind.model

    def definition_text(self) -> str:
        """The definition, in the ledger's words, for tooltips and the list's banner."""
        if self.parts:
            return "、".join(self.parts) + "之和"
        conds = "，".join(
            f"{c}为{'或'.join(v or '（空）' for v in vs)}" for c, vs in self.conditions.items()
        )
        what = {
            "行数": "行数",
            "合计": f"“{self.measure_column}”之和",
            "人次": f"“{self.measure_column}”的人次",
            "人数": f"“{self.measure_column}”的人数（不重复）",
        }[self.measure]
        year = (
            f"，按“{self.year_column}”计入年度"
            if self.year_column != self.sheet.year_column
            else ""
        )
        return f"“{self.sheet.name}”表中{conds + '的' if conds else ''}{what}{year}"

    # -- the query ---------------------------------------------------------------------------

    def _lookup(self, column: str) -> str:
        return self.sheet.fields[column]

    def _model_field(self, column: str) -> models.Field:
        path = self._lookup(column).split("__")
        model = self.model
        f = None
        for part in path:
            f = model._meta.get_field(part)
            if f.is_relation:
                model = f.related_model
        return f

    def _condition(self, column: str, values: list[str]) -> Q:
        col = self.sheet.column(column)
        lookup = self._lookup(column)
        mf = self._model_field(column)
        q = Q()
        for value in values:
            if col is not None and col.kind == "bool":
                truth = value == "是"
                if isinstance(mf, models.BooleanField):
                    q |= Q(**{lookup: truth})
                else:
                    q |= Q(**{f"{lookup}__isnull": not truth})
            elif value == "":
                empty = Q(**{f"{lookup}__isnull": True})
                if not mf.is_relation and isinstance(mf, (models.CharField, models.TextField)):
                    empty |= Q(**{lookup: ""})
                q |= empty
            elif col is not None and col.kind == "int":
                q |= Q(**{lookup: whole(value)})
            else:
                q |= Q(**{lookup: value})
        return q

    def _year_lookup(self) -> tuple[str, models.Field]:
        """The year column's lookup and field: a column naming another record (会议出席's
        会议名称) puts the row in the year of that record's date."""
        lookup = self._lookup(self.year_column)
        mf = self._model_field(self.year_column)
        col = self.sheet.column(self.year_column)
        if col is not None and col.related is not None:
            name = getattr(col.related, "year_field", "")
            lookup = f"{col.model_field.name}__{name}"
            mf = col.related._meta.get_field(name)
        return lookup, mf

    def queryset(self, year: int, until=None) -> QuerySet:
        """The rows the figure counts for the year (one row per record), up to ``until``."""
        lookup, mf = self._year_lookup()
        if isinstance(mf, models.IntegerField):
            year_q = Q(**{lookup: year})
        else:
            year_q = Q(**{f"{lookup}__year": year})
            if until is not None:
                year_q &= Q(**{f"{lookup}__lte": until})
        qs = self.model._default_manager.filter(year_q)
        for column, values in self.conditions.items():
            qs = qs.filter(self._condition(column, values))
        # A condition on a list column joins many rows per record: count each record once.
        return self.model._default_manager.filter(pk__in=qs.values("pk"))

    def compute(self, year: int, values: dict[str, Any] | None = None, until=None) -> int:
        if self.parts:
            values = values or {}
            return sum(int(values.get(p) or 0) for p in self.parts)
        return self.measure_of(self.queryset(year, until))

    def measure_of(self, qs: QuerySet) -> int:
        """The figure's measure over these rows (its own, or those a list shows)."""
        if self.measure == "行数":
            return qs.count()
        lookup = self._lookup(self.measure_column)
        if self.measure == "合计":
            return qs.aggregate(n=Sum(lookup))["n"] or 0
        related = lookup.rsplit("__", 1)[0] if "__" in lookup else lookup
        return qs.aggregate(n=Count(related, distinct=self.measure == "人数"))["n"] or 0

    def link(self, year: int, until=None) -> str:
        if self.parts:
            from django.urls import reverse

            return reverse("figure_parts", args=[self.name, year])
        # fy, not year: the list's own year filter may put records in years by another date.
        if until is not None:
            return self.kind.list_url(figure=self.name, fy=year, fu=until.isoformat())
        return self.kind.list_url(figure=self.name, fy=year)


def _values(raw: Any) -> list[str]:
    if isinstance(raw, list):
        return [str(v).strip() for v in raw]
    return [str(raw).strip()]


def parse_item(item: Any, builtin_names: set[str], position: int) -> OfficeFigure:
    """One definition checked on its own; a ValidationError names the item and the reason."""
    label = f"第{position}项"

    def fail(reason: str):
        raise ValidationError(f"{label}：{reason}")

    if not isinstance(item, dict):
        fail("应为一个对象（{…}）")
    raw_name = item.get("名称", "")
    if not isinstance(raw_name, str):
        fail("“名称”应为文字")
    name = raw_name.strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        fail("“名称”不能含有控制字符")
    if len(name) > 30:
        fail("“名称”不能超过30个字")
    if name:
        label = f"第{position}项“{name}”"
    else:
        fail("缺少“名称”")
    if name in builtin_names:
        fail("与内置统计数字同名")
    if any(ch in name for ch in "{}|:") or len(name) > 30:
        fail("名称不能含有 { } | : 且不超过30个字")
    unknown = set(item) - KEYS
    if unknown:
        fail(f"未知的键：{'、'.join(sorted(unknown))}")
    unit = str(item.get("单位", "")).strip()
    if len(unit) > 6:
        fail("单位不超过6个字")
    if "合计" in item:
        if "表" in item:
            fail("“合计”与“表”只能有一个")
        parts = item["合计"]
        if (
            not isinstance(parts, list)
            or len(parts) < 2
            or not all(isinstance(p, str) for p in parts)
        ):
            fail("“合计”应列出至少两个统计数字的名称")
        return OfficeFigure(name=name, unit=unit, parts=[p.strip() for p in parts])
    sheets = {s.name: s for s in all_sheets()}
    sheet = sheets.get(str(item.get("表", "")).strip())
    if sheet is None:
        fail(f"未知的表“{item.get('表', '')}”，可用：{'、'.join(sheets)}")
    fig = OfficeFigure(name=name, unit=unit, sheet=sheet, year_column=sheet.year_column)
    if fig.kind is None or not sheet.fields:
        fail(f"“{sheet.name}”表不能用于统计")
    conditions = item.get("条件", {}) or {}
    if not isinstance(conditions, dict):
        fail("“条件”应为 列名: 值 的对应")
    for column, raw in conditions.items():
        col = sheet.column(column)
        if col is None or column not in sheet.fields:
            fail(f"“{sheet.name}”表没有“{column}”列")
        values = _values(raw)
        for value in values:
            if value == "":
                continue
            if col.kind == "bool" and value not in ("是", "否"):
                fail(f"“{column}”只能是“是”或“否”，不能是“{value}”")
            if col.kind == "enum" and value not in col.choices:
                fail(f"“{column}”没有“{value}”这个值，可用：{'、'.join(col.choices)}")
            if col.kind in ("int", "percent"):
                try:
                    whole(value)  # as the query will read it
                except CellError:
                    fail(f"“{column}”应为整数，不能是“{value}”")
        fig.conditions[column] = values
    measure = str(item.get("计量", "行数")).strip() or "行数"
    kind, _, column = measure.partition(":")
    if kind not in MEASURES or (kind == "行数") != (column == ""):
        fail(f"未知的计量“{measure}”：应为 行数、合计:列名、人次:列名 或 人数:列名")
    if column:
        col = sheet.column(column)
        if col is None or column not in sheet.fields:
            fail(f"“{sheet.name}”表没有“{column}”列")
        if kind == "合计" and col.kind != "int":
            fail(f"“{column}”不是整数列，不能合计")
        if kind in ("人次", "人数") and col.kind not in ("list", "text"):
            fail(f"“{column}”不是名单列，不能计人次或人数")
    fig.measure, fig.measure_column = kind, column
    year_column = str(item.get("年度依据", "")).strip()
    if year_column:
        col = sheet.column(year_column)
        if col is None or col.kind not in ("date", "int") or year_column not in sheet.fields:
            fail(f"“年度依据”应为“{sheet.name}”表的日期列，“{year_column}”不是")
        fig.year_column = year_column
    if not fig.year_column:
        fail(f"“{sheet.name}”表没有日期列，不能按年度统计；请在“年度依据”中指定日期列")
    return fig


def parse_definitions(items: Any, builtin_names: set[str]) -> list[OfficeFigure]:
    """The whole list checked together: unique names, known parts, no loop in 合计."""
    if not isinstance(items, list):
        raise ValidationError("统计数字定义应为一个列表（[…]）")
    figures: list[OfficeFigure] = []
    seen: set[str] = set()
    for i, item in enumerate(items, 1):
        fig = parse_item(item, builtin_names, i)
        if fig.name in seen:
            raise ValidationError(f"第{i}项“{fig.name}”：名称重复")
        seen.add(fig.name)
        figures.append(fig)
    by_name = {f.name: f for f in figures}
    for i, fig in enumerate(figures, 1):
        for part in fig.parts:
            if part not in by_name and part not in builtin_names:
                raise ValidationError(f"第{i}项“{fig.name}”：“合计”中的“{part}”不是统计数字")
    # A loop in 合计 would never finish: walk each figure's parts depth first.
    state: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == 2 or name not in by_name:
            return
        if state.get(name) == 1:
            loop = "→".join([*path[path.index(name) :], name])
            raise ValidationError(f"“{name}”：“合计”循环引用（{loop}）")
        state[name] = 1
        for part in by_name[name].parts:
            visit(part, [*path, name])
        state[name] = 2

    for fig in figures:
        visit(fig.name, [])
    return figures


def order_for_sums(figures: list[OfficeFigure]) -> list[OfficeFigure]:
    """Row figures first, then sums after the figures they add up (the list has no loop)."""
    done: list[OfficeFigure] = []
    names: set[str] = set()
    pending = list(figures)
    office = {f.name for f in figures}
    while pending:
        for fig in list(pending):
            if all(p in names or p not in office for p in fig.parts):
                done.append(fig)
                names.add(fig.name)
                pending.remove(fig)
    return done


def dumps(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
