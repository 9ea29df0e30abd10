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
