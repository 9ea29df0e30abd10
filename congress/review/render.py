"""The PDF: HTML from a template, laid out by WeasyPrint with a fetcher that reads nothing
outside the project's own static files."""

from __future__ import annotations

import io
import logging

from django.template.loader import render_to_string

from congress.documents.pdf import (
    FetchRefused,
    allowed_file,
    base_url,
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
    return render_to_string("congress/report/annual.html", context)


class _MissingGlyphs(logging.Handler):
    """Collects the characters WeasyPrint found no font for (each would print as a box)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if ".notdef glyph" in message:
            self.found.append(message.split(":", 1)[-1].strip())


def render_pdf(context: dict) -> tuple[bytes, int]:
    """The PDF bytes and its page count. Characters no installed font can draw are listed in
    ``context["missing_glyphs"]``."""
    from weasyprint import HTML

    html = render_html(context)
    base = base_url()
    missing = _MissingGlyphs()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(missing)
    out = io.BytesIO()
    try:
        document = HTML(string=html, base_url=base, url_fetcher=restricted_fetcher()).render()
        review = context["review"]
        document.metadata.title = review.title
        document.metadata.authors = [review.office]
        # Glyphs are drawn (and missing ones noticed) while writing; fonts are subset.
        document.write_pdf(out)
    finally:
        logger.removeHandler(missing)
    context["missing_glyphs"] = missing.found
    return out.getvalue(), len(document.pages)
