from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "监督工作"
    # Declared here, read by the core (congress.site.apps): a staff record app, its menu entries.
    record_app = True
    menu = [("监督工作", "oversight_list", 30)]
