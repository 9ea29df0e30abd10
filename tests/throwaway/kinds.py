from congress.records.kinds import Column, RecordKind

from . import examples
from .filters import FilingFilter
from .forms import FilingForm
from .models import Filing

filings = RecordKind(
    key="filings",
    example=examples.filing,
    model=Filing,
    form=FilingForm,
    filterset=FilingFilter,
    queryset=lambda: Filing.objects.all(),
    default_order="-received",
    columns=[
        Column("文件名称", "title", "title", link=True),
        Column("制定机关", "organ"),
        Column("报备日期", "received", "received"),
        Column("状态", "state", "state"),
    ],
)
