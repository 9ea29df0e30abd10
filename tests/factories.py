"""Small builders for records in tests (plain functions: the models are simple enough)."""

import datetime

from deputies.models import Activity, Deputy, Station
from meetings.models import Meeting
from proposals.models import Suggestion

D = datetime.date


def deputy(name: str = "张明", **kw) -> Deputy:
    kw.setdefault("sex", "男")
    kw.setdefault("elected", D(2021, 10, 1))
    return Deputy.objects.create(name=name, **kw)


def station(name: str = "河清镇代表联络站", **kw) -> Station:
    kw.setdefault("town", "河清镇")
    return Station.objects.create(name=name, **kw)


def meeting(**kw) -> Meeting:
    kw.setdefault("kind", Meeting.Kind.STANDING)
    kw.setdefault("date", D(2025, 3, 18))
    return Meeting.objects.create(**kw)


def activity(name: str, kind: str, date: datetime.date, deputies=(), **kw) -> Activity:
    a = Activity.objects.create(name=name, kind=kind, date=date, **kw)
    a.deputies.set(deputies)
    return a


def suggestion(number: str, lead: Deputy, **kw) -> Suggestion:
    kw.setdefault("title", f"关于{number}的建议")
    kw.setdefault("date", D(2025, 1, 10))
    return Suggestion.objects.create(number=number, lead=lead, **kw)
