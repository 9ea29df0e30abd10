"""Printing with WeasyPrint: HTML laid out as PDF, with a fetcher that reads nothing outside
the project's own static files (the review, the 交办函, the rosters)."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings


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


def base_url() -> str:
    return static_roots()[0].as_uri() + "/"


def html_to_pdf(html: str) -> bytes:
    """A printed document's PDF bytes."""
    from weasyprint import HTML

    out = io.BytesIO()
    HTML(string=html, base_url=base_url(), url_fetcher=restricted_fetcher()).write_pdf(out)
    return out.getvalue()
