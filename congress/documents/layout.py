"""The official layout (official-layout.md, after GB/T 9704-2012) and the one way a document
is printed.

Every printed document (the review, 交办函, 名册, the meetings' notices, packs and minutes) is an
HTML page extending ``documents/base.html``, whose style sheet is written from the numbers
below, and goes through :func:`print_pdf`. That function lays each document out on its own, so
page numbers restart for each one, starts each on a right-hand page when printed two-sided,
stands the 版记 at the foot of the document's last page, and joins them into one PDF.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from congress.documents.pdf import base_url, restricted_fetcher

# WeasyPrint lays out in CSS pixels.
PX_PER_MM = 96 / 25.4
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Sheet:
    """A sheet of paper and its text block (版心), in millimetres."""

    width: float
    height: float
    top: float
    inner: float  # the binding edge: left on a right-hand page
    block_width: float
    block_height: float

    @property
    def outer(self) -> float:
        return self.width - self.inner - self.block_width

    @property
    def bottom(self) -> float:
        return self.height - self.top - self.block_height


# A4 portrait with the 156 × 225 mm block: top 37 mm, binding edge 28 mm.
PORTRAIT = Sheet(210, 297, 37, 28, 156, 225)
# A roster too wide for portrait turns the sheet; the block keeps its margins, turned with it,
# so the binding edge (now the top) keeps its 28 mm.
LANDSCAPE = Sheet(297, 210, 28, 37, 225, 156)

LINES = 22  # lines a page
CHARS = 28  # characters a line
BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
FOLIO_PT = 14  # 四号: page numbers and the 版记
TABLE_PT = 12  # 小四: tables, rosters
FOLIO_GAP_MM = 7  # page number below the text block
RULE_OUTER_MM = 0.35  # 版记's first and last rules
RULE_INNER_MM = 0.25  # the rules inside the 版记

LINE_PT = PORTRAIT.block_height * PT_PER_MM / LINES
CHAR_PT = PORTRAIT.block_width * PT_PER_MM / CHARS
# Characters are 16 pt wide; 28 of them fill 156 mm only a little narrower than that.
LETTER_SPACING_PT = CHAR_PT - BODY_PT
# Rounding must never push the 28th character of a line onto the next one.
EPSILON_PT = 0.02


def css_context() -> dict[str, str]:
    """The numbers the style sheet is written from, formatted for CSS."""

    def mm(v: float) -> str:
        return f"{v:.3f}mm"

    def pt(v: float) -> str:
        return f"{v:.3f}pt"

    p, land = PORTRAIT, LANDSCAPE
    return {
        "page_margin_right": f"{mm(p.top)} {mm(p.outer)} {mm(p.bottom)} {mm(p.inner)}",
        "page_margin_left": f"{mm(p.top)} {mm(p.inner)} {mm(p.bottom)} {mm(p.outer)}",
        "land_margin": f"{mm(land.top)} {mm(land.outer)} {mm(land.bottom)} {mm(land.inner)}",
        "body_pt": pt(BODY_PT),
        "title_pt": pt(TITLE_PT),
        "folio_pt": pt(FOLIO_PT),
        "table_pt": pt(TABLE_PT),
        "line": pt(LINE_PT),
        "letter_spacing": pt(LETTER_SPACING_PT - EPSILON_PT / CHARS),
        "indent": pt(2 * CHAR_PT - EPSILON_PT),
        "char": pt(CHAR_PT),
        # The numerals' top stands about 1 mm below the top of their line box.
        "folio_pad": mm(FOLIO_GAP_MM - 1),
        # A number in the top margin (the pack's, over materials that keep their own at the
        # foot): its numerals' baseline 7 mm above the block.
        "folio_pad_top": mm(FOLIO_GAP_MM - 0.33),
        "rule_outer": mm(RULE_OUTER_MM),
        "rule_inner": mm(RULE_INNER_MM),
        "block_width": mm(p.block_width),
        "land_block_width": mm(land.block_width),
    }


def page_html(template: str, context: dict) -> str:
    """A printed document's HTML: its template with the layout's numbers."""
    return render_to_string(template, {**context, "layout": css_context()})


# -- Tables that fit the text block -------------------------------------------------------------


def _width(text: str) -> float:
    """A text's width in characters of the table's size: CJK one, Latin and digits about half."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text)


# A cell this wide or narrower (a date, a number, a name) never wraps.
NOWRAP_CHARS = 11
CELL_PADDING_CHARS = 0.8  # 4 pt each side and the rules, in characters of 12 pt


@dataclass
class Grid:
    """A table laid out for the text block: its column widths (percent of the block), which
    columns never wrap, and whether the sheet turns."""

    widths: list[float]
    nowrap: list[bool]
    landscape: bool
    font_pt: float = TABLE_PT
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return [f"{w:.3f}" for w in self.widths]

    @property
    def body(self) -> list[list[tuple[str, str]]]:
        """Each cell with its class: nowrap for short columns, num for numbers."""
        numeric = [
            bool(self.rows) and all(r[i].replace(".", "").isdigit() or not r[i] for r in self.rows)
            for i in range(len(self.widths))
        ]
        classes = [
            " ".join(c for c, on in (("nowrap", self.nowrap[i]), ("num", numeric[i])) if on)
            for i in range(len(self.widths))
        ]
        return [[(cell, classes[i]) for i, cell in enumerate(row)] for row in self.rows]


def grid(headers: list[str], rows: list[list[str]], *, allow_landscape: bool = True) -> Grid:
    """Column widths from the content: short columns as wide as their longest cell, the rest
    share what is left in proportion to their text. Of portrait and (for a roster) the turned
    sheet, at 小四 or 五号, the one that needs the fewest pages wins; ties go to the larger type
    and to portrait."""
    candidates = [(PORTRAIT, TABLE_PT)]
    if allow_landscape:
        candidates += [(LANDSCAPE, TABLE_PT), (LANDSCAPE, 10.5)]
    candidates.append((PORTRAIT, 10.5))
    best = None
    for rank, (sheet, font_pt) in enumerate(candidates):
        laid = _fit(headers, rows, sheet, font_pt)
        key = (not any(laid.nowrap), _pages(laid, rows, sheet), rank)
        if best is None or key < best[0]:
            best = (key, laid)
    return best[1]


def _fit(headers: list[str], rows: list[list[str]], sheet: Sheet, font_pt: float) -> Grid:
    n = len(headers)
    # A long header may wrap onto two lines; one of up to four characters keeps to one.
    heads = [_width(h) if _width(h) <= 4 else -(-_width(h) // 2) for h in headers]
    longest = [max(heads[i], 2, *(_width(r[i]) for r in rows)) for i in range(n)]
    nowrap = [longest[i] <= NOWRAP_CHARS for i in range(n)]
    chars = sheet.block_width * PT_PER_MM / font_pt

    def room() -> tuple[dict, list, float, dict]:
        fixed = {i: longest[i] + CELL_PADDING_CHARS for i in range(n) if nowrap[i]}
        flexible = [i for i in range(n) if not nowrap[i]]
        floor = {i: min(longest[i], 4) + CELL_PADDING_CHARS for i in flexible}
        return fixed, flexible, chars - sum(fixed.values()), floor

    fixed, flexible, left, floor = room()
    # Too many short columns: the widest of them (dates before names and numbers) wrap too.
    while left < sum(floor.values()) and any(nowrap):
        widest = max((i for i in range(n) if nowrap[i]), key=lambda i: longest[i])
        nowrap[widest] = False
        fixed, flexible, left, floor = room()
    if left < sum(floor.values()):
        # Even the short columns do not fit: every column wraps, in proportion to its text.
        total = sum(longest) or 1
        widths = [100 * longest[i] / total for i in range(n)]
        return Grid(widths, [False] * n, sheet is LANDSCAPE, font_pt, headers, rows)
    wanted = {i: longest[i] + CELL_PADDING_CHARS for i in flexible}
    if sum(wanted.values()) <= left:
        spare = left - sum(wanted.values())
        share = {i: wanted[i] + spare * wanted[i] / sum(wanted.values()) for i in flexible}
    else:
        rest = left - sum(floor.values())
        over = {i: wanted[i] - floor[i] for i in flexible}
        total_over = sum(over.values()) or 1
        share = {i: floor[i] + rest * over[i] / total_over for i in flexible}
    if not flexible and fixed:
        # Only short columns: they share the spare room too.
        spare = left
        fixed = {i: w + spare * w / sum(fixed.values()) for i, w in fixed.items()}
    widths = [0.0] * n
    for i, w in {**fixed, **share}.items():
        widths[i] = 100 * w / chars
    return Grid(widths, nowrap, sheet is LANDSCAPE, font_pt, headers, rows)


ROW_LINE = 1.4  # a table's line height, in its type size
ROW_PADDING_PT = 4.5


def _pages(laid: Grid, rows: list[list[str]], sheet: Sheet) -> int:
    """About how many pages the table takes (the title and header on the first included)."""
    chars = sheet.block_width * PT_PER_MM / laid.font_pt
    room = [max(1.0, w * chars / 100 - CELL_PADDING_CHARS) for w in laid.widths]
    line_pt = laid.font_pt * ROW_LINE
    height = 0.0
    for row in [laid.headers, *rows]:
        lines = max(
            (1 if laid.nowrap[i] and row is not laid.headers else -(-_width(cell) // room[i]) or 1)
            for i, cell in enumerate(row)
        )
        height += lines * line_pt + ROW_PADDING_PT
    block = sheet.block_height * PT_PER_MM - 3 * LINE_PT  # the title and the note
    return int(-(-height // block))


# -- Printing ------------------------------------------------------------------------------------


class _MissingGlyphs(logging.Handler):
    """Collects the characters WeasyPrint found no font for (each would print as a box)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if ".notdef glyph" in message:
            self.found.append(message.split(":", 1)[-1].strip())


@dataclass
class Printed:
    """A PDF and what the checks need to know of it."""

    data: bytes
    pages: list[int]  # pages of each document, blank backs included
    missing_glyphs: list[str] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return sum(self.pages)


def _html(html: str, extra_css: str = ""):
    from weasyprint import CSS, HTML

    document = HTML(string=html, base_url=base_url(), url_fetcher=restricted_fetcher())
    return document.render(stylesheets=[CSS(string=extra_css)] if extra_css else None)


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()) or ():
        yield from _boxes(child)


def _has_class(box, name: str) -> bool:
    element = getattr(box, "element", None)
    return element is not None and name in (element.get("class") or "").split()


def foot_gap_px(page) -> float | None:
    """How far the 版记 (class ``colophon``) on this page stands above the text block's foot,
    or None when the page holds none."""
    for box in _boxes(page._page_box):
        if _has_class(box, "colophon") and box.element_tag == "footer":
            block_bottom = page.height - page._page_box.margin_bottom
            bottom = box.position_y + box.margin_height()
            return block_bottom - bottom
    return None


def _render_one(html: str):
    """One document laid out, its 版记 pushed to the foot of its last page."""
    document = _html(html)
    gap = foot_gap_px(document.pages[-1])
    if gap and gap > 1:
        # The closing group (the last words, the signature, the 版记) never breaks, so giving
        # the 版记 the room left below it keeps every page as it was.
        pushed = _html(html, f"footer.colophon {{ margin-top: {gap - 0.5:.2f}px !important; }}")
        if len(pushed.pages) == len(document.pages):
            document = pushed
    return document


_BLANK = (
    '<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><style>'
    "@page { size: A4; margin: 0; }</style></head><body></body></html>"
)


def print_pdf(
    documents: list[str], *, title: str, author: str = "", two_sided: bool = True
) -> Printed:
    """The documents' PDF, each laid out on its own (page numbers restart), each starting on a
    right-hand page when the batch is printed on both sides."""
    if not documents:
        raise ValueError("nothing to print")
    missing = _MissingGlyphs()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(missing)
    try:
        rendered = [_render_one(html) for html in documents]
        pages = []
        counts = []
        blank = None
        for i, document in enumerate(rendered):
            pages.extend(document.pages)
            count = len(document.pages)
            if two_sided and i < len(rendered) - 1 and count % 2:
                blank = blank or _html(_BLANK).pages[0]
                pages.append(blank)
                count += 1
            counts.append(count)
        whole = rendered[0].copy(pages)
        whole.metadata.title = title
        whole.metadata.authors = [author] if author else []
        whole.metadata.lang = "zh-Hans"
        out = io.BytesIO()
        # Tagged: a screen reader follows the headings, paragraphs and tables of a published file.
        whole.write_pdf(out, pdf_tags=True)
    finally:
        logger.removeHandler(missing)
    return Printed(out.getvalue(), counts, missing.found)
