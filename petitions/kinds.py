"""The petitions app's record kinds: the lists, forms and detail pages the core builds."""

from congress.records.kinds import Column, RecordKind

from . import examples
from .filters import PetitionFilter
from .forms import PetitionForm
from .models import Petition

petitions = RecordKind(
    key="petitions",
    example=examples.petition,
    model=Petition,
    form=PetitionForm,
    filterset=PetitionFilter,
    queryset=lambda: Petition.objects.select_related("unit"),
    default_order="-date",
    # A petitioner's name and grievance must not stay in a shared office browser.
    drafts=False,
    columns=[
        Column("编号", "number", "number", link=True),
        Column("方式", "channel", "channel"),
        Column("日期", "date", "date"),
        Column("人次", "people", "people"),
        Column("内容摘要", "summary"),
        Column("转办单位", "unit"),
        Column("办理状态", "state", "state"),
    ],
)
