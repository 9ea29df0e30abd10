from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "会议与任免"
    # Declared here, read by the core (congress.site.apps): a staff record app, its menu entries.
    record_app = True
    menu = [("会议与任免", "meetings_list", 20)]
    member_menu = [("我的会议", "member_meetings", 10)]
