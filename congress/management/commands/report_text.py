from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from congress.review.models import ReportText


class Command(BaseCommand):
    help = "载入或导出某一年度工作综述的文稿（report-template.md 的写法）；有错误的文稿不保存。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--load", metavar="FILE.md")
        action.add_argument("--dump", metavar="FILE.md")

    def handle(self, *args, year: int, load: str | None, dump: str | None, **options):
        if not 1949 <= year <= 2100:
            raise CommandError("年度应在 1949–2100 之间")
        if dump:
            Path(dump).write_text(ReportText.for_year(year).text, encoding="utf-8")
            self.stdout.write(f"已导出 {year} 年度文稿到 {dump}")
            return
        try:
            text = Path(load).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"无法读取 {load}：{exc}") from exc
        with transaction.atomic():
            current = ReportText.for_year(year)
            current.text = text
            try:
                current.full_clean(exclude=["title"] if current.title else None)
            except ValidationError as exc:
                raise CommandError("文稿有错误，未保存：\n" + "\n".join(exc.messages)) from exc
            current.save()
        self.stdout.write(self.style.SUCCESS(f"已载入 {year} 年度文稿"))
