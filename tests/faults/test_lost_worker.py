"""A worker child killed mid-job (OOM, SIGKILL): the job is taken over and finishes."""

import os
import signal

import pytest
from django.core.management import call_command

from congress.review.models import ReportJob
from congress.review.services import request_report
from tests.faults.conftest import children, wait_for

pytestmark = [pytest.mark.real_worker, pytest.mark.django_db(transaction=True)]
S = ReportJob.Status


def test_a_report_whose_worker_was_killed_still_finishes(processes):
    call_command("load_demo", year_only=True, verbosity=0)
    worker = processes.worker()
    processes.beat()
    assert wait_for(lambda: children(worker.pid), 30, 0.2), "the worker did not start"
    job, _ = request_report(2025, None)
    assert job.sent
    running = wait_for(
        lambda: ReportJob.objects.filter(pk=job.pk, status=S.RUNNING).exists(), 60, 0.01
    )
    assert running, "the job never started"
    for child in children(worker.pid):
        os.kill(child, signal.SIGKILL)  # as the kernel's OOM killer would
    done = wait_for(
        lambda: ReportJob.objects.filter(pk=job.pk, status__in=(S.DONE, S.FAILED)).first(), 120, 0.5
    )
    assert done is not None, ReportJob.objects.get(pk=job.pk).__dict__
    assert done.status == S.DONE and done.attempts >= 2, (done.status, done.error)
    # Nothing is left 生成中: a new request for the year starts a new job.
    _again, created = request_report(2025, None)
    assert created
