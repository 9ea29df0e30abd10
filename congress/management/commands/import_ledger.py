from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congress.ledger.importer import import_workbook


class Command(BaseCommand):
    help = "导入台账工作簿（.xlsx）。任何一行有误则全部不写入，并列出每个错误。"

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入")
        parser.add_argument("--user", help="以该登录名记录这次导入所作的修改（默认：系统）")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="导出后系统中已修改、工作簿又不同的行：采用工作簿中的内容（默认不导入并列出）",
        )

    def handle(self, *args, path: str, dry_run: bool = False, **options):
        from django.contrib.auth import get_user_model

        file = Path(path)
        if not file.is_file():
            raise CommandError(f"找不到文件：{path}")
        user = None
        if options.get("user"):
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"找不到用户：{options['user']}")

        def progress(done: int, total: int) -> None:
            self.stderr.write(f"\r已处理 {done}/{total} 行", ending="")

        result = import_workbook(
            file.read_bytes(),
            dry_run=dry_run,
            progress=progress,
            user=user,
            overwrite=options.get("overwrite", False),
        )
        self.stderr.write("")
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(f"提示：{warning}"))
        if not result.ok:
            for problem in result.errors:
                self.stderr.write(self.style.ERROR(str(problem)))
            for conflict in result.conflicts:
                self.stderr.write(self.style.ERROR(f"冲突：{conflict}"))
            if result.conflicts and not result.errors:
                self.stderr.write(
                    self.style.ERROR(
                        f"共 {len(result.conflicts)} 处冲突，未写入任何记录。"
                        "核对后可用 --overwrite 采用工作簿中的内容。"
                    )
                )
            else:
                self.stderr.write(
                    self.style.ERROR(f"共 {len(result.errors)} 个错误，未写入任何记录。")
                )
            raise SystemExit(1)
        verb = "将新增" if dry_run else "新增"
        for sheet, created in result.created.items():
            self.stdout.write(f"{sheet}：{verb} {created} 条，更新 {result.updated[sheet]} 条")
        self.stdout.write(
            self.style.SUCCESS("检查通过，未写入（--dry-run）。" if dry_run else "导入完成。")
        )
