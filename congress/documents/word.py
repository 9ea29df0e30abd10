"""Word documents in the official layout: the fonts named outright (East Asian fonts on every
style, free alternatives in the font table), the page and its 22 × 28 grid, "— N —" page
numbers. The review's Word copy and the meetings' notices and minutes are written with these."""

from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from congress.documents.layout import CHAR_PT, LINE_PT

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


def east_asian(rpr, name: str) -> None:
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


def font(run_or_style, name: str, size: float, bold: bool = False) -> None:
    font = run_or_style.font
    font.size = Pt(size)
    font.bold = bold
    east_asian(run_or_style.element.get_or_add_rPr(), name)


def font_table(doc) -> None:
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


def grid(section) -> None:
    """The page's grid: 22 lines of 28 characters, as the PDF (official-layout.md)."""
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(LINE_PT * 20)))
    # The character pitch is the Normal style's 16 pt plus charSpace/4096 pt.
    grid.set(qn("w:charSpace"), str(round((CHAR_PT - 16) * 4096)))


def styles(doc) -> None:
    # Every style names its East Asian font (the body's unless it is a heading's below).
    for style in doc.styles:
        element = getattr(style, "element", None)
        if element is not None and style.type in (1, 2, 3):  # paragraph, character, table
            east_asian(element.get_or_add_rPr(), BODY)
    # The document defaults too: Word's template names theme fonts there.
    for fonts in doc.styles.element.iter(qn("w:rFonts")):
        for attribute in THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)
        if fonts.get(qn("w:eastAsia")) is None:
            fonts.set(qn("w:eastAsia"), BODY)
    normal = doc.styles["Normal"]
    font(normal, BODY, 16)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.first_line_indent = Pt(2 * CHAR_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for level, face, bold in ((1, HEI, False), (2, KAI, False), (3, BODY, True)):
        style = doc.styles[f"Heading {level}"]
        font(style, face, 16, bold)
        style.font.color.rgb = None
        style.font.italic = False
        f = style.paragraph_format
        f.first_line_indent = Pt(2 * CHAR_PT)
        f.space_before = f.space_after = Pt(0)
        f.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        f.line_spacing = Pt(LINE_PT)
        f.keep_with_next = True


def page(section) -> None:
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28)
    grid(section)


def page_number(paragraph, align) -> None:
    """— N — in 4号, as a PAGE field Word keeps up to date."""
    paragraph.alignment = align
    paragraph.paragraph_format.first_line_indent = Pt(0)
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = Pt(16)
    else:
        paragraph.paragraph_format.left_indent = Pt(16)

    def text(t: str) -> None:
        font(paragraph.add_run(t), BODY, 14)

    def field(kind: str, value: str = "") -> None:
        run = paragraph.add_run()
        font(run, BODY, 14)
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


def new_document():
    """A Word document with the layout's styles and font table."""
    doc = Document()
    styles(doc)
    font_table(doc)
    return doc
