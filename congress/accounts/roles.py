"""Users and roles: four groups, their permissions, and the checks views use."""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied

CLERK = "录入员"
LEADER = "领导"
UNIT = "承办单位"
ADMIN = "管理员"
MEMBER = "组成人员"  # a member of the standing committee: reads their meetings' notices and packs
DEPUTY = "人大代表"  # a deputy: follows and judges their own suggestions
ROLES = (CLERK, LEADER, UNIT, ADMIN, MEMBER, DEPUTY)
# Roles that see a portal of their own, never the office's pages.
PORTAL_ROLES = (UNIT, MEMBER, DEPUTY)


def record_apps() -> set[str]:
    """Apps whose records staff keep: each says so in its AppConfig (record_app = True)."""
    from django.apps import apps

    return {c.label for c in apps.get_app_configs() if getattr(c, "record_app", False)}


class _RecordApps:
    """RECORD_APPS as the apps declare it, read when asked (after the app registry is ready)."""

    def __contains__(self, label) -> bool:
        return label in record_apps()

    def __iter__(self):
        return iter(sorted(record_apps()))


RECORD_APPS = _RecordApps()
# congress models whose records staff keep like any other.
CONGRESS_RECORDS = ("unit", "reporttext", "ownfigure", "reportjob", "edition")

# Custom permissions beyond Django's add/change/delete/view. A handling unit's own are declared
# by each app as handle_<model> in its model's Meta.permissions.
IMPORT = "congress.import_ledger"
REPORT = "congress.add_reportjob"


def _wanted(perm) -> set[str]:
    """Which roles get a permission, decided by its app, model and action."""
    app = perm.content_type.app_label
    model = perm.content_type.model
    action = perm.codename.split("_", 1)[0]
    full = f"{app}.{perm.codename}"
    roles: set[str] = set()
    is_record = app in RECORD_APPS or (app == "congress" and model in CONGRESS_RECORDS)
    if action == "handle":
        # handle_<model>: what a handling unit does with what was sent to it (any app).
        return {UNIT}
    if action == "attend":
        # attend_<model>: what a committee member reads of what they attend (any app).
        return {MEMBER}
    if action == "represent":
        # represent_<model>: what a deputy does with their own records (any app).
        return {DEPUTY}
    if model.startswith("historical"):
        # The change history is written by the system and read by administrators only.
        return {ADMIN} if action == "view" else set()
    if is_record:
        roles |= {CLERK, ADMIN}
        if action == "view":
            roles.add(LEADER)
    if full in (IMPORT,):
        roles |= {CLERK, ADMIN}
    if full == REPORT:
        roles.add(LEADER)
    if app in ("auth", "congress") and not is_record:
        roles.add(ADMIN)
    if app == "congress" and model == "profile" and action == "view":
        roles |= {CLERK, LEADER}
    return roles


def sync_roles(apps) -> None:
    """Create the roles' groups and give each its permissions. Safe to run again."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    wanted: dict[str, list] = {name: [] for name in ROLES}
    for perm in Permission.objects.select_related("content_type"):
        for role in _wanted(perm):
            wanted[role].append(perm)
    for name, group in groups.items():
        group.permissions.set(wanted[name])


def sync_after_migrate(sender, **kwargs) -> None:
    from django.apps import apps

    # Django signals each app that has models, in order; the last one sees every permission.
    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if sender.name == with_models[-1].name:
        sync_roles(apps)


def role_names(user) -> set[str]:
    """The account's roles (its groups' names), asked once per request."""
    if not user.is_authenticated:
        return set()
    cache = getattr(user, "_role_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._role_names = cache
    return cache


def has_role(user, role: str) -> bool:
    return role in role_names(user)


def is_unit_user(user) -> bool:
    """A handling unit's account: sees the portal only, never the staff pages."""
    return has_role(user, UNIT) and not user.is_superuser


def is_member_user(user) -> bool:
    """A committee member's account: reads their meetings in their portal, nothing else."""
    return (
        has_role(user, MEMBER)
        and not user.is_superuser
        and not any(has_role(user, r) for r in (CLERK, LEADER, ADMIN))
    )


def is_deputy_user(user) -> bool:
    """A deputy's account: their own suggestions in their portal, nothing else."""
    return (
        has_role(user, DEPUTY)
        and not user.is_superuser
        and not any(has_role(user, r) for r in (CLERK, LEADER, ADMIN))
    )


def portal_of(user) -> str:
    """The portal role a person sees (承办单位, 组成人员 or 人大代表), or "" for the office's
    staff."""
    if is_unit_user(user):
        return UNIT
    if is_member_user(user):
        return MEMBER
    if is_deputy_user(user):
        return DEPUTY
    return ""


def is_read_only(user) -> bool:
    """Leadership reads everything and changes nothing."""
    return (
        has_role(user, LEADER)
        and not user.is_superuser
        and not has_role(user, CLERK)
        and not has_role(user, ADMIN)
    )


def role_label(user) -> str:
    if user.is_superuser or has_role(user, ADMIN):
        return ADMIN
    for role in (CLERK, LEADER, UNIT, MEMBER, DEPUTY):
        if has_role(user, role):
            return role
    return ""


def leader_may_post(view: Callable) -> Callable:
    """Mark a view whose POST leadership may send (logout, generating the annual report)."""
    view.leader_may_post = True
    return view


def perm_required(perm: str) -> Callable:
    """403 unless the user holds the permission (a logged-in user; login is global)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def staff_required(view: Callable) -> Callable:
    """The office's own pages: staff, leadership and administrators, not unit accounts."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if portal_of(request.user) or not role_label(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
