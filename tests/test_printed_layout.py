"""Every printed document measured page by page against the official layout (tests/layoutcheck.py):
the demo's documents and a stress case of each (18 items in one letter, 250 deputies, 50
appointments with long meeting names)."""

import datetime
import io
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from congress.accounts.models import Unit
from congress.documents.layout import print_pdf
from meetings.models import Appointment
from proposals.letters import print_letters
from proposals.models import AssignmentLetter
from tests import factories as f
from tests.layoutcheck import Spec, check, read

D = datetime.date
LONG_TITLE = "关于进一步加强城乡结合部老旧小区雨污分流改造和背街小巷路灯照明设施建设管理的建议"


def _text(data: bytes, tmp_path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def _letter(number: str, unit: Unit, items: int, lead, tag: str) -> AssignmentLetter:
    letter = AssignmentLetter.objects.create(number=number, unit=unit, date=D(2025, 2, 10))
    letter.suggestions.set(
        [
            f.suggestion(
                f"{tag}{i:02d}",
                lead,
                title=LONG_TITLE if i % 3 == 0 else f"关于第{i}项工作的建议",
                state="办理中",
                lead_unit=unit,
                assigned=D(2025, 2, 10),
                deadline=D(2025, 5, 10),
            )
            for i in range(1, items + 1)
        ]
    )
    return letter


@pytest.fixture
def letters(db, unit, other_unit):
    lead = f.deputy("欧阳明华")
    third = Unit.objects.create(name="区交通运输局")
    return [
        _letter("安人常办〔2025〕10号", unit, 3, lead, "A"),
        _letter("安人常办〔2025〕2号", other_unit, 18, lead, "B"),
        _letter("安人常办〔2025〕1号", third, 1, lead, "C"),
    ]


def test_eighteen_items_in_one_letter_fit_the_layout(letters, tmp_path):
    printed = print_letters([letters[1]])
    assert check(printed.data, Spec(closing=True)) == []
    pages = read(printed.data)
    assert len(pages) >= 2
    # The 版记 stands on the last page only, at its foot; the earlier pages carry the items.
    assert "抄送" in pages[-1].text and all("抄送" not in p.text for p in pages[:-1])
    assert [p.folio_number for p in pages] == list(range(1, len(pages) + 1))
    text = _text(printed.data, tmp_path)
    assert "联系人：王" not in text  # no contact is set: none is printed
    assert all(f"B{i:02d}" in text for i in range(1, 19))


def test_a_batch_restarts_page_numbers_and_each_letter_starts_on_a_right_hand_page(
    letters, tmp_path
):
    printed = print_letters(letters)
    assert check(printed.data, Spec(closing=True)) == []
    pages = read(printed.data)
    starts = [p.number for p in pages if p.folio_number == 1]
    assert len(starts) == 3 and all(n % 2 == 1 for n in starts)
    # In the order of their 文号 read as numbers: 1号, 2号, 10号.
    order = [
        next(w for w in ("〔2025〕1号", "〔2025〕2号", "〔2025〕10号") if w in pages[n - 1].text)
        for n in starts
    ]
    assert order == ["〔2025〕1号", "〔2025〕2号", "〔2025〕10号"]
    # A one-page letter leaves the back of its sheet blank, not the next unit's letter.
    assert pages[starts[0]].blank
    assert printed.pages[0] == 2


def test_the_letter_names_the_contact_when_the_office_has_one(letters, tmp_path):
    from congress.accounts.models import Profile

    profile = Profile.get()
    profile.contact, profile.phone = "王明", "0816-1234567"
    profile.save()
    text = _text(print_letters([letters[0]]).data, tmp_path)
    assert "联系人：王明" in text and "0816-1234567" in text


@pytest.fixture
def many_deputies(db):
    stations = [
        f.station(f"{town}人大代表联络站（{town}人民政府便民服务中心二楼）", town=town)
        for town in ("河清镇", "桑枣镇", "花荄镇", "黄土镇", "秀水镇")
    ]
    for i in range(250):
        f.deputy(
            f"代表{i:03d}",
            ethnicity="汉族",
            party="中共党员",
            birth=D(1970 + i % 30, 1 + i % 12, 1 + i % 28),
            workplace="安州区某某集团有限责任公司党委副书记、董事、总经理",
            district=f"第{i % 60 + 1}选区",
            delegation=f"{stations[i % 5].town}代表团",
            station=stations[i % 5],
            term=18,
        )


def test_250_deputies_print_every_column_inside_the_block(many_deputies, clerk_client, tmp_path):
    response = clerk_client.get(reverse("deputies_roster") + "?format=pdf")
    assert response.status_code == 200
    assert check(response.content) == []
    text = _text(response.content, tmp_path)
    assert "代表团" in text and "联络站" in text
    assert text.count("河清镇代表团") == 50 and "代表249" in text


@pytest.fixture
def appointments(db):
    meeting = f.meeting(
        name="安州区第十八届人民代表大会常务委员会第二十一次会议暨全体组成人员专题学习会",
        date=D(2025, 3, 18),
    )
    for i in range(50):
        Appointment.objects.create(
            person=f"任职人员{i:02d}",
            kind="任命",
            organisation="区人民政府",
            post="区发展和改革局局长、区粮食和物资储备局局长",
            date=D(2025, 3, 18),
            meeting=meeting,
            proposer="区人民政府区长",
            votes_for=25,
            votes_against=0,
            votes_abstain=1,
            doc_number=f"安人常任〔2025〕{i + 1}号",
        )


def test_50_appointments_with_long_meeting_names(appointments, clerk_client, tmp_path):
    response = clerk_client.get(reverse("appointments_roster") + "?year=2025&format=pdf")
    assert response.status_code == 200
    assert check(response.content) == []
    text = _text(response.content, tmp_path).replace("\n", "")
    assert "任职人员49" in text and "专题学习会" in text


def test_the_excel_roster_has_empty_cells_and_prints_on_a4(appointments, clerk_client):
    Appointment.objects.filter(person="任职人员03").update(doc_number="", proposer="")
    data = clerk_client.get(reverse("appointments_roster") + "?year=2025&format=xlsx").content
    ws = load_workbook(io.BytesIO(data)).active
    values = [c.value for row in ws.iter_rows(min_row=4) for c in row]
    assert None in values and not any(isinstance(v, str) and v.startswith("'") for v in values)
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$3:$3"
    assert ws.oddHeader.center.text.endswith("人事任免名册")


# The checker itself: each of its rules fails on a page that breaks it.


def _page(body: str, style: str = "") -> bytes:
    from congress.documents.layout import page_html

    html = page_html("documents/base.html", {"title": "t"}).replace(
        "<body>", f"<body><style>{style}</style>{body}"
    )
    return print_pdf([html], title="t").data


def test_the_checker_finds_a_table_wider_than_the_block(db):
    wide = "<table style='width: 200mm; border: 1pt solid #000'><tr><td>宽表格</td></tr></table>"
    problems = check(_page(wide))
    assert any("版心外" in p or "出了版心" in p for p in problems)
    assert check(_page("<p>正文</p>")) == []


def test_the_checker_finds_a_page_number_out_of_place(db):
    problems = check(_page("<p>正文</p>", "@page :right { @bottom-right { padding-top: 15mm; } }"))
    assert any("页码在版心下" in p for p in problems)


def test_the_checker_finds_a_colophon_not_at_the_foot(db):
    colophon = (
        "<p>正文</p><footer class='colophon'><p class='cc'>抄送：各委员会。</p>"
        "<table class='issued'><tr><td>办公室</td></tr></table></footer>"
    )
    # Laid out with print_pdf the 版记 goes to the foot; WeasyPrint alone leaves it mid-page.
    assert check(_page(colophon), Spec(closing=True)) == []
    from weasyprint import HTML

    from congress.documents.layout import page_html

    html = page_html("documents/base.html", {"title": "t"}).replace("<body>", "<body>" + colophon)
    problems = check(HTML(string=html).write_pdf(), Spec(closing=True))
    assert any("版记未在版心底部" in p for p in problems)


def test_the_checker_finds_lines_short_of_the_grid(db):
    text = "<p>" + "常委会坚持把人民群众的期盼作为监督工作的出发点和落脚点" * 6 + "</p>"
    assert check(_page(text), Spec(grid=True)) == []
    loose = check(_page(text, "html { letter-spacing: 0.3pt; }"), Spec(grid=True))
    assert any("个字" in p for p in loose)


def test_printed_files_are_tagged_for_screen_readers(letters):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(print_letters([letters[0]]).data))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "zh-Hans"
