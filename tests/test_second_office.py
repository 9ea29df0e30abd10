"""A second office: a county with its own text, its own figures and its own ledger, loaded through
the commands exactly as report-template.md and ledger-format.md describe, and its review checked
sentence by sentence in the PDF and the Word copy."""

import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from congress.accounts.models import Profile
from tests.ledgerbook import book

DATA = Path(__file__).with_name("data") / "qingshan"

SENTENCES = [
    "2025年，青山县人大常委会在县委的坚强领导下，紧扣全县中心工作依法履职。",
    "全年共举行8次常委会会议，听取和审议17个专项工作报告，组织2项执法检查，开展2次专题询问、"
    "10项专题调研，听取和讨论5个重大事项报告，作出15项决定、决议。",
    "组织执法检查、专题视察活动160余次，向“一府一委两院”提出审议意见和建议42条。",
    "依法补选县人大代表3名、市人大代表1名，接受2名代表辞去代表职务。",
    "全年受理群众来信27件，接待群众来访58人次，均按规定转交有关单位办理。",
]


def _d(month: int, day: int = 10) -> str:
    return f"2025-{month:02d}-{day:02d}"


def ledger() -> bytes:
    meetings = [["会议类型", "会议名称", "召开日期", "届次", "次数"]]
    meetings += [
        ["常委会会议", f"县第十七届人大常委会第{i + 20}次会议", _d(i + 2), 17, i + 20]
        for i in range(8)
    ]
    meetings += [["主任会议", "县第十七届人大常委会主任会议第九次会议", _d(3, 2), 17, 9]]
    decisions = [["名称", "类型", "通过日期"]] + [
        [f"关于第{i + 1}项事项的决定", "决定", _d(1 + i % 12)] for i in range(15)
    ]
    oversight = [["类型", "名称", "日期", "上下联动", "法律法规"]]
    for kind, n in [
        ("专项工作报告", 17),
        ("执法检查", 2),
        ("专题询问", 2),
        ("专题调研", 10),
        ("重大事项报告", 5),
        ("视察", 161),
    ]:
        law = "《中华人民共和国道路交通安全法》" if kind == "执法检查" else ""
        oversight += [
            [kind, f"{kind}{i + 1}", _d(1 + i % 12, 1 + i % 27), "否", law] for i in range(n)
        ]
    oversight += [
        ["执法检查", "联动执法检查", _d(6), "是", "《中华人民共和国食品安全法》"],
        ["专题调研", "上年调研", "2024-05-01", "否", ""],
    ]
    opinions = [["名称", "类别", "交办日期", "办理机关", "条数", "状态"]]
    opinions += [
        [f"审议意见{i}", "审议意见", _d(i + 3), "县人民政府", n, "办理中"]
        for i, n in enumerate((12, 9, 21))
    ]
    deputies = [["姓名", "性别", "层级", "当选方式", "当选日期", "状态", "终止日期", "终止原因"]]
    deputies += [[f"补县{i}", "男", "区", "补选", _d(4 + i), "", "", ""] for i in range(3)]
    deputies += [
        ["补市一", "女", "市", "补选", _d(5), "", "", ""],
        ["补县旧", "男", "区", "补选", "2024-06-01", "", "", ""],
    ]
    deputies += [
        [f"辞职{i}", "男", "区", "选举", "2021-11-01", "资格终止", _d(6 + i), "辞职"]
        for i in range(2)
    ]
    deputies += [["辞职早", "男", "区", "选举", "2021-11-01", "资格终止", "2024-08-01", "辞职"]]
    deputies += [["故去", "男", "区", "选举", "2021-11-01", "资格终止", _d(7), "死亡"]]
    petitions = [["编号", "方式", "日期", "人次", "内容摘要", "办理状态"]]
    petitions += [[f"X{i}", "来信", _d(1 + i % 12), "", "反映道路问题", "登记"] for i in range(23)]
    petitions += [[f"W{i}", "网上信访", _d(3), "", "反映供水问题", "登记"] for i in range(4)]
    petitions += [
        [f"F{i}", "来访", _d(4), n, "反映征地补偿", "登记"]
        for i, n in enumerate([1] * 8 + [20, 30])
    ]
    petitions += [[f"T{i}", "电话", _d(5), "", "咨询", "登记"] for i in range(5)]
    petitions += [["X-old", "来信", "2024-12-30", "", "上年来信", "登记"]]
    return book(
        {
            "会议": meetings,
            "决议决定": decisions,
            "监督工作": oversight,
            "意见建议": opinions,
            "代表": deputies,
            "信访": petitions,
        }
    )


@pytest.fixture
def county(db, tmp_path):
    Profile.objects.update_or_create(
        pk=Profile.get().pk,
        defaults={
            "name": "青山县人大常委会",
            "place": "青山",
            "level": "县",
            "party_short": "县委",
        },
    )
    workbook = tmp_path / "台账.xlsx"
    workbook.write_bytes(ledger())
    call_command("import_ledger", str(workbook))
    call_command("figures", "--load", str(DATA / "figures.json"))
    call_command("report_text", "--year", "2025", "--load", str(DATA / "review-2025.md"))
    return tmp_path


def _flat(text: str) -> str:
    text = re.sub(r"—\s*\d+\s*—", "", text)  # page numbers
    return re.sub(r"\s+", "", text)


def test_the_county_review_in_pdf_says_each_sentence(county):
    out = county / "review.pdf"
    call_command("annual_report", "--year", "2025", "--output", str(out))
    text = _flat(
        subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    for sentence in SENTENCES:
        assert sentence in text, sentence
    assert "四、空着的一章" not in text  # a heading with nothing under it is not printed
    assert "重大事项报告（5个）" in text and "重大事项报告5" in text  # the appendix table


def test_the_county_review_in_word_says_each_sentence(county):
    from docx import Document

    out = county / "review.docx"
    call_command("annual_report", "--year", "2025", "--output", str(out))
    doc = Document(out)
    paragraphs = [p.text for p in doc.paragraphs]
    for sentence in SENTENCES:
        assert any(sentence in p for p in paragraphs), sentence
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == [
        "一、监督工作",
        "二、代表工作",
        "三、信访工作",
        "附表",
    ]
    assert len(doc.tables[0].rows) == 6  # the header and 5 重大事项报告


def test_the_county_figures_link_to_their_records(county, clerk_client):
    from congress.figures.figureset import year_values

    values = year_values(2025)
    for name in ("来信", "来访", "专题调研", "补选县人大代表", "辞职代表", "重大事项报告"):
        html = clerk_client.get(values[name].link).content.decode()
        shown = re.search(r"data-total>(\d+)<", html) or re.search(r"data-count>(\d+)<", html)
        assert int(shown.group(1)) == values[name].value, name
