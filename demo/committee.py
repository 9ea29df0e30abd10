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
    saved = list(Member.objects.filter(term=term).order_by("pk"))
    _link_demo_account(saved[1])
    return saved


def _link_demo_account(member: Member) -> None:
    """The demo's account ``member`` is this 副主任's: it reads their meetings."""
    from django.contrib.auth.models import User

    user = User.objects.filter(username="member").first()
    if user is not None and not hasattr(user, "member"):
        user.first_name = member.name
        user.save(update_fields=["first_name"])
        member.user = user
        member.save(update_fields=["user"])


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


def upcoming(today: datetime.date, term: int) -> Meeting:
    """Next month's 常委会会议, its agenda set and its notice issued, as a member sees it."""
    from django.db.models import Max

    from meetings.notices import issue

    seq = (
        Meeting.objects.filter(kind="常委会会议", term=term).aggregate(m=Max("seq"))["m"] or 0
    ) + 1
    meeting = Meeting.objects.create(
        kind="常委会会议",
        term=term,
        seq=seq,
        date=today + datetime.timedelta(days=12),
        time="上午9:00",
        place="区人大常委会机关会议室",
        guests="区人民政府有关负责同志\n区监察委员会、区人民法院、区人民检察院有关负责同志\n部分区人大代表",
    )
    for i, (time, title, reporter) in enumerate(
        (
            ("9:00—9:40", "听取和审议区人民政府关于优化营商环境工作情况的报告", "区发展和改革局"),
            ("9:40—10:10", "审议关于批准区本级财政预算调整方案的决议（草案）", "区财政局"),
            ("10:10—10:30", "审议人事任免事项", "区人民政府"),
        ),
        1,
    ):
        item = meeting.agenda.create(order=i, time=time, title=title, reporter=reporter)
        _material(meeting, item, title, reporter)
    issue(meeting, today)
    _pack(meeting)
    return meeting


def _material(meeting: Meeting, item, title: str, reporter: str) -> None:
    """A material as a body would send it: a short report in the official layout."""
    from django.core.files.base import ContentFile

    from congress.documents.layout import page_html, print_pdf
    from meetings.models import MeetingDocument

    text = (
        f"<h1 class='title'>{title.removeprefix('听取和审议').removeprefix('审议')}</h1>"
        f"<p class='flush'>{reporter}</p>"
        + "<p>按照区人大常委会年度工作要点安排，现将有关情况报告如下，请予审议。</p>"
        + "<p>一年来，我们坚持以人民为中心的发展思想，围绕全区中心工作，扎实推进各项任务落实。</p>"
        * 12
    )
    html = page_html("documents/base.html", {"title": title}).replace("<body>", "<body>" + text)
    document = MeetingDocument(meeting=meeting, item=item, title=f"{reporter}：{title}")
    document.file.save(f"material-{item.pk}.pdf", ContentFile(print_pdf([html], title=title).data))


def _pack(meeting: Meeting) -> None:
    """The meeting's pack, built now rather than by the worker (the demo loads in one go)."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from meetings import packs
    from meetings.models import PackJob

    data, pages, listed = packs.build(meeting)
    job = PackJob(
        meeting=meeting,
        status=PackJob.Status.DONE,
        progress=100,
        step="完成",
        pages=pages,
        listed="\n".join(listed),
        digest=packs.digest(meeting),
        finished=timezone.now(),
    )
    job.file.save(f"{meeting.pk}-demo.pdf", ContentFile(data))
