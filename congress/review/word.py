"""The Word copy of the review: the same parts as the PDF, in the same official layout, so that
the office can make its last edits in Word."""

from __future__ import annotations

import io

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from congress.documents.text import cn_date
from congress.documents.word import (
    BODY,
    HEI,
    TITLE,
    new_document,
)
from congress.documents.word import font as _font
from congress.documents.word import page as _page
from congress.documents.word import page_number as _page_number
from congress.review.document import Review


def _cover(doc, review: Review) -> None:
    def centred(text: str, face: str, size: float, before: float = 0, bold=False) -> None:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.space_before = Pt(before)
        if face == TITLE:
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        _font(p.add_run(text), face, size, bold)

    centred(review.title, TITLE, 22, before=110)
    if review.subtitle:
        centred(review.subtitle, BODY, 16, before=16)
    centred(review.office, BODY, 16, before=120)
    date = f"统计截至{cn_date(review.cutoff)}" if review.running else cn_date(review.date)
    centred(date, BODY, 16)


def _table(doc, table) -> None:
    caption = doc.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.first_line_indent = Pt(0)
    _font(caption.add_run(table.caption), HEI, 14)
    grid = doc.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = grid.rows[0]
    # Repeat the header row on every page the table runs to.
    tr_pr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, text in zip(header.cells, table.headers, strict=True):
        _cell(cell, text, HEI)
    for row in table.rows:
        cells = grid.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            _cell(cell, text, BODY, right=table.numeric[i])


def _chart(doc, part) -> None:
    """The chart as the PDF draws it, a picture across the text block, its caption above."""
    from congress.documents.raster import svg_to_png

    caption = doc.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.first_line_indent = Pt(0)
    caption.paragraph_format.keep_with_next = True
    _font(caption.add_run(part.caption), HEI, 14)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    p.add_run().add_picture(io.BytesIO(svg_to_png(part.chart)), width=Mm(150))


def _cell(cell, text: str, face: str, right: bool = False) -> None:
    p = cell.paragraphs[0]
    p.paragraph_format.first_line_indent = Pt(0)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
    _font(p.add_run(text), face, 12)


def render_docx(review: Review) -> bytes:
    doc = new_document()
    doc.core_properties.title = review.title
    doc.core_properties.author = review.office
    cover = doc.sections[0]
    _page(cover)
    _cover(doc, review)
    body = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(body)
    # The cover carries no number; the text starts at page 1, odd pages numbered on the right.
    body.footer.is_linked_to_previous = False
    body.even_page_footer.is_linked_to_previous = False
    doc.settings.odd_and_even_pages_header_footer = True
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:start"), "1")
    body._sectPr.append(pg)
    _page_number(body.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(body.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
    mirror = OxmlElement("w:mirrorMargins")
    doc.settings.element.append(mirror)
    for part in review.parts:
        if part.kind == "table":
            _table(doc, part.table)
        elif part.kind == "chart":
            _chart(doc, part)
        else:
            if part.kind == "p":
                p = doc.add_paragraph()
            else:
                p = doc.add_heading(level=int(part.kind[1]))
            for run in part.runs:
                r = p.add_run(run.text)
                if run.bold:
                    r.bold = True
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
