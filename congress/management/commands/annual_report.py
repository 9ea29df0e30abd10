from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from congress.review.models import ReportJob
from congress.review.tasks import render_annual_report


class Command(BaseCommand):
    help = "生成年度工作综述：--output 以 .pdf 结尾得到 PDF，以 .docx 结尾得到 Word 文档（同一生成任务）。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--output", required=True, help="保存路径：.pdf 或 .docx")

    def handle(self, *args, year: int, output: str, **options):
        suffix = Path(output).suffix.lower()
        if suffix not in (".pdf", ".docx"):
            raise CommandError("--output 应以 .pdf 或 .docx 结尾")
        if not 1949 <= year <= 2100:
            raise CommandError("年度应在 1949–2100 之间")
        try:
            job = ReportJob.objects.create(year=year)
        except IntegrityError as exc:
            raise CommandError(f"{year}年度报告正在生成中，请稍后再试。") from exc
        # In-process, whatever the broker: the command's caller waits for the file.
        render_annual_report.apply(args=[job.pk])
        job.refresh_from_db()
        if job.status != ReportJob.Status.DONE:
            raise CommandError(job.error or f"生成失败（状态：{job.status}）")
        Path(output).write_bytes((job.docx if suffix == ".docx" else job.pdf).read())
        self.stdout.write(
            self.style.SUCCESS(
                f"已生成 {output}：{job.pages} 页（汇总 {job.gather_ms} 毫秒，排版 {job.render_ms} 毫秒）"
            )
        )
