"""Tasks run eagerly without Redis, and through a real worker when REDIS_URL is set."""

import os

import pytest

from congress.celery import app, ping


def test_celery_is_configured_for_reliability():
    conf = app.conf
    assert conf.task_serializer == "json" and conf.accept_content == ["json"]
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.timezone == "Asia/Shanghai"


def test_without_redis_tasks_run_eagerly():
    """The settings module makes tasks eager exactly when no REDIS_URL is set, read afresh."""
    import subprocess
    import sys

    code = (
        "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'congress.settings');"
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.CELERY_TASK_ALWAYS_EAGER, settings.CELERY_BROKER_URL)"
    )
    # As a deployment reads it: not inside a parallel test process (which picks its own database).
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PYTEST_XDIST_WORKER")}
    env["DJANGO_TESTING"] = "1"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["True", "memory://"], out.stderr[-500:]
    env["REDIS_URL"] = "redis://127.0.0.1:6379/0"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["False", "redis://127.0.0.1:6379/0"], out.stderr[-500:]
    assert ping.apply().get(timeout=5) == "pong"


@pytest.mark.real_worker
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (CI sets it)")
def test_a_task_runs_through_a_real_worker():
    from celery.contrib.testing.worker import start_worker

    assert app.conf.task_always_eager is False
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        assert ping.delay().get(timeout=30) == "pong"
