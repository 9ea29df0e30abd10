"""manage.py print_year --year 2025 --output DIR: the year's archive (年度归档) as files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "把一年印发的文件（年度工作综述、交办函、名册……）按类别写入目录，附索引"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--output", required=True, help="写入的目录（不存在则新建）")

    def handle(self, *args, year: int, output: str, **options):
        from congress.documents.archive import INDEX, write

        if not 1949 <= year <= 2100:
            raise CommandError(f"年度 {year} 不在 1949–2100 之间")
        folder = Path(output)
        if folder.exists() and any(folder.iterdir()):
            raise CommandError(f"目录 {folder} 不是空的：请换一个目录，免得新旧文件混在一起")
        folder.mkdir(parents=True, exist_ok=True)
        entries = write(year, folder, progress=lambda label: self.stderr.write(f"  {label}…"))
        pages = sum(e.pages or 0 for e in entries)
        self.stdout.write(
            f"{year}年度归档：{len(entries)}个文件（PDF 共 {pages} 页），索引见 {folder / INDEX}"
        )
