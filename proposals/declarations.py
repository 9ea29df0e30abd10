"""The suggestions app's section on the staff home, and its link on a handling unit's home."""

from congress.documents import archive
from congress.review import paragraphs as review
from congress.site.declarations import DEPUTY, UNIT, Section, register

register(
    Section(
        "代表建议",
        (
            ("代表建议", "suggestions_list"),
            ("代表提交的建议", "drafts_review"),
            ("逾期未答复", "suggestions_overdue"),
            ("承办单位办理情况", "suggestions_units"),
            ("承办单位", "units_list"),
        ),
        order=50,
    ),
    Section("承办事项", (("全部承办事项", "portal"),), order=10, role=UNIT),
    Section(
        "我的建议",
        (
            ("写建议", "deputy_draft_new"),
            ("我写的建议和附议邀请", "deputy_drafts"),
            ("领衔和附议的建议", "deputy_suggestions"),
            ("我的履职档案", "deputy_record"),
        ),
        order=10,
        role=DEPUTY,
    ),
)

review.register(
    review.Clause(
        "public-interest",
        "法治建设",
        "law",
        "推动{{公益诉讼|数}}件代表建议转化为公益诉讼案件",
        order=310,
    ),
    review.Clause(
        "suggestions",
        "代表工作",
        "suggestions",
        "共收到代表建议{{代表建议|数}}件、发言建议{{发言建议|数}}条，确定{{重点督办|数}}件重点督办，"
        "办结率{{办结率}}，满意率{{满意率}}",
        order=410,
    ),
)


def _letters(year: int):
    from congress.documents.archive import ArchiveFile

    from .letters import by_number, print_letters
    from .models import AssignmentLetter

    for letter in by_number(
        AssignmentLetter.objects.filter(date__year=year).select_related("unit")
    ):
        printed = print_letters([letter])
        yield ArchiveFile(f"{letter.number}.pdf", printed.data, letter.number, printed.page_count)


archive.register(archive.Printable("letters", "交办函", 20, _letters))
