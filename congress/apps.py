from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CongressConfig(AppConfig):
    name = "congress"
    verbose_name = "常委会办公室"

    def ready(self) -> None:
        from django import forms
        from django.core import checks
        from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

        from . import roles
        from .celery import check_version as check_celery_version
        from .widgets import TypedDateInput, sane_date

        # Every date field of every form is typed as people type dates, with a picker beside it,
        # and holds a date an office can mean.
        forms.DateField.widget = TypedDateInput
        forms.DateField.default_validators = [sane_date]

        # After every migrate (and test flush), once each app's permissions exist: the last app's
        # signal sees them all.
        post_migrate.connect(roles.sync_after_migrate, dispatch_uid="congress-roles")
        checks.register(check_celery_version, checks.Tags.compatibility)
        post_init.connect(_remember_year, dispatch_uid="congress-figures-init")
        post_save.connect(_record_changed, dispatch_uid="congress-figures-save")
        post_delete.connect(_record_changed, dispatch_uid="congress-figures-delete")
        m2m_changed.connect(_record_changed, dispatch_uid="congress-figures-m2m")

        # The record kinds (lists, forms, detail pages) each app declares in <app>/kinds.py.
        from .registry import discover

        discover("kinds")

        # The ledger's sheets, declared by the apps, offer each list page its export.
        from functools import partial

        from .crud import EXPORTERS
        from .ledger.export import export_queryset
        from .sheets import all_sheets

        for sheet in all_sheets():
            EXPORTERS[sheet.model] = partial(export_queryset, sheet)


def _year_field(model) -> str | None:
    """The model's year_field (declared by each app); models without one count across years."""
    return getattr(model, "year_field", None)


def _year_of(instance) -> int | None:
    field = _year_field(type(instance))
    value = getattr(instance, field, None) if field else None
    return value if isinstance(value, int) else getattr(value, "year", None)


def _remember_year(sender, instance, **kwargs) -> None:
    if _year_field(sender):
        instance._figure_year = _year_of(instance)


def _record_changed(sender, instance=None, **kwargs) -> None:
    from .figures import records_changed
    from .roles import RECORD_APPS

    meta = getattr(sender, "_meta", None)
    if not meta or not (meta.app_label in RECORD_APPS or meta.model_name == "otherwork"):
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
