"""The review's background job: printing a year's review as PDF and Word."""

from congress.review.models import ArchiveJob, ReportJob
from congress.work.jobs import Kind, register

R = ReportJob.Status
REPORT = register(
    Kind(
        ReportJob,
        {R.QUEUED: R.RUNNING},
        "congress.review.tasks.render_annual_report",
        R.FAILED,
        failure=lambda message: {"error": message, "step": "失败"},
    )
)

A = ArchiveJob.Status
ARCHIVE = register(
    Kind(
        ArchiveJob,
        {A.QUEUED: A.RUNNING},
        "congress.review.tasks.build_archive",
        A.FAILED,
        failure=lambda message: {"error": message, "step": "失败"},
    )
)
