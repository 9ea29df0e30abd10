"""Tasks run eagerly without Redis, and through a real worker when REDIS_URL is set."""

import os

import pytest
from django.conf import settings

from congress.celery import app, ping


def test_celery_is_configured_for_reliability():
    conf = app.conf
    assert conf.task_serializer == "json" and conf.accept_content == ["json"]
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.timezone == "Asia/Shanghai"


def test_without_redis_tasks_run_eagerly():
    assert settings.CELERY_TASK_ALWAYS_EAGER is (not settings.REDIS_URL)
    assert ping.delay().get(timeout=5) == "pong"


@pytest.mark.real_worker
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (CI sets it)")
def test_a_task_runs_through_a_real_worker():
    from celery.contrib.testing.worker import start_worker

    assert app.conf.task_always_eager is False
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        assert ping.delay().get(timeout=30) == "pong"
