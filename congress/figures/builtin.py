"""The year's figures, each defined once.

A figure is a record list (a ``RecordKind`` and the filter parameters that select its records
for a year) and a measure over that list (count, a sum, participations). The dashboard, the
annual report and the drill-down link all use the same definition, so the list a leader lands on
always holds the records the figure counted. Rates divide two figures.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import QuerySet, Sum

from congress.documents.text import format_rate
from congress.records.kinds import RecordKind
from congress.registry import Registry

Measure = Callable[[QuerySet], int]


def count(qs: QuerySet) -> int:
    return qs.count()


def total(field_name: str) -> Measure:
    def measure(qs: QuerySet) -> int:
        return qs.aggregate(n=Sum(field_name))["n"] or 0

    measure.field_name = field_name
    return measure


@dataclass(frozen=True)
class Figure:
    key: str
    label: str  # as the report and dashboard name it
    unit: str  # 次, 个, 件, 人次 …; "" for rates
    definition: str  # the counting rule, in the ledger format's words
    kind: RecordKind | None = None
    params: Callable[[int], dict] = field(default=lambda year: {"year": year})
    measure: Measure = count
    numerator: str | None = None  # rates: keys of two figures
    denominator: str | None = None
    section: str = ""
    name: str = ""  # the figure's name in the review's text ({{常委会会议}}); else its label
    tile: int = 0  # a new installation's dashboard shows it, at this place (0: not by default)

    @property
    def text_name(self) -> str:
        return self.name or self.label

    @property
    def is_sum(self) -> bool:
        return hasattr(self.measure, "field_name") and not self.is_rate

    @property
    def is_rate(self) -> bool:
        return self.numerator is not None

    def _params(self, year: int, until: datetime.date | None) -> dict:
        params = dict(self.params(year))
        if until is not None:
            params["until"] = until.isoformat()
        return params

    def queryset(self, year: int, until: datetime.date | None = None) -> QuerySet:
        base = FIGURES[self.denominator] if self.is_rate else self
        return filter_records(base.kind, base._params(year, until))

    def link(self, year: int, until: datetime.date | None = None) -> str:
        """The staff list of the records behind the figure (the denominator's, for a rate)."""
        found = _LINKS.get((self.key, year, until))
        if found is None:
            found = _LINKS[(self.key, year, until)] = self._link(year, until)
        return found

    def _link(self, year: int, until: datetime.date | None) -> str:
        base = FIGURES[self.denominator] if self.is_rate else self
        params = base._params(year, until)
        if base.is_sum:
            # The list then shows the sum beside its row count.
            params = {**params, "figure": base.text_name}
        return base.kind.list_url(**params)

    def compute(
        self, year: int, known: dict | None = None, until: datetime.date | None = None
    ) -> int | str:
        if self.is_rate:
            known = known if known is not None else {}
            num = known.get(self.numerator)
            den = known.get(self.denominator)
            if num is None:
                num = FIGURES[self.numerator].compute(year, until=until)
            if den is None:
                den = FIGURES[self.denominator].compute(year, until=until)
            return format_rate(num, den)
        return self.measure(self.queryset(year, until))


# Each figure under its key, and under its name in the review's text: a second figure named
# 来信 in another app would otherwise replace 信访's in the review, the tiles and the lists.
FIGURES: Registry[Figure] = Registry(
    "figure", "figures", key=lambda f: f.key, unique={" named": lambda f: f.text_name}
)


_LINKS: dict[tuple, str] = {}  # a figure's list URL depends on nothing but its definition


_FILTERSETS: dict[str, object] = {}


def filter_records(kind: RecordKind, params: dict) -> QuerySet:
    """The records the kind's list page shows for these parameters, by the same filters.

    The filters are applied as the list page's FilterSet applies them (each parameter cleaned
    by its form field, then filtered), through one FilterSet per kind: building a FilterSet per
    figure would cost more than the queries themselves.
    """
    filterset = _FILTERSETS.get(kind.key)
    if filterset is None:
        filterset = _FILTERSETS[kind.key] = kind.filterset(queryset=kind.model.objects.none())
    # The model's plain rows: the list page's annotations (counts for its columns) would only
    # slow the figure's query down, and never change which records it selects.
    from congress.records.filters import FIGURE_PARAMS

    qs = kind.model._default_manager.all()
    token = FIGURE_PARAMS.set(params)
    try:
        for name, raw in params.items():
            f = filterset.filters[name]
            field = f.field
            value = field.clean(field.widget.value_from_datadict({name: str(raw)}, {}, name))
            qs = f.filter(qs, value)
    finally:
        FIGURE_PARAMS.reset(token)
    return qs


def register(*figures: Figure) -> None:
    FIGURES.register(*figures)


def all_figures() -> dict[str, Figure]:
    return FIGURES.all()


def builtin_by_name() -> dict[str, Figure]:
    """The built-in figures by their name in the review's text."""
    return {f.text_name: f for f in all_figures().values()}
