"""One valid record of each of the app's kinds, the n-th of a series (see meetings/examples.py)."""

from congress.accounts.models import Unit
from deputies.examples import deputy
from meetings.examples import day

from .models import Suggestion


def suggestion(n: int) -> Suggestion:
    return Suggestion.objects.create(
        number=str(n),
        title=f"关于第{n}件事的建议",
        date=day(n),
        lead=deputy(n),
        lead_unit=Unit.objects.create(name=f"局{n}"),
    )


def unit(n: int) -> Unit:
    return Unit.objects.create(name=f"单位{n}")
