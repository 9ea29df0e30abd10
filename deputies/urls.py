from django.urls import path

from congress.records.views import urls_for

from . import kinds, portal, views

urlpatterns = [
    path("deputies/roster/", views.roster, name="deputies_roster"),
    path("deputies/accounts/", views.deputy_accounts, name="deputy_accounts"),
    path("deputies/lookup/", views.lookup, name="deputies_lookup"),
    path("activities/<int:pk>/enrolled/", views.activity_enrolled, name="activity_enrolled"),
    path("deputy/activities/", portal.deputy_activities, name="deputy_activities"),
    path("deputy/activities/<int:pk>/", portal.deputy_enrol, name="deputy_enrol"),
    *urls_for(kinds.stations),
    *urls_for(kinds.deputies),
    *urls_for(kinds.activities),
]
