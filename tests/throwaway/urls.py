from congress.records.views import urls_for

from . import kinds

urlpatterns = [*urls_for(kinds.filings)]
