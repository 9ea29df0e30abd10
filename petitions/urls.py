from django.urls import path

from congress.records.views import urls_for

from . import kinds, views

urlpatterns = [
    path("portal/petitions/", views.unit_petitions, name="unit_petitions"),
    path("portal/petitions/<int:pk>/", views.unit_petition, name="unit_petition"),
    *urls_for(kinds.petitions),
]
