from congress.crud import urls_for

from . import views

urlpatterns = [*urls_for(views.petitions)]
