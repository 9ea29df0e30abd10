"""Charts as pictures for the Word copy: the product's own SVG charts (rectangles, lines and
text, congress/figures/charts.py) drawn with Pillow, so Word shows the chart the PDF shows."""

from __future__ import annotations

import functools
import io
import subprocess
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


@functools.cache
def _font_file(family: str = "Noto Sans CJK SC") -> str | None:
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}", family], capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out or None


def _colour(value: str | None, default: str) -> str:
    return value if value and value.startswith("#") else default


def svg_to_png(svg: str, scale: float = 3.0) -> bytes:
    """A PNG of one of the product's charts, ``scale`` pixels to the SVG's unit."""
    from PIL import Image, ImageDraw, ImageFont

    root = ET.fromstring(str(svg))
    width, height = float(root.get("width")), float(root.get("height"))
    size = float(root.get("font-size", 12))
    image = Image.new("RGB", (round(width * scale), round(height * scale)), "white")
    draw = ImageDraw.Draw(image)
    path = _font_file()
    font = ImageFont.truetype(path, round(size * scale)) if path else ImageFont.load_default()

    def s(v: str | None) -> float:
        return float(v or 0) * scale

    for el in root.iter():
        tag = el.tag.removeprefix(SVG)
        if tag == "rect" and s(el.get("width")) > 0 and s(el.get("height")) > 0:
            x, y = s(el.get("x")), s(el.get("y"))
            draw.rectangle(
                [x, y, x + s(el.get("width")), y + s(el.get("height"))],
                fill=_colour(el.get("fill"), "#000000"),
            )
        elif tag == "line":
            draw.line(
                [s(el.get("x1")), s(el.get("y1")), s(el.get("x2")), s(el.get("y2"))],
                fill=_colour(el.get("stroke"), "#cccccc"),
                width=max(1, round(scale)),
            )
        elif tag == "text" and (el.text or "").strip():
            anchor = {"end": "rs", "middle": "ms"}.get(el.get("text-anchor", ""), "ls")
            draw.text(
                (s(el.get("x")), s(el.get("y"))),
                el.text,
                fill=_colour(el.get("fill"), "#000000"),
                font=font,
                anchor=anchor,
            )
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(round(96 * scale), round(96 * scale)))
    return out.getvalue()


def is_empty(svg: str) -> bool:
    """A chart with no bar, or whose every bar is zero: nothing to show."""
    root = ET.fromstring(str(svg))
    return all(
        float(el.get("width") or 0) == 0 or float(el.get("height") or 0) == 0
        for el in root.iter(f"{SVG}rect")
    )
