"""Form widgets shared by every app."""

from django import forms


class TypedDateInput(forms.DateInput):
    """A date typed as people type it (2026-11-25, 2026/11/25, 2026.11.25, 20261125,
    2026年11月25日; congress/formats), with a picker beside it (static/js/dates.js).

    A native type=date field garbles typed digits ("20261125" becomes "61125-02-02"), so the
    field stays text and the browser's calendar sits behind a button.
    """

    def __init__(self, attrs=None, format=None):
        defaults = {
            "type": "text",
            "inputmode": "numeric",
            "autocomplete": "off",
            "placeholder": "如 2026-11-25",
            "data-date": "",
            "title": "日期，如 2026-11-25、2026/11/25、20261125 或 2026年11月25日",
        }
        super().__init__(attrs={**defaults, **(attrs or {})}, format=format or "%Y-%m-%d")


def sane_date(value) -> None:
    """A date an office can mean: 1900–2100 (9999-11-30 is a typing slip, and would overflow
    every deadline computed from it)."""
    from django.core.exceptions import ValidationError

    if value is not None and not 1900 <= value.year <= 2100:
        raise ValidationError("日期应在1900年至2100年之间。", code="date_range")
