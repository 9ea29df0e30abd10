from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CongressConfig(AppConfig):
    name = "congress"
    verbose_name = "常委会办公室"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import roles

        # After every migrate (and test flush), once each app's permissions exist again: the
        # last app's signal sees them all.
        post_migrate.connect(roles.sync_after_migrate, dispatch_uid="congress-roles")
        post_save.connect(_record_changed, dispatch_uid="congress-figures-save")
        post_delete.connect(_record_changed, dispatch_uid="congress-figures-delete")
        m2m_changed.connect(_record_changed, dispatch_uid="congress-figures-m2m")


def _record_changed(sender, **kwargs) -> None:
    from .figures import records_changed
    from .roles import RECORD_APPS

    meta = getattr(sender, "_meta", None)
    if meta and (meta.app_label in RECORD_APPS or meta.model_name == "otherwork"):
        records_changed()
