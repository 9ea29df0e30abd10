"""One valid record of each of the app's kinds, the n-th of a series (distinct names and
numbers): what the tests walk, count and export for every kind, whatever the app."""

import datetime

from .models import Appointment, Attendance, Decision, Meeting, Member, Vote


def day(n: int) -> datetime.date:
    return datetime.date(2025, 1 + n % 12, 1 + n % 27)


def meeting(n: int) -> Meeting:
    m = Meeting.objects.create(kind=Meeting.Kind.CHAIRMAN, term=18, seq=n, date=day(n))
    m.agenda.create(title="议题", order=1)
    return m


def decision(n: int) -> Decision:
    return Decision.objects.create(
        title=f"关于第{n}项工作的决定",
        date=day(n),
        meeting=Meeting.objects.create(kind=Meeting.Kind.STANDING, term=18, seq=n, date=day(n)),
    )


def appointment(n: int) -> Appointment:
    return Appointment.objects.create(
        person=f"人员{n}",
        kind=Appointment.Kind.APPOINT,
        post="局长",
        date=day(n),
        meeting=Meeting.objects.create(kind=Meeting.Kind.STANDING, term=18, seq=n, date=day(n)),
    )


def member(n: int) -> Member:
    return Member.objects.create(
        name=f"委员{n}", post=Member.Post.MEMBER, term=18, start=datetime.date(2021, 10, 1)
    )


def attendance(n: int) -> Attendance:
    # A 主任会议: its attendance has no quorum to keep, so any one row stands alone.
    return Attendance.objects.create(
        meeting=meeting(1000 + n), member=member(1000 + n), status=Attendance.Status.PRESENT
    )


def vote(n: int) -> Vote:
    m = Meeting.objects.create(kind=Meeting.Kind.STANDING, term=18, seq=2000 + n, date=day(n))
    member(2000 + n)
    return Vote.objects.create(meeting=m, item=f"表决事项{n}", yes=1, no=0, abstain=0)
