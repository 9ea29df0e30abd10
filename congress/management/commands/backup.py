import io
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

# Rebuilt by migrate, or worthless in a copy (sessions, login-failure counters).
EXCLUDE = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]


class Command(BaseCommand):
    help = "备份全部记录和上传的文件到一个 .tar.gz 文件（可用 restore 恢复到空数据库）。"

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path: str, **options):
        data = io.StringIO()
        call_command(
            "dumpdata",
            "--natural-foreign",
            "--natural-primary",
            "--indent",
            "0",
            *[f"--exclude={label}" for label in EXCLUDE],
            stdout=data,
        )
        payload = data.getvalue().encode()
        media = Path(settings.MEDIA_ROOT)
        with tarfile.open(path, "w:gz") as tar:
            info = tarfile.TarInfo("data.json")
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
            if media.is_dir():
                tar.add(media, arcname="media")
        self.stdout.write(self.style.SUCCESS(f"已备份到 {path}（数据 {len(payload) // 1024} KB）"))
