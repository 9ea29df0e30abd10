from django.apps import AppConfig


class ThrowawayConfig(AppConfig):
    name = "tests.throwaway"
    label = "throwaway"
    verbose_name = "备案审查（试验）"
    record_app = True
    menu = [("备案审查", "filings_list", 70)]
