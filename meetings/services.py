"""Workflows of meetings and appointments."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

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


# --- 出席情况 ----------------------------------------------------------------------------------

STATUSES = ("出席", "请假", "缺席")


class AttendanceRefused(Exception):
    """The attendance page's rows, refused by the models' rules (every message, in Chinese)."""

    def __init__(self, messages: list[str]):
        super().__init__("；".join(messages))
        self.messages = messages


@dataclass
class AttendanceRow:
    member: object
    status: str
    reason: str


def attendance_rows(meeting) -> list[AttendanceRow]:
    """Every member serving on the meeting's day, with what is recorded for them (出席 when
    nothing is yet)."""
    from .models import Member

    recorded = {a.member_id: a for a in meeting.attendance.all()}
    members = sorted(
        Member.objects.serving(meeting.date),
        key=lambda m: (Member.ORDER.get(m.post, 9), m.start, m.pk),
    )
    extra = [a.member for a in recorded.values() if a.member_id not in {m.pk for m in members}]
    return [
        AttendanceRow(
            m,
            recorded[m.pk].status if m.pk in recorded else "出席",
            recorded[m.pk].reason if m.pk in recorded else "",
        )
        for m in [*members, *extra]
    ]


def attendance_summary(meeting) -> dict:
    from .models import serving_count

    counts = {s: meeting.attendance.filter(status=s).count() for s in STATUSES}
    return {"serving": serving_count(meeting.date), **counts, "recorded": sum(counts.values())}


@transaction.atomic
def record_attendance(meeting, posted: dict, user) -> int:
    """The meeting's attendance as posted ({member id: (status, reason)}), all rows or none:
    each row by the model's rules, the meeting's quorum over all of them together."""
    from .models import Attendance, Member, quorum_message

    members = Member.objects.in_bulk(list(posted))
    existing = {a.member_id: a for a in meeting.attendance.select_for_update()}
    problems: list[str] = []
    rows = []
    for member_id, (status, reason) in posted.items():
        member = members.get(member_id)
        if member is None:
            continue
        if status not in STATUSES:
            problems.append(f"{member.name}：请选择出席、请假或缺席。")
            continue
        row = existing.get(member_id) or Attendance(meeting=meeting, member=member)
        row.unchanged = row.pk is not None and (row.status, row.reason) == (status, reason)
        row.status, row.reason = status, reason
        row.judged_together = True
        try:
            row.full_clean(exclude=["meeting", "member"], validate_constraints=False)
        except ValidationError as exc:
            problems.extend(f"{member.name}：{m}" for m in exc.messages)
            continue
        rows.append(row)
    present = sum(r.status == "出席" for r in rows)
    if not problems:
        message = quorum_message(meeting, present)
        if message:
            problems.append(message)
    if problems:
        raise AttendanceRefused(problems)
    for row in rows:
        if not row.unchanged:
            row.save()
    meeting.count_attendance()
    return len(rows)


# --- 会议材料汇编 ------------------------------------------------------------------------------


def request_pack(meeting, user=None):
    """The meeting's pack build waiting or running, else a new one sent after commit;
    (the job, whether it is new)."""
    from congress.work.jobs import request

    from .jobs import PACK
    from .models import PackJob

    return request(PackJob, PACK, user, lost="后台服务中断，已重新汇编。", meeting=meeting)


def material_changed(meeting) -> None:
    """A material added, replaced or removed: a pack already built from other materials is
    built again."""
    from .packs import stale

    if stale(meeting):
        request_pack(meeting)


# --- the office's deadlines before a meeting ---------------------------------------------------


def notice_due(today):
    """Coming meetings whose notice has not gone out and is due (MEETING_NOTICE_DAYS working
    days before the meeting) or late."""
    from django.conf import settings

    from congress.work.workdays import working_days_before

    from .models import Meeting

    days = settings.CONGRESS["MEETING_NOTICE_DAYS"]
    coming = Meeting.objects.filter(date__gte=today, notice_number="").exclude(
        kind="人民代表大会会议"
    )
    due = [m.pk for m in coming.only("pk", "date") if working_days_before(m.date, days) <= today]
    return Meeting.objects.filter(pk__in=due)


def materials_due(today):
    """Coming meetings with an agenda item still without materials when they are due
    (MEETING_MATERIALS_DAYS working days before the meeting)."""
    from django.conf import settings

    from congress.work.workdays import working_days_before

    from .models import Meeting

    days = settings.CONGRESS["MEETING_MATERIALS_DAYS"]
    coming = Meeting.objects.filter(
        date__gte=today, agenda__isnull=False, agenda__documents__isnull=True
    )
    due = [
        m.pk
        for m in coming.distinct().only("pk", "date")
        if working_days_before(m.date, days) <= today
    ]
    return Meeting.objects.filter(pk__in=due)
