from django.urls import path

from congress.records.views import urls_for

from . import kinds, views

urlpatterns = [
    path("deputies/roster/", views.roster, name="deputies_roster"),
    path("deputies/accounts/", views.deputy_accounts, name="deputy_accounts"),
    path("deputies/lookup/", views.lookup, name="deputies_lookup"),
    *urls_for(kinds.stations),
    *urls_for(kinds.deputies),
    *urls_for(kinds.activities),
]
