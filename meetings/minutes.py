"""会议纪要: drafted from what the system knows of a meeting (who attended, the agenda, what was
voted and decided) as an editable Word document and a PDF in the official layout; the office
edits the draft and files its final version on the meeting."""

from __future__ import annotations

import io
from dataclasses import dataclass

from congress.accounts.models import Profile
from congress.documents.layout import Printed, page_html, print_pdf
from congress.documents.text import cn_date, cn_number

from .models import Meeting, Member, serving_count


@dataclass
class Minutes:
    title: str
    office: str
    date: str
    paragraphs: list[tuple[str, str]]  # ("h" heading | "p" paragraph, text)
    present: list[str]
    on_leave: list[str]
    absent: list[str]
    guests: str
    cc: str


def _names(rows) -> list[str]:
    return [r.member.name for r in rows]


def minutes(meeting: Meeting) -> Minutes:
    profile = Profile.get()
    rows = list(meeting.attendance.select_related("member").order_by("member__start", "member__pk"))
    ordered = sorted(rows, key=lambda r: (Member.ORDER.get(r.member.post, 9), r.member.pk))
    present = [r for r in ordered if r.status == "出席"]
    leave = [r for r in ordered if r.status == "请假"]
    absent = [r for r in ordered if r.status == "缺席"]
    chair = next((r.member for r in present if r.member.post == "主任"), None) or next(
        (r.member for r in present if r.member.post == "副主任"), None
    )
    serving = serving_count(meeting.date)
    opening = f"{cn_date(meeting.date)}，{meeting.name}在{meeting.place or '常委会会议室'}召开。"
    if chair is not None:
        opening += f"会议由{chair.post}{chair.name}主持。"
    if rows:
        opening += f"应出席{serving}人，实到{len(present)}人"
        opening += f"，请假{len(leave)}人" if leave else ""
        opening += f"，缺席{len(absent)}人" if absent else ""
        opening += "，符合法定人数。" if len(present) * 2 > serving else "。"
    paragraphs: list[tuple[str, str]] = [("p", opening), ("p", "会议议定以下事项：")]
    votes = {v.item: v for v in meeting.votes.all()}
    for i, item in enumerate(meeting.agenda.all(), 1):
        line = f"（{cn_number(i)}）{item.title}。"
        vote = votes.pop(item.title, None)
        if vote is not None:
            line += f"会议进行了表决，{vote.result}。"
        elif item.reporter:
            line += f"会议听取了{item.reporter}的汇报，组成人员进行了审议。"
        paragraphs.append(("p", line))
    decided = list(meeting.decisions.all())
    if decided:
        paragraphs.append(("h", "决议决定"))
        for d in decided:
            v = votes.pop(d.title, None)
            paragraphs.append(
                ("p", f"会议表决通过了《{d.title}》" + (f"，{v.result}。" if v else "。"))
            )
    appointed = list(meeting.appointments.prefetch_related("votes"))
    if appointed:
        paragraphs.append(("h", "人事任免"))
        for a in appointed:
            votes.pop(a.person, None)
            result = f"，{a.vote_result}" if a.vote_result else ""
            paragraphs.append(("p", f"{a.kind}{a.person}为{a.organisation}{a.post}{result}。"))
    for item, vote in votes.items():
        paragraphs.append(("p", f"会议对“{item}”进行了表决，{vote.result}。"))
    return Minutes(
        title=f"{meeting.name}纪要",
        office=profile.office_unit,
        date=cn_date(meeting.date),
        paragraphs=paragraphs,
        present=_names(present),
        on_leave=[f"{r.member.name}（{r.reason}）" if r.reason else r.member.name for r in leave],
        absent=_names(absent),
        guests="；".join(line.strip() for line in meeting.guests.splitlines() if line.strip()),
        cc=f"{profile.name}组成人员，各工作委员会。",
    )


def minutes_pdf(meeting: Meeting) -> Printed:
    m = minutes(meeting)
    html = page_html("meetings/minutes.html", {"title": m.title, "author": m.office, "minutes": m})
    return print_pdf([html], title=m.title, author=m.office)


def minutes_docx(meeting: Meeting) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from congress.documents.word import BODY, TITLE, font, new_document, page

    m = minutes(meeting)
    doc = new_document()
    page(doc.sections[0])
    doc.core_properties.title = m.title
    doc.core_properties.author = m.office

    def line(text: str, face: str = BODY, size: float = 16, align=None, indent=True) -> None:
        p = doc.add_paragraph()
        if align is not None:
            p.alignment = align
        if not indent:
            p.paragraph_format.first_line_indent = Pt(0)
        font(p.add_run(text), face, size)

    line(m.title, TITLE, 22, WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    for kind, text in m.paragraphs:
        if kind == "h":
            doc.add_heading(level=1).add_run(text)
        else:
            line(text)
    for label, names in (("出席", m.present), ("请假", m.on_leave), ("缺席", m.absent)):
        if names:
            line(f"{label}：{'、'.join(names)}", indent=False)
    if m.guests:
        line(f"列席：{m.guests}", indent=False)
    line(m.office, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    line(m.date, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    line(f"分送：{m.cc}", size=14, indent=False)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
