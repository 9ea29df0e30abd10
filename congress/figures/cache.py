"""The figures' cache: each figure, chart and panel kept with the tables its SQL read, and
dropped for a year when a record of that year in one of those tables changes.

``connect`` ties it to the records' saves and deletes (Django's signals) and to bulk writes
(``records_written``); ``records_changed`` bumps the versions.
"""

from __future__ import annotations

import datetime

from congress.figures.builtin import all_figures
from congress.records.confirm import year_of
from congress.work import safecache

VERSION_KEY = "congress:records-version"  # any record: what is cached without its tables


TABLES_KEY = "congress:tables-version"  # per table: what is cached with the tables it reads
ANY_YEAR_KEY = "congress:any-year-version"  # per table, bumped whatever the year


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
    # Whatever reads a table in every year (the panels of what is overdue today) depends on
    # the table's change in any year.
    keys += [f"{ANY_YEAR_KEY}{t}" for t in scopes]

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
                    "congress.figures.tasks.warm_year", args=[y], countdown=WARM_DELAY
                )
            )


def _version_keys(year: int, tables: frozenset[str] | None, every_year: bool = False) -> list[str]:
    """The version counters a cached value of the year depends on: any record's (None), or
    those of the tables it read; in every year when it reads beyond its own."""
    if every_year:
        return [ANY_YEAR_KEY] + [f"{ANY_YEAR_KEY}:{t}" for t in sorted(tables or ())]
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


def cached_by_tables(
    names: list[str], year: int, compute, cached_only: bool = False, every_year: bool = False
):
    """compute(name) for each name, each kept until a record of a table it read changes. The
    tables are learnt from the SQL the computation ran and kept with the value, so nothing needs
    declaring; two cache round trips when all are fresh. A computation must not itself read
    through this cache (the inner hit would hide its tables from the outer one).

    ``every_year``: the computation reads records of any year (what is overdue today), so it is
    kept until any record of a table it read changes, whatever the record's year."""
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
        keys_now = _version_keys(year, tables_in(statements), every_year)
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


def connect() -> None:
    """Every save, delete and many-to-many change of a record drops what read its table."""
    from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

    from congress.records.signals import records_written

    post_init.connect(_remember_year, dispatch_uid="congress-figures-init")
    post_save.connect(_record_changed, dispatch_uid="congress-figures-save")
    post_delete.connect(_record_changed, dispatch_uid="congress-figures-delete")
    m2m_changed.connect(_record_changed, dispatch_uid="congress-figures-m2m")
    records_written.connect(_written, dispatch_uid="congress-figures-bulk")


def _written(sender, **kwargs) -> None:
    records_changed()


def _year_field(model) -> str | None:
    """The model's year_field (declared by each app); models without one count across years."""
    return getattr(model, "year_field", None)


def _year_of(instance) -> int | None:
    return year_of(instance)


def _remember_year(sender, instance, **kwargs) -> None:
    field = _year_field(sender)
    # A row loaded without its date (``only()``, ``defer()``) is left alone: reading the date
    # here would cost a query per row, on every page that loads such rows.
    if field and field in instance.__dict__:
        instance._figure_year = _year_of(instance)


def _record_changed(sender, instance=None, **kwargs) -> None:
    from congress.accounts.roles import RECORD_APPS

    meta = getattr(sender, "_meta", None)
    if not meta or meta.app_label not in RECORD_APPS:
        return
    if meta.model_name.startswith("historical") or meta.auto_created and instance is None:
        return
    tables = {meta.db_table}
    if instance is not None and hasattr(instance, "_meta"):
        tables.add(instance._meta.db_table)  # an m2m change: the record holding the relation
    target = instance if instance is not None and _year_field(type(instance)) else None
    if target is None or kwargs.get("reverse"):
        records_changed(tables=tables)
        return
    years = {_year_of(target), getattr(target, "_figure_year", None)} - {None}
    records_changed(years or None, tables)
