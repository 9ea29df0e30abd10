"""One valid record of the app's kind, the n-th of a series (see meetings/examples.py)."""

from congress.accounts.models import Unit
from meetings.examples import day

from .models import Petition


def petition(n: int) -> Petition:
    return Petition.objects.create(
        number=f"X{n}",
        channel=Petition.Channel.LETTER,
        date=day(n),
        summary="反映",
        unit=Unit.objects.create(name=f"信访单位{n}"),
        state="已转办",
    )
