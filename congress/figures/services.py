"""The office's own figures replaced as one list, all or nothing."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from congress.registry import Registry

# Whatever names the office's figures elsewhere (the review's texts) guards them against being
# dropped while still named: (names to drop) -> a Chinese sentence saying where, or "". Declared
# beside the model that names them.
DropGuard = Callable[[set[str]], str]
DROP_GUARDS: Registry[DropGuard] = Registry(
    "figure drop guard", "models", key=lambda fn: f"{fn.__module__}.{fn.__qualname__}"
)


def replace_own_figures(items: list, user=None) -> None:
    """本单位统计数字: replace the office's figures with these definitions, all or nothing.

    Refused (ValidationError, nothing saved) when a definition is invalid or when a saved
    review's text still names a figure the new list drops.
    """
    from django.core.exceptions import ValidationError

    from congress.figures.builtin import builtin_by_name
    from congress.figures.models import OwnFigure
    from congress.figures.own import parse_definitions

    parse_definitions(items, set(builtin_by_name()))
    with transaction.atomic():
        existing = {f.name: f for f in OwnFigure.objects.select_for_update()}
        wanted = {item["名称"].strip(): (i, item) for i, item in enumerate(items, 1)}
        dropped = set(existing) - set(wanted)
        for guard in DROP_GUARDS.values():
            problem = guard(dropped)
            if problem:
                raise ValidationError(problem)
        for name in dropped:
            existing[name].delete()
        for name, (position, item) in wanted.items():
            fig = existing.get(name)
            if fig is None:
                OwnFigure.objects.create(name=name, position=position, definition=item)
            elif fig.definition != item or fig.position != position:
                fig.definition, fig.position = item, position
                fig.save()
