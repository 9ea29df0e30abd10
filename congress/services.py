"""Workflows that span the apps."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from .models import ReportJob


def request_report(year: int, user) -> tuple[ReportJob, bool]:
    """The year's live job if there is one, else a new job (or the year's job whose worker was
    lost, taken over), sent to the worker after commit. ``job.sent`` is False when the broker
    was away: the job then waits in the outbox, and the sweeper sends it later."""
    from django.utils import timezone

    from .jobs import active_filter, enqueue_on_commit, kinds

    S = ReportJob.Status
    kind = kinds()[0]
    live = ReportJob.objects.filter(active_filter([S.RUNNING], [S.QUEUED]), year=year).first()
    if live:
        live.sent = True
        return live, False
    outcome: dict = {}
    try:
        with transaction.atomic():
            # A job 生成中 whose lease ran out lost its worker: take it over, never join it.
            stale = ReportJob.objects.filter(
                year=year, status=S.RUNNING, lease_until__lt=timezone.now()
            ).first()
            if stale is not None:
                ReportJob.objects.filter(pk=stale.pk, status=S.RUNNING).update(
                    status=S.QUEUED,
                    enqueued=None,
                    lease_until=None,
                    step="重新排队",
                    requested_by=user,
                )
                job = stale
            else:
                job = ReportJob.objects.create(year=year, requested_by=user if user else None)
            enqueue_on_commit(job, kind, outcome)
    except IntegrityError:
        # Someone asked at the same moment: join their job.
        job = ReportJob.objects.filter(year=year, status__in=(S.QUEUED, S.RUNNING)).first()
        job.sent = True
        return job, False
    job.sent = outcome.get("sent", True)
    return job, stale is None


def replace_own_figures(items: list, user=None) -> None:
    """本单位统计数字: replace the office's figures with these definitions, all or nothing.

    Refused (ValidationError, nothing saved) when a definition is invalid or when a saved
    review's text still names a figure the new list drops.
    """
    from django.core.exceptions import ValidationError

    from .figures import builtin_by_name
    from .models import OwnFigure, ReportText
    from .office_figures import parse_definitions
    from .reporttext import PLACEHOLDER

    parse_definitions(items, set(builtin_by_name()))
    with transaction.atomic():
        existing = {f.name: f for f in OwnFigure.objects.select_for_update()}
        wanted = {item["名称"].strip(): (i, item) for i, item in enumerate(items, 1)}
        dropped = set(existing) - set(wanted)
        for text in ReportText.objects.all():
            used = {m.group(1).split("|")[0].strip() for m in PLACEHOLDER.finditer(text.text)}
            used |= {
                line.strip()[5:-2].strip()
                for line in text.text.splitlines()
                if line.strip().startswith(("{{附表:", "{{附表："))
            }
            still = sorted(dropped & used)
            if still:
                raise ValidationError(
                    f"“{'、'.join(still)}”仍在{text.year}年度工作综述文稿中使用，请先修改文稿"
                )
        for name in dropped:
            existing[name].delete()
        for name, (position, item) in wanted.items():
            fig = existing.get(name)
            if fig is None:
                OwnFigure.objects.create(name=name, position=position, definition=item)
            elif fig.definition != item or fig.position != position:
                fig.definition, fig.position = item, position
                fig.save()
