from django.core.management.base import BaseCommand
from django.db import transaction

from demo.installation import create_demo_users, ensure_profile


class Command(BaseCommand):
    help = "载入演示数据：安州区 2025 年度（与年度工作综述的数字一致）和各角色的演示账号。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="数据库中已有会议记录时不再载入"
        )
        parser.add_argument(
            "--year-only",
            action="store_true",
            help="只载入2025年度，不生成截至今日的本年度记录（更快）",
        )

    def handle(self, *args, if_empty: bool = False, year_only: bool = False, **options):
        from demo import year

        with transaction.atomic():
            ensure_profile()
            create_demo_users()
            if if_empty and year.already_loaded():
                self.stdout.write("演示数据已存在，跳过。")
                return
            counts = year.load(running=not year_only)
        for label, n in counts.items():
            self.stdout.write(f"{label}：{n}")
        self.stdout.write(self.style.SUCCESS("演示数据已载入。"))
