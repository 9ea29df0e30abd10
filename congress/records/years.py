"""The years the application understands: 1949 to 2100. A year outside is a typing mistake or
a probe, and is refused the same way everywhere (a parameter, a page, a command, a form)."""

from __future__ import annotations

import re

from django.http import Http404

FIRST, LAST = 1949, 2100
YEARS = (FIRST, LAST)
MESSAGE = f"年度应为 {FIRST}–{LAST} 之间的整数。"
# ASCII digits only: "²" and "٣" pass str.isdigit() and then fail int() or mean nothing here.
_YEAR = re.compile(r"[0-9]{4}")


def in_range(year: int) -> bool:
    return FIRST <= year <= LAST


def parse_year(raw: object) -> int | None:
    """The year a parameter names, or None when it names none the application knows."""
    text = str(raw).strip()
    if not _YEAR.fullmatch(text):
        return None
    year = int(text)
    return year if in_range(year) else None


def year_or_404(year: int) -> int:
    if not in_range(year):
        raise Http404
    return year
