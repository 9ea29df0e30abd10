"""The review's Word copy, checked as Word reads it: every style names its East Asian font
outright (no theme font Word could swap in), the official fonts have free alternatives in the
font table, the headings are Heading styles, and the page grid holds 28 characters a line."""

import io
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from congress.review.document import build
from congress.review.models import ReportText
from congress.review.word import render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def docx(known_year):
    ReportText.objects.create(
        year=2025,
        title="安州区人大常委会2025年工作综述",
        text="# 一、总体情况\n\n## （一）会议\n\n### 1.常委会会议\n\n召开常委会会议{{常委会会议}}。",
    )
    return render_docx(build(2025))


def test_every_style_names_its_east_asian_font(docx):
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/styles.xml"))
    assert b"Theme" not in etree.tostring(styles)
    for style in styles.iter(f"{W}style"):
        if style.get(f"{W}type") not in ("paragraph", "character", "table"):
            continue
        fonts = style.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None and fonts.get(f"{W}eastAsia"), style.get(f"{W}styleId")
    doc = Document(io.BytesIO(docx))
    faces = {
        name: doc.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
        for name in ("Normal", "Heading 1", "Heading 2", "Heading 3")
    }
    assert faces == {
        "Normal": "仿宋_GB2312",
        "Heading 1": "黑体",
        "Heading 2": "楷体_GB2312",
        "Heading 3": "仿宋_GB2312",
    }


def test_headings_are_heading_styles(docx):
    doc = Document(io.BytesIO(docx))
    levels = {p.text: p.style.name for p in doc.paragraphs if p.text and p.text[0] in "一（1"}
    assert levels == {
        "一、总体情况": "Heading 1",
        "（一）会议": "Heading 2",
        "1.常委会会议": "Heading 3",
    }


def test_the_official_fonts_have_free_alternatives(docx):
    table = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/fontTable.xml"))
    alternatives = {
        f.get(f"{W}name"): f.find(f"{W}altName").get(f"{W}val")
        for f in table.iter(f"{W}font")
        if f.find(f"{W}altName") is not None
    }
    assert alternatives["仿宋_GB2312"] == "Noto Serif CJK SC"
    assert alternatives["黑体"] == "Noto Sans CJK SC"
    assert alternatives["楷体_GB2312"] == "AR PL UKai CN"


def test_the_page_grid_is_22_lines_of_28_characters(docx):
    doc = Document(io.BytesIO(docx))
    for section in doc.sections:
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:type")) == "linesAndChars"
        width_pt = section.page_width.pt - section.left_margin.pt - section.right_margin.pt
        pitch = 16 + int(grid.get(qn("w:charSpace"))) / 4096
        assert int(width_pt / pitch + 0.01) == 28
        height_pt = section.page_height.pt - section.top_margin.pt - section.bottom_margin.pt
        assert int(height_pt / (int(grid.get(qn("w:linePitch"))) / 20) + 0.01) == 22


def test_charts_are_pictures_in_word_and_an_empty_chart_is_left_out(known_year):
    ReportText.objects.create(
        year=2025,
        title="t",
        text="召开常委会会议{{常委会会议}}。\n\n{{图:常委会会议按月}}\n\n{{图:民生实事进度}}",
    )
    from oversight.models import LivelihoodProject, ProjectVisit

    ProjectVisit.objects.all().delete()
    LivelihoodProject.objects.all().delete()
    review = build(2025)
    charts = [p.caption for p in review.parts if p.kind == "chart"]
    # The year has meetings but no 民生实事 project: that chart has no bar to draw.
    assert charts == ["常委会会议按月"]
    doc = Document(io.BytesIO(render_docx(review)))
    assert len(doc.inline_shapes) == 1
    assert not any("见 PDF" in p.text for p in doc.paragraphs)
    picture = doc.inline_shapes[0]
    assert picture.width.mm > 100
