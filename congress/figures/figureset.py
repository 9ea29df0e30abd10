"""Every figure a text may name, built-in and the office's own, with a year's values.

Built-in figures are defined once in the apps' ``figures.py``; the office's own are rows of
``OwnFigure`` in the ledger's words. Both are looked up by their name in the review's text, and
each gives its value, its unit and the list of the records behind it.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
from dataclasses import dataclass

from django.utils import timezone

from congress.figures.builtin import builtin_by_name
from congress.figures.cache import cached_for_year, compute_year
from congress.figures.own import OfficeFigure, order_for_sums, parse_definitions

log = logging.getLogger(__name__)
# An office figure whose definition cannot be computed shows this, with the reason beside it.
FAILED = "—"
CANNOT = "无法计算：请在“本单位统计数字”中检查它的定义"


@dataclass
class Value:
    """One figure's value for a year, as the dashboard and the text use it."""

    name: str
    value: int | str
    unit: str
    link: str
    definition: str
    is_rate: bool = False
    is_sum: bool = False
    label: str = ""  # how a tile names it (a built-in's fuller label)
    error: str = ""  # why it could not be computed; the value is then "—"


def own_figures() -> list[OfficeFigure]:
    """The office's figures that can be computed (see ``own_state``)."""
    return own_state()[0]


def own_state() -> tuple[list[OfficeFigure], dict[str, str]]:
    """The office's figures, checked, and those that cannot be computed with the reason.

    The list was checked when it was saved, but a row written otherwise (by hand, or under an
    older check) must not take every page down: each broken definition is set aside, and a sum
    of figures that names one goes with it; the rest still count."""
    from django.core.exceptions import ValidationError

    from congress.figures.models import OwnFigure
    from congress.figures.own import parse_item

    items = [f.definition for f in OwnFigure.objects.order_by("position", "pk")]
    builtin = set(builtin_by_name())
    try:
        return parse_definitions(items, builtin), {}
    except ValidationError:
        pass
    good, broken = [], {}
    for i, item in enumerate(items, 1):
        try:
            parse_item(item, builtin, i)
            good.append(item)
        except ValidationError as exc:
            name = item.get("名称") if isinstance(item, dict) else None
            broken[str(name or f"第{i}项")] = "；".join(exc.messages)
    try:
        return parse_definitions(good, builtin), broken
    except ValidationError:
        plain = [item for item in good if not item.get("合计")]
        for item in good:
            if item.get("合计"):
                broken[str(item.get("名称"))] = "合计中的统计数字无法计算"
        return parse_definitions(plain, builtin), broken


def chart_names() -> set[str]:
    from congress.figures.charts import all_charts

    return {c.name for c in all_charts()}


def figure_names(own: list[OfficeFigure] | None = None) -> dict[str, bool]:
    """Every figure a text may name, built-in and the office's own: name → is a rate."""
    broken: dict[str, str] = {}
    if own is None:
        own, broken = own_state()
    figures = {name: fig.is_rate for name, fig in builtin_by_name().items()}
    figures.update({f.name: False for f in own})
    figures.update({name: False for name in broken})
    return figures


def _own_version(own: list[OfficeFigure]) -> str:
    from congress.figures.models import OwnFigure

    rows = list(OwnFigure.objects.order_by("pk").values_list("pk", "version"))
    return hashlib.sha1(json.dumps(rows).encode()).hexdigest()[:12]


def year_values(year: int, until: datetime.date | None = None) -> dict[str, Value]:
    """Every figure of the year (up to ``until``: 上年同期) by its name in the text: built-ins,
    then the office's own. The running year counts up to today (统计截至今日): a meeting set for
    next month is not yet held."""
    if until is None:
        today = timezone.localdate()
        if year == today.year and today < datetime.date(year, 12, 31):
            until = today
    builtin = builtin_by_name()
    computed = compute_year(year, until)
    values: dict[str, Value] = {}
    for name, fig in builtin.items():
        values[name] = Value(
            name,
            computed[fig.key],
            fig.unit,
            fig.link(year, until),
            fig.definition,
            is_rate=fig.is_rate,
            is_sum=fig.is_sum,
            label=fig.label,
        )
    own, broken = own_state()
    for name, reason in broken.items():
        values[name] = Value(name, FAILED, "", "", reason, label=name, error=f"无法计算：{reason}")
    if own:
        plain = {n: v.value for n, v in values.items()}

        def compute() -> dict:
            out = dict(plain)
            for fig in order_for_sums(own):
                try:
                    out[fig.name] = fig.compute(year, out, until)
                except Exception:  # noqa: BLE001 - one bad definition never takes a page down
                    log.exception("office figure %s cannot be computed for %s", fig.name, year)
                    out[fig.name] = FAILED
            return {f.name: out[f.name] for f in own}

        name = f"own-{_own_version(own)}" + (f"-until-{until.isoformat()}" if until else "")
        own_values = cached_for_year(name, year, compute)
        for fig in own:
            values[fig.name] = Value(
                fig.name,
                own_values[fig.name],
                fig.unit,
                fig.link(year, until),
                fig.definition_text(),
                is_sum=fig.is_sum or fig.is_sum_of_figures,
                label=fig.name,
                error=CANNOT if own_values[fig.name] == FAILED else "",
            )
    return values


def same_day_last_year(today: datetime.date) -> datetime.date:
    """上年同期: the same day of last year (28 February for 29 February)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return datetime.date(today.year - 1, 2, 28)


def cutoff(year: int, today: datetime.date | None = None) -> datetime.date:
    """The statistics cut-off: the year's last day, or today while the year runs."""
    today = today or timezone.localdate()
    end = datetime.date(year, 12, 31)
    return today if today < end and today.year == year else end


@dataclass
class ListScope:
    """What a record list shows when it is the drill-down of a figure (``?figure=名称``)."""

    name: str
    definition: str
    unit: str
    restrict: object  # QuerySet -> QuerySet
    total: object  # QuerySet -> int | None (sums only)


def list_scope(kind_key: str, name: str, params) -> ListScope | None:
    """The figure named in a list's parameters, if it belongs to that list."""
    builtin = builtin_by_name().get(name)
    if builtin is not None and not builtin.is_rate and builtin.kind.key == kind_key:
        return ListScope(
            name,
            builtin.definition,
            builtin.unit,
            lambda qs: qs,
            builtin.measure if builtin.is_sum else None,
        )
    try:
        year = int(params.get("fy", ""))
    except ValueError:
        return None
    if not 1949 <= year <= 2100:
        return None
    fig = next((f for f in own_figures() if f.name == name and not f.parts), None)
    if fig is None or fig.kind.key != kind_key:
        return None
    until = None
    if params.get("fu"):
        try:
            until = datetime.date.fromisoformat(params["fu"])
        except ValueError:
            return None
    rows = fig.queryset(year, until)
    return ListScope(
        name,
        fig.definition_text(),
        fig.unit,
        lambda qs: qs.filter(pk__in=rows.values("pk")),
        fig.measure_of if fig.is_sum else None,
    )
