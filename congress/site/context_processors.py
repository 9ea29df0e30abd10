from django.conf import settings
from django.utils.crypto import salted_hmac

from congress.accounts.models import Profile
from congress.accounts.roles import is_read_only, is_unit_user, portal_of, role_label


def office(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"office_name": _profile_name(), "drafts_clear": "logged_out" in request.GET}
    return {
        "office_name": _profile_name(),
        "draft_owner": draft_owner(user),
        "draft_days": settings.CONGRESS["DRAFT_DAYS"],
        "role": role_label(user),
        "read_only": is_read_only(user),
        "unit_user": is_unit_user(user),
        "portal_user": bool(portal_of(user)),
        "unread": _unread(user),
        "menu": menu(portal_of(user)),
        "subnav": subnav(request) if not portal_of(user) else [],
    }


# The core's own entries; each app adds its own in its AppConfig (menu, unit_menu,
# member_menu).
CORE_MENU = [
    ("待办", "home", 0),
    ("工作概览", "dashboard", 10),
    ("年度报告", "reports", 80),
    ("台账", "ledger", 90),
]
CORE_UNIT_MENU = [("待办", "home", 0)]


def menu(portal: str) -> list[tuple[str, str]]:
    """The menu of the office's staff (portal ""), of a handling unit or of a member."""
    from django.apps import apps
    from django.urls import NoReverseMatch, reverse

    from congress.accounts.roles import DEPUTY, MEMBER, UNIT

    attribute = {UNIT: "unit_menu", MEMBER: "member_menu", DEPUTY: "deputy_menu"}.get(
        portal, "menu"
    )
    entries = list(CORE_UNIT_MENU if portal else CORE_MENU)
    for config in apps.get_app_configs():
        entries += getattr(config, attribute, [])
    out = []
    for label, name, _order in sorted(entries, key=lambda e: e[2]):
        try:
            out.append((label, reverse(name)))
        except NoReverseMatch:
            continue
    return out


def draft_owner(user) -> str:
    """The key a person's form drafts are stored under in the browser: the same at every login,
    so a draft survives an expired session, and different for each person, without naming
    them."""
    return salted_hmac("congress.drafts", str(user.pk)).hexdigest()[:24]


def _unread(user) -> int:
    from congress.work.models import Notification

    return Notification.objects.filter(user=user, read__isnull=True).count()


def _profile_name() -> str:
    try:
        return Profile.get().name
    except Exception:  # noqa: BLE001 - before the first migrate the table is missing
        return "人大常委会"


def subnav(request) -> list[tuple[str, str, bool]]:
    """The links of the staff section the page belongs to (会议 · 决议决定 · 人事任免 …), as each
    app declares its section; (label, URL, whether it is this page). A page belongs to the
    section one of whose links names the same kind of record (meetings_detail → meetings_list)."""
    from congress.site.declarations import SECTIONS, STAFF

    match = getattr(request, "resolver_match", None)
    name = getattr(match, "url_name", "") or ""
    if not name:
        return []
    stem = name.rsplit("_", 1)[0]
    for section in sorted(SECTIONS.values(), key=lambda s: s.order):
        if section.role != STAFF:
            continue
        names = [link for _label, link in section.links]
        if name in names or any(link.rsplit("_", 1)[0] == stem for link in names):
            here = request.path
            return [(label, url, url == here) for label, url in section.urls(request.user)]
    return []
