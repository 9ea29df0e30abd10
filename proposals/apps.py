from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = "代表建议"
    # Declared here, read by the core (congress.site.apps): a staff record app, its menu entries.
    record_app = True
    menu = [("代表建议", "suggestions_list", 50)]
    unit_menu = [("承办单位门户", "portal", 20)]
    deputy_menu = [("我的建议", "deputy_suggestions", 10)]
