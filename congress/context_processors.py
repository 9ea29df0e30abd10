from .models import Profile
from .roles import is_read_only, is_unit_user, role_label


def office(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"office_name": _profile_name()}
    return {
        "office_name": _profile_name(),
        "role": role_label(user),
        "read_only": is_read_only(user),
        "unit_user": is_unit_user(user),
        "unread": _unread(user),
    }


def _unread(user) -> int:
    from .models import Notification

    return Notification.objects.filter(user=user, read__isnull=True).count()


def _profile_name() -> str:
    try:
        return Profile.get().name
    except Exception:  # noqa: BLE001 - before the first migrate the table is missing
        return "人大常委会"
