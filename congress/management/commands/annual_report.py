from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from congress.models import ReportJob
from congress.tasks import render_annual_report


class Command(BaseCommand):
    help = "生成年度工作综述 PDF（与浏览器中的生成任务相同；未配置 worker 时在本进程内运行）。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--output", required=True, help="PDF 文件的保存路径")

    def handle(self, *args, year: int, output: str, **options):
        try:
            job = ReportJob.objects.create(year=year)
        except IntegrityError as exc:
            raise CommandError(f"{year}年度报告正在生成中，请稍后再试。") from exc
        # In-process, whatever the broker: the command's caller waits for the file.
        render_annual_report.apply(args=[job.pk])
        job.refresh_from_db()
        if job.status != ReportJob.Status.DONE:
            raise CommandError(job.error or f"生成失败（状态：{job.status}）")
        Path(output).write_bytes(job.pdf.read())
        self.stdout.write(
            self.style.SUCCESS(
                f"已生成 {output}：{job.pages} 页（汇总 {job.gather_ms} 毫秒，排版 {job.render_ms} 毫秒）"
            )
        )
