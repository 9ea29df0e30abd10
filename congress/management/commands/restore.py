import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "从 backup 生成的 .tar.gz 恢复全部记录和文件。只能恢复到没有记录的数据库（先 migrate）。"

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--force", action="store_true", help="数据库中已有记录时仍然恢复")

    def handle(self, *args, path: str, force: bool = False, **options):
        if not Path(path).is_file():
            raise CommandError(f"找不到备份文件：{path}")
        if _has_records() and not force:
            raise CommandError("数据库中已有记录：请恢复到新建的空数据库，或加 --force。")
        with tempfile.TemporaryDirectory() as tmp, tarfile.open(path, "r:gz") as tar:
            _safe_extract(tar, tmp)
            data = Path(tmp) / "data.json"
            if not data.is_file():
                raise CommandError("这不是本系统的备份文件（缺少 data.json）。")
            with transaction.atomic():
                call_command("loaddata", str(data), verbosity=0)
            media = Path(tmp) / "media"
            if media.is_dir():
                shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
        from congress.figures.cache import records_changed

        records_changed()
        self.stdout.write(self.style.SUCCESS("恢复完成。"))


def _has_records() -> bool:
    """Whether any app already holds a record (restoring over them would mix two offices)."""
    from django.apps import apps

    from congress.accounts.roles import RECORD_APPS

    return any(
        model._default_manager.exists()
        for label in RECORD_APPS
        for model in apps.get_app_config(label).get_models()
    )


def _safe_extract(tar: tarfile.TarFile, target: str) -> None:
    """Extract only plain files and folders inside target (Debian 12's Python 3.11.2 predates
    tarfile's extraction filters)."""
    root = Path(target).resolve()
    for member in tar.getmembers():
        dest = (root / member.name).resolve()
        if not dest.is_relative_to(root) or not (member.isfile() or member.isdir()):
            raise CommandError(f"备份文件中有不安全的条目：{member.name}")
    tar.extractall(target)  # noqa: S202 - every member was checked above
