from django.urls import path

from congress.crud import urls_for

from . import views

urlpatterns = [
    path("oversight/documents/<int:pk>/", views.oversight_document, name="oversight_document"),
    path("opinions/<int:pk>/report-file/", views.opinion_report_file, name="opinion_report_file"),
    path("opinions/documents/<int:pk>/", views.opinion_document, name="opinion_document"),
    path("opinions/overdue/", views.opinions_overdue, name="opinions_overdue"),
    *urls_for(views.oversight),
    *urls_for(views.opinions),
    *urls_for(views.projects),
    *urls_for(views.visits),
    *urls_for(views.otherwork),
]
