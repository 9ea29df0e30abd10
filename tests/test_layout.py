"""The printed review follows the official layout (GB/T 9704-2012 as official-layout.md gives it)."""

import collections
import re
import subprocess

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from congress.review.document import build
from congress.review.models import ReportText

MM = 72 / 25.4
# One paragraph of CJK characters only, so that every full line holds exactly 28 of them.
PLAIN = "常委会坚持把人民群众的期盼作为监督工作的出发点和落脚点" * 4 + "。"
TEXT = "\n\n".join(
    [
        "全年召开常委会会议{{常委会会议}}、主任会议{{主任会议}}，作出决议、决定{{决议决定}}。",
        "# 一、总体情况",
        PLAIN,
        "## （一）监督工作",
        *[
            f"第{i}段：听取和审议专项工作报告{{{{专项工作报告}}}}，办结率{{{{办结率}}}}。" + PLAIN
            for i in range(14)
        ],
        "### 1.代表工作",
        "收到代表建议{{代表建议}}，其中重点督办{{重点督办}}。",
        "# 二、附录",
        "{{附表:代表建议}}",
    ]
)


@pytest.fixture
def pdf(known_year, tmp_path):
    ReportText.objects.create(year=2025, title="安州区人大常委会2025年工作综述", text=TEXT)
    out = tmp_path / "review.pdf"
    call_command("annual_report", "--year", "2025", "--output", str(out))
    return out


def _runs(reader: PdfReader):
    """(page number, text, size in pt, x in pt) of every text run."""
    runs = []
    for n, page in enumerate(reader.pages, 1):

        def visit(text, cm, tm, font, size, n=n):
            if text.strip():
                runs.append(
                    (n, text.strip(), round(size * cm[0] * tm[0], 1), tm[4] * cm[0] + cm[4])
                )

        page.extract_text(visitor_text=visit)
    return runs


def test_a4_body_in_sanfang_and_title_in_erhao(pdf):
    reader = PdfReader(pdf)
    for page in reader.pages:
        assert (
            round(float(page.mediabox.width) / MM),
            round(float(page.mediabox.height) / MM),
        ) == (210, 297)
    sizes = collections.Counter()
    for _n, text, size, _x in _runs(reader):
        sizes[size] += len(text)
    assert sizes.most_common(1)[0][0] == 16.0  # 三号
    assert sizes[22.0] >= len("安州区人大常委会2025年工作综述")  # 二号 title


def test_28_characters_a_line(pdf):
    lines = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    full = [line for line in lines.splitlines() if line and line in PLAIN and len(line) > 20]
    assert len(full) >= 20
    assert collections.Counter(len(line) for line in full).most_common(1)[0][0] == 28


def test_page_numbers_between_dashes_at_the_outside_edge(pdf):
    reader = PdfReader(pdf)
    width = float(reader.pages[0].mediabox.width)
    numbers = [
        (n, text, x) for n, text, _s, x in _runs(reader) if re.fullmatch(r"—\s*\d+\s*—", text)
    ]
    pages = len(reader.pages)
    assert pages >= 5
    # The cover and its blank back carry none; the text starts at 1 on a right-hand page.
    assert [n for n, _t, _x in numbers] == list(range(3, pages + 1))
    for n, text, x in numbers:
        shown = int(re.search(r"\d+", text).group())
        assert shown == n - 2
        if shown % 2:
            assert x > width / 2, text  # odd: right
        else:
            assert x < width / 2, text  # even: left


def _cmaps(reader: PdfReader) -> dict[str, dict[int, str]]:
    maps = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            codes = maps.setdefault(str(font["/BaseFont"]), {})
            for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
                for code, uni in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
                    codes[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
            for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
                for lo, hi, uni in re.findall(
                    r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block
                ):
                    start = int(uni, 16)
                    for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                        codes[code] = chr(start + i)
    return maps


def test_every_character_is_drawn_by_an_embedded_font(pdf):
    reader = PdfReader(pdf)
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes yes yes " in row for row in rows), fonts  # embedded, subset, mapped
    names = " ".join(rows)
    assert "Noto-Sans-CJK-SC" in names  # 一、 headings in 黑体
    assert "UKai" in names or "KaiTi" in names  # （一） headings in 楷体
    maps = _cmaps(reader)
    covered = set()
    for codes in maps.values():
        # A character no font has is drawn as glyph 0 or 0xFFFF: a box on paper.
        assert 0 not in codes and 0xFFFF not in codes, codes.get(0) or codes.get(0xFFFF)
        covered |= set("".join(codes.values()))
    text = re.sub(r"\s", "", build(2025).plain_text())
    assert set(text) - covered == set()


def test_no_character_is_left_without_a_font(known_year):
    from congress.review.gather import gather
    from congress.review.render import render_pdf

    ReportText.objects.create(year=2025, title="t", text=TEXT)
    context = gather(2025)
    render_pdf(context)
    assert context["missing_glyphs"] == []
    # The same check catches a character no installed font has (it would print as a box).
    context["review"].parts[0].runs[0].text += "\u0f3a"
    render_pdf(context)
    assert context["missing_glyphs"] and "\u0f3a" in context["missing_glyphs"][0]


def test_the_settings_page_names_the_review_fonts(clerk_client):
    html = clerk_client.get("/settings/profile/").content.decode()
    assert "年度工作综述的字体" in html and ("Noto Serif CJK SC" in html or "仿宋" in html)
