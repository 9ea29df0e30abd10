"""The PDF: HTML from a template, laid out by WeasyPrint with a fetcher that reads nothing
outside the project's own static files."""

from __future__ import annotations

from congress.documents.layout import page_html, print_pdf
from congress.documents.pdf import (
    FetchRefused,
    allowed_file,
    restricted_fetcher,
    static_roots,
)

__all__ = [
    "FetchRefused",
    "allowed_file",
    "render_html",
    "render_pdf",
    "restricted_fetcher",
    "static_roots",
]


def render_html(context: dict) -> str:
    return page_html("congress/report/annual.html", context)


def render_pdf(context: dict) -> tuple[bytes, int]:
    """The PDF bytes and its page count. Characters no installed font can draw are listed in
    ``context["missing_glyphs"]``."""
    review = context["review"]
    printed = print_pdf([render_html(context)], title=review.title, author=review.office)
    context["missing_glyphs"] = printed.missing_glyphs
    return printed.data, printed.page_count
