from congress.figures.builtin import Figure, register
from congress.figures.panels import Panel
from congress.figures.panels import register as register_panels

from .kinds import filings
from .models import Filing

register(
    Figure(
        "filings",
        "备案审查文件",
        "件",
        "当年报备的规范性文件",
        kind=filings,
        section="law",
        name="备案文件",
        tile=900,
    )
)


def _unreviewed(year, today) -> dict:
    items = Filing.objects.filter(state=Filing.State.FILED).order_by("received")
    return {"items": items[:10], "count": items.count()}


register_panels(Panel("filings-unreviewed", "throwaway/_attention.html", _unreviewed, order=90))
