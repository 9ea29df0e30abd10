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
        payload = snapshot().encode()
        media = Path(settings.MEDIA_ROOT)
        with tarfile.open(path, "w:gz") as tar:
            info = tarfile.TarInfo("data.json")
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
            if media.is_dir():
                tar.add(media, arcname="media")
        count = verify(Path(path), payload)
        self.stdout.write(
            self.style.SUCCESS(
                f"已备份到 {path}（{count} 条记录，数据 {len(payload) // 1024} KB，已校验可读）"
            )
        )


def snapshot() -> str:
    """Every record as of one moment, whatever staff save meanwhile: the whole dump reads in one
    REPEATABLE READ transaction on PostgreSQL (one read transaction on SQLite), so no row can
    point at a row written after its table was dumped."""
    from django.db import connection, transaction

    data = io.StringIO()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        call_command(
            "dumpdata",
            "--natural-foreign",
            "--natural-primary",
            "--format",
            "fulljson",  # times to the microsecond (congress/work/serialization.py)
            "--indent",
            "0",
            *[f"--exclude={label}" for label in EXCLUDE],
            stdout=data,
        )
    return data.getvalue()


def verify(path: Path, payload: bytes) -> int:
    """Read the file back: the archive opens, its data is the dump just taken, every record
    deserialises. A backup that cannot be restored is an error now, not on the day it is needed."""
    import json

    from django.core import serializers
    from django.core.management.base import CommandError

    try:
        with tarfile.open(path, "r:gz") as tar:
            stored = tar.extractfile("data.json").read()
    except (tarfile.TarError, OSError, KeyError, AttributeError) as exc:
        raise CommandError(f"备份文件无法读取：{exc}") from exc
    if stored != payload:
        raise CommandError("备份文件中的数据与导出的不一致")
    rows = json.loads(stored)
    for _obj in serializers.deserialize("json", stored, handle_forward_references=True):
        pass
    return len(rows)
