"""交办函 printed in the official layout (GB/T 9704-2012 as official-layout.md gives it):
版头 in red, 文号, the letter, a table of the suggestions, the signature and the 版记."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from congress.accounts.models import Profile
from congress.documents.text import natural


def render_letters_pdf(letters) -> bytes:
    """One PDF holding each letter on pages of its own."""
    from congress.documents.pdf import html_to_pdf

    profile = Profile.get()
    prepared = [
        (
            letter,
            list(letter.suggestions.select_related("lead").order_by("date", "pk")),
        )
        for letter in letters
    ]
    for _letter, items in prepared:
        items.sort(key=lambda s: natural(s.number))
    html = render_to_string(
        "proposals/letters.html",
        {"letters": prepared, "profile": profile, "printed": timezone.localdate()},
    )
    return html_to_pdf(html)
