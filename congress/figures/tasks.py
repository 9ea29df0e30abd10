"""Background jobs: the annual report PDF."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True, soft_time_limit=120, time_limit=150, ignore_result=True)
def warm_year(year: int) -> None:
    """Recompute a year's dashboard figures and charts into the cache after records changed."""
    from congress.figures.cache import compute_year
    from congress.figures.charts import drawn
    from congress.work import safecache

    # Later changes schedule a new run rather than relying on this one.
    safecache.delete(f"congress:warm-pending:{year}")
    compute_year(year)
    drawn(year)
