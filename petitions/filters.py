import django_filters

from congress.records.filters import RecordFilter

from .models import Petition


class PetitionFilter(RecordFilter):
    search_fields = ("number", "summary", "petitioner", "category")
    # 来信 counts letters and online petitions together (ledger-format.md).
    letters = django_filters.BooleanFilter(label="来信（含网上信访）", method="filter_letters")

    class Meta:
        model = Petition
        fields = ["channel", "state", "unit"]

    def filter_letters(self, queryset, name, value):
        letters = [Petition.Channel.LETTER, Petition.Channel.ONLINE]
        if value is None:
            return queryset
        return (
            queryset.filter(channel__in=letters) if value else queryset.exclude(channel__in=letters)
        )
