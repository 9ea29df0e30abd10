import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from demo.sample import generate


class Command(BaseCommand):
    help = "生成样本数据：截至今年的 N 年、K 倍于一个区县的年工作量（用于性能测试）。"

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--scale", type=int, default=1)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, years: int, scale: int, seed: int, **options):
        started = time.monotonic()
        counts = generate(years, scale, seed, timezone.localdate().year)
        for label, n in counts.items():
            self.stdout.write(f"{label}：{n}")
        self.stdout.write(self.style.SUCCESS(f"完成，用时 {time.monotonic() - started:.1f} 秒"))
