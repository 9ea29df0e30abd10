"""The demo year (to be filled by the annual-report work)."""

from meetings.models import Meeting


def already_loaded() -> bool:
    return Meeting.objects.exists()


def load() -> dict[str, int]:
    return {}
