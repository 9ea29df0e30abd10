"""The demo installation: 安州区, year 2025, with one account per role."""

from django.contrib.auth.models import Group, User

from congress.accounts import roles
from congress.accounts.models import Profile, Unit

DEMO_PASSWORD = "demo-2025-anzhou"
DEMO_UNIT = "区住房和城乡建设局"
DEMO_USERS = [
    ("clerk", "王晓丽", roles.CLERK),
    ("leader", "陈国强", roles.LEADER),
    ("unit", "刘建", roles.UNIT),
    ("admin", "管理员", roles.ADMIN),
    ("member", "组成人员", roles.MEMBER),  # linked to a 副主任 of the demo committee
    ("deputy", "人大代表", roles.DEPUTY),  # linked to a deputy with a reply to judge
]


def link_demo_deputy() -> None:
    """The demo's account ``deputy`` is the lead of a suggestion answered and not yet judged
    (or of any suggestion), so that it has something to follow and to judge."""
    from proposals.models import Suggestion

    user = User.objects.filter(username="deputy").first()
    if user is None or hasattr(user, "deputy"):
        return
    waiting = Suggestion.objects.filter(state="已答复", opinion="", lead__status="正常")
    s = waiting.order_by("-date").first() or Suggestion.objects.order_by("-date").first()
    if s is None:
        return
    deputy = s.lead
    deputy.user = user
    deputy.save(update_fields=["user"])
    user.first_name = deputy.name
    user.save(update_fields=["first_name"])


def create_demo_users() -> None:
    for username, name, role in DEMO_USERS:
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.first_name = name
            user.set_password(DEMO_PASSWORD)
            user.is_staff = role == roles.ADMIN
            user.save()
        user.groups.add(Group.objects.get(name=role))
        if role == roles.UNIT:
            Unit.objects.get_or_create(name=DEMO_UNIT)[0].users.add(user)


def ensure_profile() -> Profile:
    profile = Profile.get()
    profile.name, profile.place, profile.level, profile.party_short, profile.term = (
        "安州区人大常委会",
        "安州",
        "区",
        "区委",
        18,
    )
    profile.contact, profile.phone = "王明", "0816-1234567"
    profile.save()
    return profile
