"""会议通知: numbered with the office's own prefix and sequence, printed in the official layout
(PDF and Word from one text), and sent to every member who attends."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse

from congress.accounts.models import Profile
from congress.documents.layout import Printed, page_html, print_pdf
from congress.documents.text import cn_date, cn_number

from .models import Meeting, Member


@dataclass
class Notice:
    """The notice's words, the same in the PDF and in the Word copy."""

    number: str
    title: str
    to: str
    opening: str
    sections: list[tuple[str, list[str]]]  # heading, its lines
    office: str
    date: datetime.date
    cc: str

    def paragraphs(self) -> list[tuple[str, str]]:
        out = [("p", self.opening)]
        for heading, lines in self.sections:
            out.append(("h", heading))
            out.extend(("p", line) for line in lines)
        return out


def next_notice_number(year: int) -> str:
    """前缀〔年份〕序号号: the year's next, after the highest already issued."""
    prefix = Profile.get().notice_prefix
    head = f"{prefix}〔{year}〕"
    used = [
        int(n.removeprefix(head).removesuffix("号"))
        for n in Meeting.objects.filter(notice_number__startswith=head).values_list(
            "notice_number", flat=True
        )
        if n.removeprefix(head).removesuffix("号").isdigit()
    ]
    return f"{head}{max(used, default=0) + 1}号"


def attendees(meeting: Meeting) -> list[Member]:
    """Who is called: every member serving that day (the leaders only, for a 主任会议)."""
    serving = Member.objects.serving(meeting.date)
    if meeting.kind == Meeting.Kind.CHAIRMAN:
        serving = serving.exclude(post=Member.Post.MEMBER)
    return sorted(serving, key=lambda m: (Member.ORDER.get(m.post, 9), m.start, m.pk))


def notice(meeting: Meeting) -> Notice:
    profile = Profile.get()
    day = meeting.date
    when = f"{cn_date(day)}（星期{'一二三四五六日'[day.weekday()]}）{meeting.time}"
    place = f"在{meeting.place}" if meeting.place else ""
    chairman = meeting.kind == Meeting.Kind.CHAIRMAN
    agenda = [
        f"（{cn_number(i)}）{f'{a.time} ' if a.time else ''}{a.title}"
        f"{f'（{a.reporter}汇报）' if a.reporter else ''}"
        for i, a in enumerate(meeting.agenda.all(), 1)
    ] or ["（议程另行通知）"]
    members = attendees(meeting)
    called = "主任会议组成人员" if chairman else "区人大常委会组成人员"
    names = "、".join(m.name for m in members)
    sections = [
        ("一、会议议程", agenda),
        ("二、出席人员", [f"{called}{f'：{names}' if names else ''}。"]),
    ]
    guests = [line.strip() for line in meeting.guests.splitlines() if line.strip()]
    if guests:
        sections.append(("三、列席人员", ["；".join(guests) + "。"]))
    sections.append(
        (
            f"{'四' if guests else '三'}、有关要求",
            [
                "请出席人员准时参加会议。因故不能出席的，请于会前向常委会办公室请假。"
                "会议材料可在系统中查阅，请提前审阅。"
            ],
        )
    )
    return Notice(
        number=meeting.notice_number or "（文号待定）",
        title=f"关于召开{meeting.name}的通知",
        to=f"各位{called}：",
        opening=f"经研究，定于{when}{place}召开{meeting.name}。现将有关事项通知如下：",
        sections=sections,
        office=profile.office_unit,
        date=meeting.notice_date or datetime.date.today(),
        cc=f"{profile.name}各工作委员会，{profile.name}办公室各科室。",
    )


def schedule_rows(meeting: Meeting) -> list[list[str]]:
    """日程: each agenda item with its time and who reports, in order."""
    return [[a.time or "", a.title, a.reporter or ""] for a in meeting.agenda.all()]


def schedule_pdf(meeting: Meeting) -> Printed:
    """会议日程: the day's agenda items with their times, a table on the text block."""
    from congress.documents.layout import grid

    profile = Profile.get()
    title = f"{meeting.name}日程"
    rows = schedule_rows(meeting)
    html = page_html(
        "meetings/schedule.html",
        {
            "title": title,
            "author": profile.office_unit,
            "meeting": meeting,
            "grid": grid(["时间", "议程", "汇报单位"], rows, allow_landscape=False),
            "when": f"{cn_date(meeting.date)} {meeting.time}".strip(),
        },
    )
    return print_pdf([html], title=title, author=profile.office_unit)


def notice_pdf(meeting: Meeting) -> Printed:
    profile = Profile.get()
    n = notice(meeting)
    html = page_html(
        "meetings/notice.html",
        {"title": n.title, "author": n.office, "notice": n, "profile": profile},
    )
    return print_pdf([html], title=n.title, author=n.office)


def notice_docx(meeting: Meeting) -> bytes:
    """The notice as an editable Word document in the same layout."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from congress.documents.word import BODY, TITLE, font, new_document, page

    n = notice(meeting)
    doc = new_document()
    page(doc.sections[0])
    doc.core_properties.title = n.title
    doc.core_properties.author = n.office

    def line(text: str, face: str = BODY, size: float = 16, align=None, indent=True) -> None:
        p = doc.add_paragraph()
        if align is not None:
            p.alignment = align
        if not indent:
            p.paragraph_format.first_line_indent = Pt(0)
        font(p.add_run(text), face, size)

    line(n.office, TITLE, 26, WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    line(n.number, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    line(n.title, TITLE, 22, WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    line(n.to, indent=False)
    for kind, text in n.paragraphs():
        if kind == "h":
            doc.add_heading(level=1).add_run(text)
        else:
            line(text)
    line(n.office, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    line(cn_date(n.date), align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    line(f"抄送：{n.cc}", size=14, indent=False)
    line(f"{n.office}    {cn_date(n.date)}印发", size=14, indent=False)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@transaction.atomic
def issue(meeting: Meeting, day: datetime.date) -> tuple[Meeting, int]:
    """印发: the notice takes the year's next 文号 (once) and its date, and each member called
    who has an account is told; (the meeting, how many were told)."""
    from congress.work.notify import deliver

    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.notice_number:
        meeting.notice_number = next_notice_number(day.year)
        meeting.notice_date = day
        Meeting.objects.filter(pk=meeting.pk).update(
            notice_number=meeting.notice_number, notice_date=day
        )
    told = 0
    link = reverse("member_meeting", args=[meeting.pk])
    for member in attendees(meeting):
        if member.user_id and member.user.is_active:
            sent = deliver(
                member.user,
                f"meeting-notice:{meeting.pk}",
                f"会议通知：{meeting.name}",
                f"{cn_date(meeting.date)}{meeting.time}，{meeting.place}。{meeting.notice_number}",
                link,
            )
            told += sent is not None
    return meeting, told
