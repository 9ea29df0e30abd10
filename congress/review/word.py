"""The Word copy of the review: the same parts as the PDF, in the same official layout, so that
the office can make its last edits in Word."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from congress.documents.layout import CHAR_PT, LINE_PT
from congress.documents.text import cn_date
from congress.review.document import Review

# Offices have these fonts; Word substitutes its own where one is missing.
BODY = "仿宋_GB2312"
HEI = "黑体"
KAI = "楷体_GB2312"
TITLE = "方正小标宋简体"
LATIN = "Times New Roman"


# What Word uses where an office machine lacks the official font: the free fonts the PDF is
# printed with (official-layout.md), named in the font table as each font's alternative.
FALLBACK = {
    BODY: "Noto Serif CJK SC",
    TITLE: "Noto Serif CJK SC",
    HEI: "Noto Sans CJK SC",
    KAI: "AR PL UKai CN",
}
THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _east_asian(rpr, name: str) -> None:
    """Name the East Asian font outright: a theme font would let Word replace it."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:hint"), "eastAsia")


def _font(run_or_style, name: str, size: float, bold: bool = False) -> None:
    font = run_or_style.font
    font.size = Pt(size)
    font.bold = bold
    _east_asian(run_or_style.element.get_or_add_rPr(), name)


def _font_table(doc) -> None:
    """Each official font in the font table with its free alternative (w:altName)."""
    part = next(
        (r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable")), None
    )
    if part is None:
        return
    from docx.oxml import parse_xml

    root = parse_xml(part.blob)
    for name, alternative in FALLBACK.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        alt = OxmlElement("w:altName")
        alt.set(qn("w:val"), alternative)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        font.append(alt)
        font.append(charset)
        root.append(font)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _grid(section) -> None:
    """The page's grid: 22 lines of 28 characters, as the PDF (official-layout.md)."""
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(LINE_PT * 20)))
    # The character pitch is the Normal style's 16 pt plus charSpace/4096 pt.
    grid.set(qn("w:charSpace"), str(round((CHAR_PT - 16) * 4096)))


def _styles(doc) -> None:
    # Every style names its East Asian font (the body's unless it is a heading's below).
    for style in doc.styles:
        element = getattr(style, "element", None)
        if element is not None and style.type in (1, 2, 3):  # paragraph, character, table
            _east_asian(element.get_or_add_rPr(), BODY)
    # The document defaults too: Word's template names theme fonts there.
    for fonts in doc.styles.element.iter(qn("w:rFonts")):
        for attribute in THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)
        if fonts.get(qn("w:eastAsia")) is None:
            fonts.set(qn("w:eastAsia"), BODY)
    normal = doc.styles["Normal"]
    _font(normal, BODY, 16)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.first_line_indent = Pt(2 * CHAR_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for level, face, bold in ((1, HEI, False), (2, KAI, False), (3, BODY, True)):
        style = doc.styles[f"Heading {level}"]
        _font(style, face, 16, bold)
        style.font.color.rgb = None
        style.font.italic = False
        f = style.paragraph_format
        f.first_line_indent = Pt(2 * CHAR_PT)
        f.space_before = f.space_after = Pt(0)
        f.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        f.line_spacing = Pt(LINE_PT)
        f.keep_with_next = True


def _page(section) -> None:
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28)
    _grid(section)


def _page_number(paragraph, align) -> None:
    """— N — in 4号, as a PAGE field Word keeps up to date."""
    paragraph.alignment = align
    paragraph.paragraph_format.first_line_indent = Pt(0)
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = Pt(16)
    else:
        paragraph.paragraph_format.left_indent = Pt(16)

    def text(t: str) -> None:
        _font(paragraph.add_run(t), BODY, 14)

    def field(kind: str, value: str = "") -> None:
        run = paragraph.add_run()
        _font(run, BODY, 14)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = value
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    text("— ")
    field("begin")
    field("instr", " PAGE ")
    field("separate")
    text("1")
    field("end")
    text(" —")


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
    doc = Document()
    _styles(doc)
    _font_table(doc)
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
