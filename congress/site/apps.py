"""The core's start-up: one Django app whose models live in the packages by concept, and the
moment every app's declarations are discovered (a duplicate name stops the start-up here)."""

import importlib.util
from importlib import import_module

from django.apps import AppConfig
from django.db.models.signals import post_migrate

# The core's packages by concept; each that keeps tables has its own models module.
CONCEPTS = ("records", "accounts", "work", "documents", "ledger", "figures", "review", "site")
# The modules that define the registries the apps fill.
REGISTRY_MODULES = (
    "congress.records.kinds",
    "congress.figures.builtin",
    "congress.figures.charts",
    "congress.figures.panels",
    "congress.figures.services",
    "congress.ledger.sheets",
    "congress.work.todo",
    "congress.work.notify",
    "congress.work.jobs",
    "congress.site.declarations",
)


class CongressConfig(AppConfig):
    name = "congress"
    verbose_name = "常委会办公室"
    default = True

    def import_models(self) -> None:
        """One Django app (label ``congress``, so every table keeps its name) whose models live
        in the concept packages: each package's ``models`` module is loaded here."""
        self.models = self.apps.all_models[self.label]
        for concept in CONCEPTS:
            name = f"{self.name}.{concept}.models"
            if importlib.util.find_spec(name) is not None:
                self.models_module = import_module(name)

    def ready(self) -> None:
        from django import forms
        from django.core import checks

        from congress.accounts import roles
        from congress.accounts.admin import register_app
        from congress.figures import cache
        from congress.records.widgets import TypedDateInput, sane_date
        from congress.registry import discover_all
        from congress.work.checks import check_version as check_celery_version

        # Every date field of every form is typed as people type dates, with a picker beside it,
        # and holds a date an office can mean.
        forms.DateField.widget = TypedDateInput
        forms.DateField.default_validators = [sane_date]

        # After every migrate (and test flush), once each app's permissions exist: the last app's
        # signal sees them all.
        post_migrate.connect(roles.sync_after_migrate, dispatch_uid="congress-roles")
        checks.register(check_celery_version, checks.Tags.compatibility)
        cache.connect()
        register_app(self.label)

        # Every registry's declarations, from every app and every package of the core: a name
        # declared twice stops the start-up here, with both places named.
        for module in REGISTRY_MODULES:
            import_module(module)
        discover_all()

        # The ledger's sheets, declared by the apps, offer each list page its export.
        from functools import partial

        from congress.ledger.export import export_queryset
        from congress.ledger.sheets import all_sheets
        from congress.records.kinds import EXPORTERS

        for sheet in all_sheets():
            EXPORTERS[sheet.model] = partial(export_queryset, sheet)
