import datetime

from .models import Filing


def filing(n: int) -> Filing:
    return Filing.objects.create(
        title=f"关于第{n}项工作的规定",
        organ="区人民政府",
        received=datetime.date(2025, 5, 1 + n % 28),
    )
