"""交办函 printed in the official layout (GB/T 9704-2012 as official-layout.md gives it):
版头 in red, 文号, the letter, a table of the suggestions, the signature and the 版记."""

from __future__ import annotations

from congress.accounts.models import Profile
from congress.documents.layout import Printed, grid, page_html, print_pdf
from congress.documents.text import cell_text, natural

HEADERS = ["序号", "编号", "标题", "领衔代表", "答复期限"]


def letter_html(letter, profile: Profile) -> str:
    items = sorted(letter.suggestions.select_related("lead"), key=lambda s: natural(s.number))
    rows = [
        [str(i), s.number, s.title, s.lead.name if s.lead else "", cell_text(s.deadline)]
        for i, s in enumerate(items, 1)
    ]
    return page_html(
        "proposals/letter.html",
        {
            "title": f"交办函 {letter.number}",
            "author": profile.office_unit,
            "letter": letter,
            "items": items,
            "grid": grid(HEADERS, rows, allow_landscape=False),
            "profile": profile,
        },
    )


def by_number(letters) -> list:
    """Letters in the order of their 文号 read as numbers: 〔2025〕2号 before 〔2025〕10号."""
    return sorted(letters, key=lambda letter: natural(letter.number))


def print_letters(letters) -> Printed:
    """One PDF holding each letter as a document of its own: its pages numbered from 1, each
    starting on a right-hand page of the batch."""
    profile = Profile.get()
    letters = by_number(letters)
    return print_pdf(
        [letter_html(letter, profile) for letter in letters],
        title="交办函" if len(letters) > 1 else f"交办函 {letters[0].number}",
        author=profile.office_unit,
    )


def render_letters_pdf(letters) -> bytes:
    return print_letters(letters).data
