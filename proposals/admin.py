from django.apps import apps
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(SimpleHistoryAdmin):
    """The changelist a developer would give staff; bench/dashboard.py measures it as a baseline."""

    list_display = ("number", "title", "kind", "lead", "lead_unit", "state", "deadline")
    list_filter = ("state", "kind", "key", "year")
    search_fields = ("number", "title")


for model in apps.get_app_config("proposals").get_models():
    if model._meta.model_name.startswith("historical") or admin.site.is_registered(model):
        continue
    admin.site.register(model)
