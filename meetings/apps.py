from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "会议与任免"
    # Declared here, read by the core (congress.site.apps): a staff record app, its menu entries.
    record_app = True
    menu = [("会议与任免", "meetings_list", 20)]
    member_menu = [("我的会议", "member_meetings", 10)]

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .models import MeetingDocument

        post_save.connect(_material_changed, sender=MeetingDocument, dispatch_uid="pack-save")
        post_delete.connect(_material_changed, sender=MeetingDocument, dispatch_uid="pack-delete")


def _material_changed(sender, instance, **kwargs) -> None:
    """A material added, replaced or removed: a built pack is built again once this commits."""
    from django.db import transaction

    from .services import material_changed

    meeting_id = instance.meeting_id

    def rebuild() -> None:
        from .models import Meeting

        meeting = Meeting.objects.filter(pk=meeting_id).first()
        if meeting is not None:
            material_changed(meeting)

    transaction.on_commit(rebuild)
