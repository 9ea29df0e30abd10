"""Redis and PostgreSQL drop under a real worker: it survives, and the jobs finish."""

import time

import pytest
from django.core.management import call_command

from congress.models import ReportJob
from congress.services import request_report
from tests.faults.conftest import wait_for
from tests.faults.proxy import Proxy

pytestmark = [pytest.mark.real_worker, pytest.mark.django_db(transaction=True)]
S = ReportJob.Status


def _finished(pk, seconds=120):
    return wait_for(
        lambda: ReportJob.objects.filter(pk=pk, status__in=(S.DONE, S.FAILED)).first(), seconds, 0.5
    )


def test_the_worker_survives_a_redis_outage_mid_job(processes, real_env):
    from urllib.parse import urlparse

    call_command("load_demo", verbosity=0)
    redis = urlparse(real_env["REDIS_URL"])
    proxy = Proxy(redis.port or 6379, redis.hostname or "127.0.0.1")
    try:
        processes.env["REDIS_URL"] = f"redis://127.0.0.1:{proxy.port}{redis.path or '/0'}"
        worker = processes.start(
            "worker",
            "-P",
            "prefork",
            "-c",
            "1",
            "-l",
            "warning",
            "--without-gossip",
            "--without-mingle",
        )
        time.sleep(5)
        job, _ = request_report(2025, None)
        assert wait_for(
            lambda: ReportJob.objects.filter(pk=job.pk, status=S.RUNNING).exists(), 60, 0.01
        )
        proxy.cut()  # Redis goes away while the worker holds the job's unacked message
        time.sleep(5)
        proxy.restore()
        done = _finished(job.pk)
        assert done is not None and done.status == S.DONE, done and done.error
        assert worker.poll() is None, "the worker died with the broker"
        # …and it still takes new work.
        later, _ = request_report(2024, None)
        assert _finished(later.pk).status == S.DONE
    finally:
        proxy.close()


def test_a_database_drop_during_a_render_ends_in_a_finished_job(processes, real_env, settings):
    call_command("load_demo", verbosity=0)
    db = settings.DATABASES["default"]
    proxy = Proxy(int(db["PORT"] or 5432), db["HOST"] or "127.0.0.1")
    try:
        processes.env["DATABASE_URL"] = (
            f"postgres://{db['USER']}@127.0.0.1:{proxy.port}/{db['NAME']}"
        )
        processes.env["DJANGO_CONN_MAX_AGE"] = "0"
        processes.start(
            "worker",
            "-P",
            "prefork",
            "-c",
            "1",
            "-l",
            "warning",
            "--without-gossip",
            "--without-mingle",
        )
        processes.start(
            "beat", "-l", "warning", "-s", str(processes.env["DJANGO_DATA_DIR"]) + "/beat"
        )
        time.sleep(5)
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
