"""The demo's standing committee: the members of the 18th 届, their attendance at each meeting
and the votes taken there, as an office would have recorded them."""

from __future__ import annotations

import datetime
import random

from meetings.models import Appointment, Attendance, Decision, Meeting, Member, Vote

D = datetime.date
ELECTED = D(2021, 10, 28)  # the first session of the 18th 区人民代表大会
POSTS = ["主任"] + ["副主任"] * 4 + ["秘书长"] + ["委员"] * 23
LEAVE = ("出差", "因病请假", "参加上级会议", "因公外出")
LEADERS = ("主任", "副主任", "秘书长")


def members(names, term: int, year: int) -> list[Member]:
    """29 members from the 届's first session; one 委员 left at mid-year and another came."""
    made = [Member(name=next(names), post=post, term=term, start=ELECTED) for post in POSTS]
    made[-1].end = D(year, 6, 30)
    made.append(Member(name=next(names), post="委员", term=term, start=D(year, 7, 1)))
    Member.objects.bulk_create(made)
    return list(Member.objects.filter(term=term).order_by("pk"))


def seat(rng: random.Random, meetings: list[Meeting]) -> tuple[int, int]:
    """Attendance for each 常委会会议 (every member) and 主任会议 (the leaders), and a vote on
    each appointment and decision made at a 常委会会议; (attendance rows, votes)."""
    rows: list[Attendance] = []
    votes: list[Vote] = []
    for meeting in meetings:
        serving = list(Member.objects.serving(meeting.date))
        if meeting.kind == Meeting.Kind.CHAIRMAN:
            serving = [m for m in serving if m.post in LEADERS]
        present = 0
        for m in serving:
            roll = rng.random()
            status = "出席" if roll < 0.9 else "请假" if roll < 0.98 else "缺席"
            present += status == "出席"
            rows.append(
                Attendance(
                    meeting=meeting,
                    member=m,
                    status=status,
                    reason=rng.choice(LEAVE) if status == "请假" else "",
                    day=meeting.date,
                )
            )
        if meeting.kind != Meeting.Kind.STANDING:
            continue
        items = [
            *((a.person, a, None) for a in Appointment.objects.filter(meeting=meeting)),
            *((d.title, None, d) for d in Decision.objects.filter(meeting=meeting)),
        ]
        for item, appointment, decision in items:
            no = rng.choice((0, 0, 0, 1))
            abstain = rng.choice((0, 0, 1))
            yes = present - no - abstain
            votes.append(
                Vote(
                    meeting=meeting,
                    item=item,
                    yes=yes,
                    no=no,
                    abstain=abstain,
                    silent=0,
                    appointment=appointment,
                    decision=decision,
                    serving=len(serving),
                    day=meeting.date,
                )
            )
    Attendance.objects.bulk_create(rows)
    Vote.objects.bulk_create(votes, ignore_conflicts=True)
    for meeting in meetings:
        meeting.count_attendance()
    return len(rows), len(votes)
