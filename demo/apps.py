from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo installation (安州区): data of every app, so it sits above them all."""

    name = "demo"
    verbose_name = "演示数据"
