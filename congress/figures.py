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

from . import safecache
from .crud import RecordKind
from .text import format_rate

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


FIGURES: dict[str, Figure] = {}
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
    from .filters import FIGURE_PARAMS

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
    for fig in figures:
        if fig.key in FIGURES:
            raise ValueError(f"figure {fig.key} defined twice")
        FIGURES[fig.key] = fig


_discovered = False


def _load() -> None:
    """Import every app's figures module once. Not "while the registry is empty": a module
    imported directly (the dashboard's charts) would fill it and hide the other apps' figures."""
    global _discovered
    if not _discovered:
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("figures")
        _discovered = True


def all_figures() -> dict[str, Figure]:
    _load()
    return FIGURES


def builtin_by_name() -> dict[str, Figure]:
    """The built-in figures by their name in the review's text."""
    return {f.text_name: f for f in all_figures().values()}


VERSION_KEY = "congress:records-version"


def _bump(key: str) -> None:
    safecache.incr(key)


def records_changed(years: set[int] | None = None) -> None:
    """Cached figures are stale: those of the given years, or of every year when None.

    A record dated in one year (a meeting, a suggestion…) only moves that year's figures (and
    the year it was moved from); stations and deputies count across years, so they move all.
    """
    from django.db import transaction

    def bump() -> None:
        if years is None:
            _bump(VERSION_KEY)
        else:
            for year in years:
                _bump(f"{VERSION_KEY}:{year}")

    # Best-effort both times: a save never fails (or rolls back) because the cache is away.
    # Now, for readers in this transaction; again after commit, so that figures another
    # request cached from the rows as they were before the commit are not kept.
    bump()
    transaction.on_commit(bump)
    _schedule_warm(years)


WARM_DELAY = 5  # seconds: a burst of saves (a ledger import) asks for one recomputation


def _schedule_warm(years: set[int] | None) -> None:
    """With a worker, recompute the changed years' figures in the background, so that the next
    leader to open the dashboard finds them cached. Without one (eager mode) nothing is queued:
    the next view computes them."""
    from django.conf import settings
    from django.db import transaction
    from django.utils import timezone

    if settings.CELERY_TASK_ALWAYS_EAGER:
        return
    from celery import current_app as app  # the project's app (congress/__init__.py)

    if app.conf.task_always_eager:
        return
    this_year = timezone.localdate().year
    for year in sorted(years or {this_year, this_year - 1}):
        if safecache.add(f"congress:warm-pending:{year}", 1, WARM_DELAY * 6):
            # By name: the task lives in the layer above (congress.tasks).
            transaction.on_commit(
                lambda y=year: app.send_task(
                    "congress.tasks.warm_year", args=[y], countdown=WARM_DELAY
                )
            )


def cache_key(name: str, year: int) -> str:
    versions = safecache.get_many([VERSION_KEY, f"{VERSION_KEY}:{year}"])
    return (
        f"congress:{name}:{year}:{versions.get(VERSION_KEY, 1)}:"
        f"{versions.get(f'{VERSION_KEY}:{year}', 1)}"
    )


def cached_for_year(name: str, year: int, compute):
    """compute() for the year, kept until a record of that year (or any station or deputy)
    changes."""
    key = cache_key(name, year)
    value = safecache.get(key)
    if value is None:
        value = compute()
        safecache.set(key, value, 24 * 3600)
    return value


def compute_year(year: int, until: datetime.date | None = None) -> dict[str, int | str]:
    """Every figure of the year (up to ``until``, for 上年同期): plain figures first, then the
    rates from them. Cached until a record changes."""
    figures = all_figures()

    def compute() -> dict:
        values = {}
        for fig in figures.values():
            if not fig.is_rate:
                values[fig.key] = fig.compute(year, until=until)
        for fig in figures.values():
            if fig.is_rate:
                values[fig.key] = fig.compute(year, values, until=until)
        return values

    name = "figures" if until is None else f"figures-until-{until.isoformat()}"
    return cached_for_year(name, year, compute)
