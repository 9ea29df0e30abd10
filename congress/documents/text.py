"""Chinese number words and rate formatting, as the office writes them."""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 18 → 十八, 25 → 二十五, 105 → 一百零五 (届 and 次 in meeting names)."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + _DIGITS[rest]
        if rest < 20:
            return head + "一" + cn_number(rest)
        return head + cn_number(rest)
    return str(n)


def format_rate(numerator: int, denominator: int) -> str:
    """Percent rounded half up to one decimal, trailing .0 dropped; — when nothing to divide."""
    if not denominator:
        return "—"
    value = (Decimal(numerator) * 100 / Decimal(denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    text = f"{value:f}"
    if text.endswith(".0"):
        text = text[:-2]
    return f"{text}%"


_NUM = re.compile(r"(\d+)")


def natural(value: str) -> list:
    """A sort key that reads numbers as numbers: 第2号 before 第10号."""
    return [int(t) if t.isdigit() else t for t in _NUM.split(value)]


def cn_date(day: datetime.date) -> str:
    """2025年3月8日, as documents write a date."""
    return f"{day.year}年{day.month}月{day.day}日"


def cell_text(value) -> str:
    """A value as a printed table cell shows it (dates in Chinese, yes/no as 是/否)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime.date):
        return cn_date(value)
    return str(value)
