from django.urls import path

from congress.records.views import urls_for

from . import kinds, portal, views

urlpatterns = [
    path("meetings/documents/<int:pk>/", views.meeting_document, name="meeting_document"),
    path("appointments/oath/", views.oath_waiting, name="appointments_oath"),
    path("appointments/roster/", views.appointments_roster, name="appointments_roster"),
    *urls_for(kinds.meetings),
    *urls_for(kinds.decisions),
    *urls_for(kinds.appointments),
    path("meetings/<int:pk>/attendance/", views.meeting_attendance, name="meeting_attendance"),
    path("meetings/<int:pk>/notice/", views.meeting_notice, name="meeting_notice"),
    path("meetings/<int:pk>/pack/", views.meeting_pack, name="meeting_pack"),
    path("meetings/<int:pk>/minutes/", views.meeting_minutes, name="meeting_minutes"),
    path("my/meetings/<int:pk>/pack.pdf", portal.member_pack, name="member_pack"),
    path("members/accounts/", views.member_accounts, name="member_accounts"),
    path("my/meetings/", portal.member_meetings, name="member_meetings"),
    path("my/meetings/<int:pk>/", portal.member_meeting, name="member_meeting"),
    path("my/meetings/<int:pk>/notice.pdf", portal.member_notice, name="member_notice"),
    path("my/documents/<int:pk>/", portal.member_document, name="member_document"),
    *urls_for(kinds.members),
    *urls_for(kinds.attendance),
    *urls_for(kinds.votes),
]
