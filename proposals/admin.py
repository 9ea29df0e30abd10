from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from congress.accounts.admin import register_app

from .models import Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(SimpleHistoryAdmin):
    """The changelist a developer would give staff; bench/dashboard.py measures it as a baseline."""

    list_display = ("number", "title", "kind", "lead", "lead_unit", "state", "deadline")
    list_filter = ("state", "kind", "key", "year")
    search_fields = ("number", "title")


register_app("proposals")
