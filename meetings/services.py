"""Workflows of meetings and appointments."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Appointment, OathCeremony


@transaction.atomic
def swear_in(
    appointments, *, date: datetime.date, place: str = "", presided_by: str = "", meeting=None
) -> OathCeremony:
    """集体宪法宣誓: several appointees sworn in together, recorded once for all of them."""
    people = list(
        Appointment.objects.select_for_update().filter(pk__in=[a.pk for a in appointments])
    )
    if not people:
        raise ValidationError("请至少选择一名宣誓人员。")
    for a in people:
        if a.kind not in Appointment.OATH_KINDS:
            raise ValidationError(f"{a.person}（{a.kind}）无需进行宪法宣誓。")
        if a.oath_date is not None:
            raise ValidationError(f"{a.person}已于{a.oath_date:%Y年%-m月%-d日}宣誓。")
        if date < a.date:
            raise ValidationError(
                f"宣誓日期不能早于{a.person}的任命日期（{a.date:%Y年%-m月%-d日}）。"
            )
    form = Appointment.OathForm.COLLECTIVE if len(people) > 1 else Appointment.OathForm.INDIVIDUAL
    ceremony = OathCeremony.objects.create(
        date=date, form=form, place=place, presided_by=presided_by, meeting=meeting
    )
    for a in people:
        a.oath_date, a.oath_form, a.ceremony = date, form, ceremony
        a.save()
    return ceremony
