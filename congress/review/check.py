"""Checking the office's text against every name it may use: the figures (built-in and the
office's own) and the charts."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from congress.figures.figureset import chart_names, figure_names
from congress.review.markup import Block, Names, TextError, parse


def names(own=None) -> Names:
    return Names(figures=figure_names(own), charts=chart_names())


def check_text(text: str) -> list[Block]:
    """The text's blocks, or a ValidationError listing every error at its line."""
    try:
        return parse(text, names())
    except TextError as exc:
        raise ValidationError([f"第{n}行：{m}" for n, m in exc.errors]) from exc
