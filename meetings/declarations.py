"""The meetings app's section on the staff home."""

from congress.documents import archive
from congress.review import paragraphs as review
from congress.site.declarations import MEMBER, Section, register

register(
    Section(
        "会议与任免",
        (
            ("会议", "meetings_list"),
            ("决议决定", "decisions_list"),
            ("人事任免", "appointments_list"),
            ("待宪法宣誓", "appointments_oath"),
            ("组成人员", "members_list"),
        ),
        order=20,
    ),
    Section("我的会议", (("会议通知与材料", "member_meetings"),), order=10, role=MEMBER),
)

review.register(
    review.Clause(
        "meetings",
        "总体情况",
        "overview",
        "召开常委会会议{{常委会会议|数}}次、主任会议{{主任会议|数}}次",
        order=10,
    ),
    review.Clause(
        "decisions-appointments",
        "总体情况",
        "overview",
        "作出决议决定{{决议决定|数}}项，依法任免国家机关工作人员{{任免|数}}人次",
        order=30,
    ),
)


def _roster(year: int):
    from congress.documents.rosters import roster_files

    from .rosters import appointments_roster

    return roster_files(*appointments_roster(year))


archive.register(archive.Printable("appointments-roster", "名册", 31, _roster))


def _notices(year: int):
    from congress.documents.archive import ArchiveFile
    from congress.documents.text import natural

    from .models import Meeting
    from .notices import notice_pdf

    issued = Meeting.objects.filter(notice_date__year=year).exclude(notice_number="")
    for meeting in sorted(issued, key=lambda m: natural(m.notice_number)):
        printed = notice_pdf(meeting)
        yield ArchiveFile(
            f"{meeting.notice_number}.pdf", printed.data, meeting.notice_number, printed.page_count
        )


archive.register(archive.Printable("meeting-notices", "会议通知", 15, _notices))


def _minutes(year: int):
    """Each held meeting's minutes: the final version the office filed, else the draft."""
    from congress.documents.archive import ArchiveFile

    from .minutes import minutes_pdf
    from .models import Meeting

    held = Meeting.objects.in_year(year).filter(attendance__isnull=False).distinct()
    for meeting in held.order_by("date", "pk"):
        if meeting.minutes:
            ext = meeting.minutes.name.rsplit(".", 1)[-1]
            with meeting.minutes.open("rb") as f:
                yield ArchiveFile(f"{meeting.name}纪要（定稿）.{ext}", f.read())
        else:
            printed = minutes_pdf(meeting)
            yield ArchiveFile(f"{meeting.name}纪要.pdf", printed.data, pages=printed.page_count)


def _packs(year: int):
    from congress.documents.archive import ArchiveFile

    from .models import Meeting

    for meeting in Meeting.objects.in_year(year).order_by("date", "pk"):
        pack = meeting.packs.filter(status="已完成").first()
        if pack is not None and pack.file:
            with pack.file.open("rb") as f:
                yield ArchiveFile(f"{meeting.name}材料汇编.pdf", f.read(), pages=pack.pages)


archive.register(
    archive.Printable("meeting-minutes", "会议纪要", 16, _minutes),
    archive.Printable("meeting-packs", "会议材料汇编", 17, _packs),
)
