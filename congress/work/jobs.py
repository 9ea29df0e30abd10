"""Background jobs that never stick: a lease with a heartbeat, an outbox, and a sweeper.

A job row (a report, a ledger check or import) is the truth; the Celery message is only a nudge.

- Publishing happens after commit and never raises: with the broker away the row stays queued
  with no ``enqueued`` time (the outbox), and the sweeper sends it once the broker is back.
- A worker claims a job with one conditional UPDATE that sets a lease; a heartbeat thread renews
  the lease while the work runs. A job whose lease ran out lost its worker (OOM, SIGKILL, a
  restart): a redelivered message or the sweeper takes it over, and after MAX_ATTEMPTS it fails
  with a message in Chinese instead of hanging for ever.
"""

from __future__ import annotations

import datetime
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import connections, transaction
from django.db.models import F, Q
from django.utils import timezone

from congress.registry import Registry

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
# A queued job no worker took within this time lost its message (Redis restarted without
# persistence drops its queues): send it again. A duplicate message finds the job claimed and
# does nothing.
LOST_MESSAGE_AFTER = datetime.timedelta(seconds=60)


def lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.CONGRESS_JOB_LEASE)


@dataclass(frozen=True)
class Kind:
    """One kind of job: its model, which states wait and run, and the task that does it."""

    model: type
    queued: dict[str, str]  # waiting state -> the running state its claim moves it to
    task: str  # the Celery task's name
    failed: str  # the state of a job that gave up
    failure: Callable[[str], dict]  # (a Chinese message) -> the fields that tell it

    def args(self, job) -> list:
        return [job.pk] if not hasattr(job, "dry_run_for") else [job.pk, job.dry_run_for()]


# The kinds of job, each declared by the package that owns its model (``<package>/jobs.py``).
JOBS: Registry[Kind] = Registry("job kind", "jobs", key=lambda k: k.task)


def register(kind: Kind) -> Kind:
    JOBS.register(kind)
    return kind


def kinds() -> list[Kind]:
    return JOBS.values()


def kind_of(model: type) -> Kind:
    return next(k for k in kinds() if k.model is model)


def publish(task_name: str, args: list) -> bool:
    """Send the task's message now; False, never an exception, when the broker is away."""
    from celery import current_app as app  # the project's app (congress/__init__.py)

    try:
        app.send_task(task_name, args=args, retry=False)
        return True
    except Exception as exc:  # noqa: BLE001 - any broker failure: the outbox keeps the job
        log.warning("could not enqueue %s%s: %s", task_name, args, exc.__class__.__name__)
        return False


def enqueue(job, kind: Kind) -> bool:
    """Publish a job's message and note it on the row (the outbox entry is then sent)."""
    from celery import current_app as app  # the project's app (congress/__init__.py)

    if app.conf.task_always_eager:
        app.loader.import_default_modules()
        app.tasks[kind.task].apply(args=kind.args(job))
        return True
    sent = publish(kind.task, kind.args(job))
    if sent:
        kind.model.objects.filter(pk=job.pk).update(enqueued=timezone.now())
    return sent


def enqueue_on_commit(job, kind: Kind, outcome: dict | None = None) -> None:
    """After commit, publish; ``outcome["sent"]`` tells the caller whether it went out."""

    def send() -> None:
        sent = enqueue(job, kind)
        if outcome is not None:
            outcome["sent"] = sent

    transaction.on_commit(send)


def claim(model, pk: int, waiting: str, running: str, owner: str = "", **extra) -> bool:
    """Take the job with one conditional UPDATE: waiting, running with an expired lease, or
    running under a lease this very task holds. A task retried after the database dropped out
    (it could not put its job back) is the same task: it takes the job over at once instead of
    waiting for its own lease to run out."""
    now = timezone.now()
    takeable = Q(status=waiting) | Q(status=running, lease_until__lt=now)
    if owner:
        takeable |= Q(status=running, lease_owner=owner)
    return bool(
        model.objects.filter(takeable, pk=pk).update(
            status=running,
            lease_until=now + lease(),
            lease_owner=owner,
            attempts=F("attempts") + 1,
            **extra,
        )
    )


class Heartbeat:
    """Renews a claimed job's lease every third of it while the work runs (a thread, so that a
    long layout in C code keeps the lease too)."""

    def __init__(self, model, pk: int, running: str):
        self.model, self.pk, self.running = model, pk, running
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, daemon=True, name=f"lease-{pk}")

    def _beat(self) -> None:
        every = max(1.0, settings.CONGRESS_JOB_LEASE / 3)
        try:
            while not self._stop.wait(every):
                self.model.objects.filter(pk=self.pk, status=self.running).update(
                    lease_until=timezone.now() + lease()
                )
        except Exception:  # noqa: BLE001 - a lost lease only means another worker may take over
            log.exception("heartbeat of %s %s failed", self.model.__name__, self.pk)
        finally:
            connections.close_all()  # this thread's own connection, which nothing else closes

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def sweep(now: datetime.datetime | None = None) -> dict[str, int]:
    """Take over jobs whose worker was lost, and send queued jobs whose message never left."""
    now = now or timezone.now()
    done = {"retaken": 0, "failed": 0, "sent": 0}
    for kind in kinds():
        for waiting, running in kind.queued.items():
            stale = kind.model.objects.filter(status=running, lease_until__lt=now)
            for job in stale:
                if job.attempts >= MAX_ATTEMPTS:
                    moved = kind.model.objects.filter(
                        pk=job.pk, status=running, lease_until__lt=now
                    ).update(
                        status=kind.failed,
                        **_failure_fields(
                            kind,
                            "后台进程多次意外中断，未能完成。请稍后重新提交；如仍失败，请联系管理员。",
                        ),
                    )
                    done["failed"] += moved
                    continue
                moved = kind.model.objects.filter(
                    pk=job.pk, status=running, lease_until__lt=now
                ).update(status=waiting, enqueued=None, lease_until=None)
                done["retaken"] += moved
            lost = kind.model.objects.filter(status=waiting).filter(
                Q(enqueued__isnull=True) | Q(enqueued__lt=now - LOST_MESSAGE_AFTER)
            )
            for job in lost:
                if enqueue(job, kind):
                    done["sent"] += 1
    return done


def _failure_fields(kind: Kind, message: str) -> dict:
    return {"lease_until": None, "finished": timezone.now(), **kind.failure(message)}


def active_filter(running_states, waiting_states) -> Q:
    """Jobs a new request may join: waiting, or running under a live lease."""
    now = timezone.now()
    return Q(status__in=waiting_states) | Q(status__in=running_states, lease_until__gte=now)


def request(model, kind: Kind, user, *, lost: str, **scope):
    """The job of ``scope`` (a year, a meeting) waiting or running under a live lease, else a
    new one sent after commit; (the job, whether it is new). A running job whose lease ran out
    lost its worker: it is marked failed with ``lost`` and gives way. Two requests at the same
    moment meet the model's one-active-job constraint, and the second joins the first."""
    from django.db import IntegrityError

    S = model.Status
    live = model.objects.filter(active_filter([S.RUNNING], [S.QUEUED]), **scope).first()
    if live is not None:
        return live, False
    try:
        with transaction.atomic():
            model.objects.filter(status=S.RUNNING, **scope).update(
                status=S.FAILED, step="失败", error=lost
            )
            job = model.objects.create(requested_by=user, **scope)
            enqueue_on_commit(job, kind)
    except IntegrityError:
        return model.objects.filter(status__in=(S.QUEUED, S.RUNNING), **scope).first(), False
    return job, True
