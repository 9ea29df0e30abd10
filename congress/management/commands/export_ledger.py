from pathlib import Path

from django.core.management.base import BaseCommand

from congress.ledger.export import workbook_bytes


class Command(BaseCommand):
    help = "导出某一年度的台账工作簿（.xlsx），格式与导入相同。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("path")

    def handle(self, *args, year: int, path: str, **options):
        data, counts = workbook_bytes(year)
        Path(path).write_bytes(data)
        for sheet, n in counts.items():
            self.stdout.write(f"{sheet}：{n} 条")
        self.stdout.write(self.style.SUCCESS(f"已导出 {path}"))
