from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CongressConfig(AppConfig):
    name = "congress"
    verbose_name = "常委会办公室"

    def ready(self) -> None:
        from . import roles

        # New models get their permissions after every migrate, not only the first one.
        post_migrate.connect(roles.sync_after_migrate, sender=self)
