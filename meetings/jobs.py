"""The meetings' background job: building a meeting's pack of materials."""

from congress.work.jobs import Kind, register

from .models import PackJob

P = PackJob.Status
PACK = register(
    Kind(
        PackJob,
        {P.QUEUED: P.RUNNING},
        "meetings.tasks.build_pack",
        P.FAILED,
        failure=lambda message: {"error": message, "step": "失败"},
    )
)
