"""Dates as people in an office type them. Django's own zh_Hans list writes 2016年9月5日 with
%n/%j, which strptime reads as whitespace and day-of-year, so that form never parses."""

from django.conf.locale.zh_Hans.formats import *  # noqa: F403

DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2026-11-25 (the picker writes this)
    "%Y/%m/%d",  # 2026/11/25
    "%Y.%m.%d",  # 2026.11.25
    "%Y%m%d",  # 20261125
    "%Y年%m月%d日",  # 2026年11月25日
]
