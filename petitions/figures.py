"""信访 figures of the year: 受理来信 N 件 · 接待来访 N 人次."""

from congress.figures.builtin import Figure, register, total

from .kinds import petitions
from .models import Petition

register(
    Figure(
        "letters",
        "受理来信",
        "件",
        "当年的来信和网上信访",
        kind=petitions,
        params=lambda y: {"year": y, "letters": True},
        section="deputies",
        name="来信",
    ),
    Figure(
        "visits_received",
        "接待来访",
        "人次",
        "当年来访的人次之和（集体来访按人数计）",
        kind=petitions,
        params=lambda y: {"year": y, "channel": Petition.Channel.VISIT},
        measure=total("people"),
        section="deputies",
        name="来访",
    ),
)
