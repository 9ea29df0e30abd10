"""One valid record of each of the app's kinds, the n-th of a series (see meetings/examples.py)."""

import datetime

from meetings.examples import day

from .models import Activity, Deputy, Station


def station(n: int) -> Station:
    return Station.objects.create(name=f"联络站{n}", town="河清镇")


def deputy(n: int) -> Deputy:
    return Deputy.objects.create(
        name=f"代表{n}", sex="男", elected=datetime.date(2021, 10, 1), station=station(n)
    )


def activity(n: int) -> Activity:
    a = Activity.objects.create(
        name=f"活动{n}", kind=Activity.Kind.VISIT, date=day(n), station=station(n)
    )
    a.deputies.set([Deputy.objects.create(name=f"参加代表{n}", sex="女", elected=day(n))])
    return a
