from django.apps import apps
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

# Administrators get the Django admin as a fallback; staff work in the application's own pages.
for model in apps.get_app_config("oversight").get_models():
    if model._meta.model_name.startswith("historical") or admin.site.is_registered(model):
        continue
    admin.site.register(
        model, SimpleHistoryAdmin if hasattr(model, "history") else admin.ModelAdmin
    )
