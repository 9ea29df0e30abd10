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


FIGURES: dict[str, Figure] = {}
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


VERSION_KEY = "congress:records-version"  # any record: what is cached without its tables
TABLES_KEY = "congress:tables-version"  # per table: what is cached with the tables it reads


def _bump(key: str) -> None:
    safecache.incr(key)


def records_changed(years: set[int] | None = None, tables: set[str] | None = None) -> None:
    """Cached figures are stale: those of the given years (every year when None) that read the
    given tables (every table when None).

    A record dated in one year (a meeting, a suggestion…) only moves that year's figures (and
    the year it was moved from); stations and deputies count across years, so they move all.
    A figure reads only some tables: a new decision leaves the suggestions' figures cached.
    """
    from django.db import transaction

    suffixes = [""] if years is None else [f":{year}" for year in sorted(years)]
    scopes = [""] if tables is None else [f":{table}" for table in sorted(tables)]
    keys = [VERSION_KEY + y for y in suffixes] + [
        TABLES_KEY + t + y for t in scopes for y in suffixes
    ]

    def bump() -> None:
        for key in keys:
            _bump(key)

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


def _version_keys(year: int, tables: frozenset[str] | None) -> list[str]:
    """The version counters a cached value of the year depends on: any record's (None), or
    those of the tables it read."""
    if tables is None:
        return [VERSION_KEY, f"{VERSION_KEY}:{year}"]
    keys = [TABLES_KEY, f"{TABLES_KEY}:{year}"]
    for table in sorted(tables):
        keys += [f"{TABLES_KEY}:{table}", f"{TABLES_KEY}:{table}:{year}"]
    return keys


def cache_key(name: str, year: int) -> str:
    keys = _version_keys(year, None)
    versions = safecache.get_many(keys)
    return f"congress:{name}:{year}:" + ":".join(str(versions.get(k, 1)) for k in keys)


def cached_for_year(name: str, year: int, compute):
    """compute() for the year, kept until a record of that year (or any station or deputy)
    changes."""
    key = cache_key(name, year)
    value = safecache.get(key)
    if value is None:
        value = compute()
        safecache.set(key, value, 24 * 3600)
    return value


def tables_in(statements: list[str]) -> frozenset[str]:
    """The tables these SQL statements name, and for each the tables one relation away (what a
    measure or a later query may join): what a cached result depends on."""
    from django.apps import apps

    models = [
        m
        for m in apps.get_models(include_auto_created=True)
        if any(f'"{m._meta.db_table}"' in sql for sql in statements)
    ]
    tables = set()
    for model in models:
        tables.add(model._meta.db_table)
        # Forward relations only: a reverse one is read only through a join, which the SQL
        # names (a new suggestion must not make every deputy figure stale).
        for f in model._meta.get_fields():
            if f.is_relation and f.concrete and f.related_model is not None:
                tables.add(f.related_model._meta.db_table)
                through = getattr(f.remote_field, "through", None)
                if f.many_to_many and through is not None:
                    tables.add(through._meta.db_table)
    return frozenset(tables)


def cached_by_tables(names: list[str], year: int, compute, cached_only: bool = False):
    """compute(name) for each name, each kept until a record of a table it read changes. The
    tables are learnt from the SQL the computation ran and kept with the value, so nothing needs
    declaring; two cache round trips when all are fresh. A computation must not itself read
    through this cache (the inner hit would hide its tables from the outer one)."""
    from django.db import connection

    keys = {name: f"congress:by-tables:{name}:{year}" for name in names}
    entries = safecache.get_many(list(keys.values()))
    wanted = {k for e in entries.values() for k in e["keys"]}
    versions = safecache.get_many(sorted(wanted)) if wanted else {}
    out = {}
    for name in names:
        entry = entries.get(keys[name])
        if entry and [versions.get(k, 1) for k in entry["keys"]] == entry["versions"]:
            out[name] = entry["value"]
            continue
        if cached_only:
            return None  # what a view would have to compute (the tests ask)
        statements: list[str] = []

        def record(execute, sql, params, many, context, statements=statements):
            statements.append(sql)
            return execute(sql, params, many, context)

        # A change while computing (any record of the year) would make the value stale at
        # once: then it is used for this answer and not kept.
        anything = _version_keys(year, None)
        before = safecache.get_many(anything)
        with connection.execute_wrapper(record):
            value = compute(name)
        keys_now = _version_keys(year, tables_in(statements))
        after = safecache.get_many([*keys_now, *anything])
        if all(before.get(k, 1) == after.get(k, 1) for k in anything):
            safecache.set(
                keys[name],
                {
                    "keys": keys_now,
                    "versions": [after.get(k, 1) for k in keys_now],
                    "value": value,
                },
                24 * 3600,
            )
        out[name] = value
    return out


def compute_year(
    year: int, until: datetime.date | None = None, cached_only: bool = False
) -> dict[str, int | str] | None:
    """Every figure of the year (up to ``until``, for 上年同期): plain figures first, then the
    rates from them. Each plain figure is kept until a record of a table it read changes, so an
    edit recomputes only the figures whose records changed."""
    figures = all_figures()
    suffix = "" if until is None else f"@{until.isoformat()}"
    plain = {f"figure:{key}{suffix}": fig for key, fig in figures.items() if not fig.is_rate}
    found = cached_by_tables(
        list(plain), year, lambda name: plain[name].compute(year, until=until), cached_only
    )
    if found is None:
        return None
    values: dict[str, int | str] = {plain[name].key: value for name, value in found.items()}
    for fig in figures.values():
        if fig.is_rate:
            values[fig.key] = fig.compute(year, values, until=until)
    return values
