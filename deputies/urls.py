from django.urls import path

from congress.crud import urls_for

from . import views

urlpatterns = [
    path("deputies/roster/", views.roster, name="deputies_roster"),
    *urls_for(views.stations),
    *urls_for(views.deputies),
    *urls_for(views.activities),
]
