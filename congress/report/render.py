"""The PDF: HTML from a template, laid out by WeasyPrint with a fetcher that reads nothing
outside the project's own static files."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.template.loader import render_to_string


class FetchRefused(ValueError):
    """The report asked for something outside the project's static files."""


def static_roots() -> list[Path]:
    return [Path(p).resolve() for p in settings.STATICFILES_DIRS]


def allowed_file(url: str) -> Path:
    """The static file a file:// URL names, or FetchRefused for anything else."""
    parsed = urlparse(url)
    if parsed.scheme == "file":
        path = Path(unquote(parsed.path)).resolve()
        for root in static_roots():
            if path.is_relative_to(root) and path.is_file():
                return path
    raise FetchRefused(f"报告生成时拒绝读取外部资源：{url}")


def restricted_fetcher():
    """A WeasyPrint fetcher for data: URLs and the project's static files only."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class RestrictedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = allowed_file(url)
            return URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": _mime(path)}
            )

    return RestrictedFetcher(allowed_protocols=("file", "data"))


def _mime(path: Path) -> str:
    return {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}.get(
        path.suffix, "application/octet-stream"
    )


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
    base = static_roots()[0].as_uri() + "/"
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
