from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = "信访"
    # Declared here, read by the core (congress.site.apps): a staff record app, its menu entries.
    record_app = True
    menu = [("信访", "petitions_list", 60)]
