import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from congress.figures.models import OwnFigure
from congress.figures.own import dumps
from congress.figures.services import replace_own_figures


class Command(BaseCommand):
    help = "载入或导出本单位统计数字（report-template.md 的 JSON 写法）；载入时全部替换，有错误则不保存。"

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--load", metavar="FILE.json")
        action.add_argument("--dump", metavar="FILE.json")

    def handle(self, *args, load: str | None, dump: str | None, **options):
        if dump:
            items = [f.definition for f in OwnFigure.objects.order_by("position", "pk")]
            Path(dump).write_text(dumps(items), encoding="utf-8")
            self.stdout.write(f"已导出 {len(items)} 项统计数字到 {dump}")
            return
        try:
            items = json.loads(Path(load).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"无法读取 {load}：{exc}") from exc
        except json.JSONDecodeError as exc:
            raise CommandError(f"{load} 不是有效的 JSON：第{exc.lineno}行 {exc.msg}") from exc
        try:
            replace_own_figures(items)
        except ValidationError as exc:
            raise CommandError("统计数字定义有错误，未保存：\n" + "\n".join(exc.messages)) from exc
        self.stdout.write(self.style.SUCCESS(f"已载入 {len(items)} 项统计数字"))
