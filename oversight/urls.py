from django.urls import path

from congress.records.views import urls_for

from . import kinds, portal, views

urlpatterns = [
    path("oversight/documents/<int:pk>/", views.oversight_document, name="oversight_document"),
    path("opinions/<int:pk>/report-file/", views.opinion_report_file, name="opinion_report_file"),
    path("opinions/documents/<int:pk>/", views.opinion_document, name="opinion_document"),
    path("opinions/overdue/", views.opinions_overdue, name="opinions_overdue"),
    path("meetings/<int:meeting_pk>/opinions/", views.meeting_opinions, name="meeting_opinions"),
    path("portal/opinions/", portal.portal_opinions, name="portal_opinions"),
    path("portal/opinions/<int:pk>/", portal.portal_opinion, name="portal_opinion"),
    *urls_for(kinds.oversight),
    *urls_for(kinds.opinions),
    *urls_for(kinds.projects),
    *urls_for(kinds.visits),
    *urls_for(kinds.otherwork),
]
