"""The Django admin, for administrators only, as a fallback to the application's own pages."""

from django.apps import apps
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin


def register_app(label: str) -> None:
    """Every model of the app not registered yet, with its history where it keeps one."""
    for model in apps.get_app_config(label).get_models():
        if model._meta.model_name.startswith("historical") or admin.site.is_registered(model):
            continue
        admin.site.register(
            model, SimpleHistoryAdmin if hasattr(model, "history") else admin.ModelAdmin
        )
