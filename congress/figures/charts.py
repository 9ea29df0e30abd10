"""Charts as server-side SVG: the dashboard and the PDF draw them with the same code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from congress.registry import Registry

FONT = "Noto Sans CJK SC, Noto Sans SC, sans-serif"
ACCENT = "#b3261e"
MUTED = "#6a737d"


@dataclass(frozen=True)
class Chart:
    """图: a chart of the year, drawn for the dashboard and, by its name, for the review's
    ``{{图:name}}``. Apps declare theirs in ``<app>/figures.py`` beside their figures."""

    name: str  # as a review's text asks for it: 常委会会议按月
    caption: str  # as the dashboard and the printed review title it
    draw: Callable[[int], SafeString]  # (year) -> the SVG
    order: int = 100


CHARTS: Registry[Chart] = Registry("chart", "figures", key=lambda c: c.name)


def register(*charts: Chart) -> None:
    CHARTS.register(*charts)


def all_charts() -> list[Chart]:
    return sorted(CHARTS.values(), key=lambda c: (c.order, c.name))


def drawn(year: int) -> dict[str, SafeString]:
    """Every chart of the year by its name; each kept until a record it reads changes."""
    from congress.figures.cache import cached_by_tables

    charts = {c.name: c for c in all_charts()}
    return cached_by_tables(list(charts), year, lambda name: charts[name].draw(year))


@dataclass
class Bar:
    label: str
    value: float
    link: str = ""
    note: str = ""  # shown after the value, e.g. "%"


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 5:
            return step * -(-value // step)
    return value


def _wrap(svg: str, width: int, height: int, title: str) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="group" aria-label="{escape(title)}" '
        f'font-family="{FONT}" font-size="12">'
        f"<title>{escape(title)}</title>{svg}</svg>"
    )


def _link(inner: str, href: str) -> str:
    return f'<a href="{escape(href)}">{inner}</a>' if href else inner


def column_chart(bars: list[Bar], title: str, width: int = 520, height: int = 220) -> SafeString:
    """Vertical bars, e.g. meetings by month."""
    top, bottom, left, right = 16, 28, 30, 8
    plot_h = height - top - bottom
    plot_w = width - left - right
    peak = _nice_max(max((b.value for b in bars), default=0))
    n = max(len(bars), 1)
    slot = plot_w / n
    bar_w = slot * 0.62
    parts = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        f'stroke="#ccc"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" fill="{MUTED}">{peak:g}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" fill="{MUTED}">0</text>',
    ]
    for i, b in enumerate(bars):
        h = 0 if peak == 0 else plot_h * b.value / peak
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h - h
        rect = (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
            f'fill="{ACCENT}"><title>{escape(b.label)}：{b.value:g}</title></rect>'
        )
        value = (
            (
                f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle">'
                f"{b.value:g}</text>"
            )
            if b.value
            else ""
        )
        label = (
            f'<text x="{x + bar_w / 2:.1f}" y="{height - 10}" text-anchor="middle" '
            f'fill="{MUTED}">{escape(b.label)}</text>'
        )
        parts.append(_link(rect + value, b.link) + label)
    return _wrap("".join(parts), width, height, title)


def bar_chart(
    bars: list[Bar],
    title: str,
    width: int = 520,
    max_value: float | None = None,
    label_width: int = 150,
) -> SafeString:
    """Horizontal bars with labels, e.g. suggestions by state or projects' progress."""
    row = 22
    top = 6
    height = top * 2 + row * max(len(bars), 1)
    plot_w = width - label_width - 60
    peak = max_value or _nice_max(max((b.value for b in bars), default=0))
    parts = []
    for i, b in enumerate(bars):
        y = top + i * row
        w = 0 if peak == 0 else plot_w * min(b.value, peak) / peak
        label = (
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{escape(b.label)}</text>'
        )
        rect = (
            f'<rect x="{label_width}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" '
            f'fill="{ACCENT}"><title>{escape(b.label)}：{b.value:g}{escape(b.note)}</title>'
            f"</rect>"
        )
        value = (
            f'<text x="{label_width + w + 4:.1f}" y="{y + 15}" fill="{MUTED}">'
            f"{b.value:g}{escape(b.note)}</text>"
        )
        parts.append(_link(label + rect + value, b.link))
    return _wrap("".join(parts), width, height, title)
