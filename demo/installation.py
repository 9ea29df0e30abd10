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
    ("deputy2", "人大代表", roles.DEPUTY),  # a colleague invited to cosign the deputy's draft
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
    _draft_with_invitation(deputy)
    _activity_open_for_signing_up(deputy)


def _activity_open_for_signing_up(deputy) -> None:
    """Next fortnight's 调研 at the deputy's station, open for 报名 and 请假."""
    import datetime

    from django.utils import timezone

    from deputies.models import Activity

    Activity.objects.get_or_create(
        name="城东片区公共交通专题调研",
        date=timezone.localdate() + datetime.timedelta(days=14),
        defaults={
            "kind": Activity.Kind.RESEARCH,
            "signup": True,
            "station": deputy.station,
            "notes": "上午九时在区人大常委会机关一楼集合，乘车前往城东片区三个小区和公交首末站。",
        },
    )


def _draft_with_invitation(lead) -> None:
    """The deputy's draft, and ``deputy2`` (a colleague of their station) invited to cosign it."""
    from deputies.models import Deputy
    from proposals import services
    from proposals.models import Draft

    colleague = (
        Deputy.objects.filter(term=lead.term, level=lead.level, status="正常", user__isnull=True)
        .exclude(pk=lead.pk)
        .order_by("pk")
        .first()
    )
    user = User.objects.filter(username="deputy2").first()
    if colleague is None or user is None:
        return
    colleague.user = user
    colleague.save(update_fields=["user"])
    user.first_name = colleague.name
    user.save(update_fields=["first_name"])
    draft = Draft.objects.create(
        lead=lead,
        title="关于在城东片区增设公交站点的建议",
        text="城东片区新建小区入住居民增多，最近的公交站点步行需二十分钟以上，"
        "早晚高峰出行不便。建议区交通运输局调整线路，在片区内增设两个站点。",
    )
    services.invite(draft, [colleague.name])


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
