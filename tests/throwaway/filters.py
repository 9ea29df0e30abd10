from congress.records.filters import RecordFilter

from .models import Filing


class FilingFilter(RecordFilter):
    date_field = "received"
    search_fields = ("title", "organ")

    class Meta:
        model = Filing
        fields = ["state"]
