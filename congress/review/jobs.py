"""The review's background job: printing a year's review as PDF and Word."""

from congress.review.models import ReportJob
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
