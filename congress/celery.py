"""The Celery app. Without REDIS_URL, tasks run eagerly in the web process."""

import os

from celery import Celery
from celery.signals import task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congress.settings")

app = Celery("congress", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Each app's tasks.py, and the core's: each package by concept keeps its own tasks.
app.autodiscover_tasks()
app.autodiscover_tasks(
    [f"congress.{concept}" for concept in ("work", "figures", "ledger", "review")]
)


@app.task(name="congress.ping")
def ping() -> str:
    """A no-op used by tests and health checks to prove a worker answers."""
    return "pong"


@task_prerun.connect(weak=False, dispatch_uid="congress-fresh-settings")
def _fresh_settings(**_kwargs) -> None:
    """A job reads the office's settings as they are when it starts, not as another job
    seconds ago left them in this worker's memory."""
    from congress.accounts import memo

    memo.clear()
