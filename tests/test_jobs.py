"""Jobs never stick: leases, the outbox, the sweeper (the in-process half of tests/faults)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from congress.ledger.models import LedgerImport
from congress.review.models import ReportJob
from congress.review.services import request_report
from congress.review.tasks import claim, render_annual_report
from congress.work import jobs
from congress.work.tasks import sweep_jobs
from tests.conftest import set_eager

S = ReportJob.Status
AGO = datetime.timedelta(minutes=5)


@pytest.fixture
def broker_down(monkeypatch):
    """Publishing fails as it does with Redis away (and the tasks are not run in-process)."""
    from congress.celery import app

    eager = set_eager(False)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("Error 111 connecting to 127.0.0.1:6379")

    monkeypatch.setattr(app, "send_task", refuse)
    yield
    set_eager(eager)


def test_a_job_whose_worker_died_is_taken_over(known_year):
    job = ReportJob.objects.create(
        year=2025, status=S.RUNNING, lease_until=timezone.now() - AGO, attempts=1
    )
    assert claim(job.pk) is True  # a redelivered message takes it over
    job.refresh_from_db()
    assert job.status == S.RUNNING and job.attempts == 2 and job.lease_until > timezone.now()
    assert claim(job.pk) is False  # its lease is live now: a duplicate does no work twice


def test_a_live_job_is_joined_a_dead_one_never(
    known_year, leader, django_capture_on_commit_callbacks
):
    live = ReportJob.objects.create(year=2025, status=S.RUNNING, lease_until=timezone.now() + AGO)
    assert request_report(2025, leader) == (live, False)
    ReportJob.objects.filter(pk=live.pk).update(lease_until=timezone.now() - AGO)
    with django_capture_on_commit_callbacks(execute=True):
        job, created = request_report(2025, leader)
    assert job.pk == live.pk and not created
    job.refresh_from_db()
    assert job.status == S.DONE and job.pdf  # retaken and finished


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_the_request_is_kept_and_said_so(leader_client, broker_down):
    import time

    started = time.monotonic()
    response = leader_client.post(reverse("reports"), {"year": "2025"}, follow=True)
    assert time.monotonic() - started < 3
    assert response.status_code == 200
    assert "后台服务暂时不可用" in response.content.decode()
    job = ReportJob.objects.get()
    assert job.status == S.QUEUED and job.enqueued is None  # in the outbox, nothing half-done


def test_the_sweeper_sends_the_outbox_once_the_broker_is_back(
    known_year, leader, broker_down, monkeypatch
):
    from congress.celery import app

    job = ReportJob.objects.create(year=2025)
    sent = []
    monkeypatch.setattr(app, "send_task", lambda name, args, **kw: sent.append((name, args)))
    assert jobs.sweep()["sent"] == 1
    assert sent == [("congress.review.tasks.render_annual_report", [job.pk])]
    job.refresh_from_db()
    assert job.enqueued is not None
    assert jobs.sweep()["sent"] == 0  # sent once


def test_the_sweeper_retakes_then_gives_up_with_a_message(known_year, broker_down):
    job = ReportJob.objects.create(
        year=2025, status=S.RUNNING, lease_until=timezone.now() - AGO, attempts=1
    )
    assert jobs.sweep()["retaken"] == 1
    job.refresh_from_db()
    assert job.status == S.QUEUED
    ReportJob.objects.filter(pk=job.pk).update(
        status=S.RUNNING, lease_until=timezone.now() - AGO, attempts=3
    )
    assert jobs.sweep()["failed"] == 1
    job.refresh_from_db()
    assert job.status == S.FAILED and "意外中断" in job.error
    # And the year can be asked for again at once.
    assert not ReportJob.objects.filter(year=2025, status__in=(S.QUEUED, S.RUNNING)).exists()


def test_a_stuck_import_is_retaken_too(db, clerk, broker_down):
    from django.core.files.base import ContentFile

    record = LedgerImport(user=clerk, filename="台账.xlsx", status=LedgerImport.Status.CHECKING)
    record.file.save("台账.xlsx", ContentFile(b"PK"), save=False)
    record.lease_until = timezone.now() - AGO
    record.attempts = 1
    record.save()
    assert jobs.sweep()["retaken"] == 1
    record.refresh_from_db()
    assert record.status == LedgerImport.Status.QUEUED


def test_the_sweeper_runs_on_the_beat_schedule(settings):
    assert settings.CELERY_BEAT_SCHEDULE["sweep-jobs"]["task"] == sweep_jobs.name


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_keeps_a_long_job_alive(settings):
    import time

    settings.CONGRESS_JOB_LEASE = 3
    job = ReportJob.objects.create(
        year=2025, status=S.RUNNING, lease_until=timezone.now() + datetime.timedelta(seconds=3)
    )
    first = job.lease_until
    with jobs.Heartbeat(ReportJob, job.pk, S.RUNNING):
        time.sleep(2.5)
    job.refresh_from_db()
    assert job.lease_until > first
    assert render_annual_report  # the task module imports cleanly


def test_a_task_retried_after_the_database_dropped_takes_its_own_job_at_once(known_year):
    """The database went away mid-layout: the task could not put its job back, so the job is
    still running under the task's own live lease. Its retry (the same task id) takes it over
    at once and finishes; any other task still finds it held."""
    job = ReportJob.objects.create(
        year=2025,
        status=S.RUNNING,
        lease_until=timezone.now() + datetime.timedelta(seconds=90),
        lease_owner="task-1",
        attempts=1,
    )
    assert render_annual_report.apply(args=[job.pk], task_id="task-2").get() == "skipped"
    assert render_annual_report.apply(args=[job.pk], task_id="task-1").get() == "done"
    job.refresh_from_db()
    assert job.status == S.DONE and job.pdf


def test_an_unforeseen_failure_is_told_in_chinese(known_year, monkeypatch):
    from congress.review import gather

    def broken(year):
        raise KeyError("year")

    monkeypatch.setattr(gather, "gather", broken)
    job = ReportJob.objects.create(year=2025)
    assert render_annual_report.apply(args=[job.pk]).get() == "failed"
    job.refresh_from_db()
    assert job.status == S.FAILED and "生成失败" in job.error and "KeyError" not in job.error
