"""Reading one cell by the ledger format's rules. Each parser returns a value or raises
``CellError`` with the reason in Chinese."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

LIST_SEPARATORS = re.compile(r"[、，,；;\n]+")
_DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)


_DIGITS = re.compile(r"[0-9]+")


class CellError(ValueError):
    """A cell that does not follow the format."""


def text(value) -> str:
    """A cell as text: surrounding whitespace stripped; numbers without a trailing .0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return str(value).strip()


def date(value) -> datetime.date | None:
    day = _date(value)
    if day is not None and not 1900 <= day.year <= 2100:
        raise CellError("日期应在1900年至2100年之间")
    return day


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value)
    if not raw:
        return None
    for form in _DATE_FORMS:
        m = form.match(raw)
        if m:
            try:
                return datetime.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError as exc:
                raise CellError("日期不存在") from exc
    raise CellError("日期格式应为 2025-03-18、2025/3/18 或 2025年3月18日")


def whole(value) -> int | None:
    if isinstance(value, bool):
        raise CellError("应为整数")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise CellError("应为整数")
        number = int(value)
    else:
        raw = text(value)
        if not raw:
            return None
        # ASCII digits only: "²" passes str.isdigit() and then fails int().
        if raw.startswith("-") and _DIGITS.fullmatch(raw[1:]):
            raise CellError("不能为负数")
        if not _DIGITS.fullmatch(raw):
            raise CellError("应为整数")
        number = int(raw)
    if number < 0:
        raise CellError("不能为负数")
    if number > 2_000_000_000:
        raise CellError("数值过大")
    return number


def percent(value) -> int | None:
    if isinstance(value, float) and not value.is_integer():
        # A percentage cell stores 0.85 for 85%.
        value = value * 100 if value <= 1 else value
    raw = text(value).removesuffix("%").strip()
    if not raw:
        return None
    try:
        number = Decimal(raw)
    except InvalidOperation as exc:
        raise CellError("应为 0–100 的百分比") from exc
    if not 0 <= number <= 100:
        raise CellError("百分比应在 0–100 之间")
    return int(number.to_integral_value())


def yes_no(value) -> bool:
    raw = text(value)
    if raw in ("", "否"):
        return False
    if raw == "是":
        return True
    raise CellError("应为“是”或“否”")


def items(value) -> list[str]:
    """A list inside one cell, separated by 、，,；"""
    return [part.strip() for part in LIST_SEPARATORS.split(text(value)) if part.strip()]


def choice(value, allowed) -> str:
    raw = text(value)
    if not raw:
        return ""
    if raw not in allowed:
        raise CellError("应为以下之一：" + "、".join(allowed))
    return raw
