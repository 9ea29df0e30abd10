"""The deputies app's section on the staff home."""

from congress.accounts import backends as login
from congress.documents import archive
from congress.review import paragraphs as review
from congress.site.declarations import DEPUTY, Section, register

register(
    Section(
        "代表工作",
        (
            ("人大代表", "deputies_list"),
            ("代表名册与构成", "deputies_roster"),
            ("代表之家和联络站", "stations_list"),
            ("代表活动", "activities_list"),
        ),
        order=40,
    ),
    Section("履职活动", (("近期活动报名", "deputy_activities"),), order=20, role=DEPUTY),
)

review.register(
    review.Clause("by-elections", "总体情况", "overview", "补选人大代表{{补选|数}}名", order=40),
    review.Clause(
        "stations",
        "代表工作",
        "stations",
        "现有代表之家{{代表之家|数}}个、代表联络站{{代表联络站|数}}个。全年邀请代表{{邀请人次|数}}人次"
        "参与各项履职活动，组织{{培训人数|数}}名代表参加专题培训。",
        order=400,
    ),
    review.Clause(
        "deputies-people",
        "代表工作",
        "people",
        "代表联系群众{{联系群众|数}}人次，推动解决问题{{解决问题|数}}个，组织{{述职人数|数}}名代表"
        "向选民述职",
        order=420,
    ),
)


def _roster(year: int):
    from congress.documents.rosters import roster_files

    from .rosters import deputies_roster

    return roster_files(*deputies_roster())


archive.register(archive.Printable("deputies-roster", "名册", 30, _roster))


def _by_mobile(identifier: str):
    """A deputy in office logs in by the mobile number on their record too."""
    import re

    from .models import Deputy

    digits = re.sub(r"\D", "", identifier)
    if len(digits) != 11 or digits != re.sub(r"[\s-]", "", identifier):
        return None
    # Numbers are kept as typed (138-0000-1234, 138 0000 1234): compare their digits.
    candidates = (
        Deputy.objects.filter(phone__endswith=digits[-4:], user__isnull=False)
        .exclude(status=Deputy.Status.ENDED)
        .select_related("user")
    )
    found = [d for d in candidates if re.sub(r"\D", "", d.phone) == digits]
    return found[0].user if len(found) == 1 else None


login.register(login.Alias("deputy-mobile", _by_mobile))
