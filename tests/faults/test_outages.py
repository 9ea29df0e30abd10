"""Redis and PostgreSQL drop under a real worker: it survives, and the jobs finish."""

import time

import pytest
from django.core.management import call_command

from congress.review.models import ReportJob
from congress.review.services import request_report
from tests.faults.conftest import RedisServer, publishing_to, wait_for
from tests.faults.proxy import Proxy

pytestmark = [pytest.mark.real_worker, pytest.mark.django_db(transaction=True)]
S = ReportJob.Status


def _finished(pk, seconds=120):
    return wait_for(
        lambda: ReportJob.objects.filter(pk=pk, status__in=(S.DONE, S.FAILED)).first(), seconds, 0.5
    )


def test_the_worker_survives_a_redis_restart_mid_job(processes, real_env, tmp_path):
    """Redis restarts while the worker holds the job's unacked message. Celery 5.7.0 dies here
    for good ("Unrecoverable error: AttributeError('NoneType' object has no attribute
    'hostname')"): after a lost connection it closes the consumer's channel a second time, once
    the connection has forgotten its broker address, to give the unacked message back — hence
    the pin below 5.7 in pyproject.toml."""
    call_command("load_demo", year_only=True, verbosity=0)
    redis = RedisServer(tmp_path)
    processes.env["REDIS_URL"] = redis.url
    with redis, publishing_to(redis.url):
        worker = processes.worker()
        job, _ = request_report(2025, None)
        assert wait_for(
            lambda: ReportJob.objects.filter(pk=job.pk, status=S.RUNNING).exists(), 60, 0.01
        )
        redis.stop()  # refused connections, not a slow network: what a restart looks like
        # The outage began while the job's message was still unacknowledged.
        assert ReportJob.objects.get(pk=job.pk).status == S.RUNNING
        time.sleep(3)
        redis.start()
        done = _finished(job.pk)
        assert done is not None and done.status == S.DONE, done and done.error
        assert worker.poll() is None, "the worker died with the broker"
        # …and it still takes new work.
        later, _ = request_report(2024, None)
        assert _finished(later.pk).status == S.DONE


def test_a_database_drop_during_a_render_ends_in_a_finished_job(processes, real_env, settings):
    call_command("load_demo", year_only=True, verbosity=0)
    db = settings.DATABASES["default"]
    proxy = Proxy(int(db["PORT"] or 5432), db["HOST"] or "127.0.0.1")
    try:
        processes.env["DATABASE_URL"] = (
            f"postgres://{db['USER']}@127.0.0.1:{proxy.port}/{db['NAME']}"
        )
        processes.env["DJANGO_CONN_MAX_AGE"] = "0"
        processes.worker()
        processes.beat()
        job, _ = request_report(2025, None)
        assert wait_for(
            lambda: ReportJob.objects.filter(pk=job.pk, status=S.RUNNING).exists(), 60, 0.01
        )
        proxy.cut()  # PostgreSQL restarts under the worker
        time.sleep(3)
        proxy.restore()
        done = _finished(job.pk)
        assert done is not None and done.status == S.DONE, done and (done.status, done.error)
    finally:
        proxy.close()


def test_the_broker_down_at_request_time_then_back(processes, real_env, leader, client):
    """The request answers within 3 s with a message; the job waits in the outbox and is sent
    by the sweeper once the broker is back."""
    from urllib.parse import urlparse

    from django.urls import reverse

    call_command("load_demo", year_only=True, verbosity=0)
    redis = urlparse(real_env["REDIS_URL"])
    proxy = Proxy(redis.port or 6379, redis.hostname or "127.0.0.1")
    # This process publishes through the proxy; the worker and beat reach Redis directly.
    try:
        with publishing_to(f"redis://127.0.0.1:{proxy.port}{redis.path or '/0'}"):
            proxy.cut()
            client.force_login(leader)
            started = time.monotonic()
            response = client.post(reverse("reports"), {"year": "2025"}, follow=True)
            assert time.monotonic() - started < 3
            assert response.status_code == 200 and "后台服务暂时不可用" in response.content.decode()
            job = ReportJob.objects.get()
            assert job.status == S.QUEUED and job.enqueued is None
            proxy.restore()
            processes.worker()
            processes.beat()
            done = _finished(job.pk)
            assert done is not None and done.status == S.DONE
    finally:
        proxy.close()


def test_a_worker_killed_outright_is_replaced_and_the_job_finishes(processes):
    """The whole worker (main process too) is killed; the message stays unacked in Redis for
    its visibility timeout, but the sweeper retakes the job for the worker that replaces it."""
    import os
    import signal

    call_command("load_demo", year_only=True, verbosity=0)
    worker = processes.worker()
    processes.beat()
    job, _ = request_report(2025, None)
    assert wait_for(
        lambda: ReportJob.objects.filter(pk=job.pk, status=S.RUNNING).exists(), 60, 0.01
    )
    os.killpg(worker.pid, signal.SIGKILL)  # as systemd's restart of a hung worker would
    processes.worker()
    done = _finished(job.pk)
    assert done is not None and done.status == S.DONE and done.attempts >= 2
