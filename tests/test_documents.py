"""The office's documents: opinions in full for units, 文号, 交办函, 名册, batch work, the oath."""

import datetime
import io
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from congress.accounts.models import Unit
from meetings.models import Appointment, OathCeremony
from oversight.models import OpinionDocument, ReviewOpinion
from proposals.models import AssignmentLetter, Suggestion
from tests import factories as f
from tests.conftest import client_for

D = datetime.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
S = Suggestion.State


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


# --- 审议意见 in full --------------------------------------------------------------------------


@pytest.fixture
def opinion(db, unit):
    o = ReviewOpinion.objects.create(
        name="关于就业工作情况报告的审议意见",
        doc_number="安人常办〔2025〕7号",
        date=D(2025, 3, 5),
        body="区人民政府",
        unit=unit,
        points=3,
        text="一、进一步稳定就业岗位。\n二、加强技能培训。",
    )
    OpinionDocument.objects.create(
        opinion=o, title="审议意见（签发稿）", file=SimpleUploadedFile("意见.pdf", PDF)
    )
    return o


def test_a_unit_reads_the_opinion_in_full_and_its_attachment(opinion, unit_client, other_unit_user):
    page = unit_client.get(reverse("portal_opinion", args=[opinion.pk])).content.decode()
    assert (
        "进一步稳定就业岗位" in page
        and "安人常办〔2025〕7号" in page
        and "审议意见（签发稿）" in page
    )
    doc = opinion.documents.get()
    download = unit_client.get(reverse("opinion_document", args=[doc.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    other = client_for(other_unit_user)
    assert other.get(reverse("opinion_document", args=[doc.pk])).status_code == 404
    assert unit_client.post(reverse("opinion_document", args=[doc.pk])).status_code == 405


def test_the_unit_reports_with_attachments_and_staff_record_the_rating(
    opinion, unit_client, clerk_client
):
    files = [
        SimpleUploadedFile(n, PDF, content_type="application/pdf")
        for n in ("整改清单.pdf", "照片说明.pdf")
    ]
    done = unit_client.post(
        reverse("portal_opinion", args=[opinion.pk]),
        {"date": "2025-05-01", "text": "已逐条落实。", "attachments": files},
    )
    assert done.status_code == 302
    assert set(opinion.documents.filter(reported=True).values_list("title", flat=True)) == {
        "整改清单.pdf",
        "照片说明.pdf",
    }
    detail = clerk_client.get(reverse("opinions_detail", args=[opinion.pk])).content.decode()
    assert "整改清单.pdf" in detail and "承办单位报告附件" in detail
    bad = [SimpleUploadedFile("病毒.exe", b"MZ\x90\x00", content_type="application/octet-stream")]
    opinion.refresh_from_db()
    opinion.state = "办理中"
    opinion.save()
    refused = unit_client.post(
        reverse("portal_opinion", args=[opinion.pk]),
        {"date": "2025-05-02", "text": "x", "attachments": bad},
    )
    assert refused.status_code == 400 and opinion.documents.count() == 3


# --- appointments: 文号, 提请人, 表决结果, the collective oath -------------------------------------


def test_vote_result_as_the_minutes_write_it(db):
    a = Appointment(
        person="李华",
        kind="任命",
        post="局长",
        date=D(2025, 3, 18),
        votes_for=25,
        votes_against=0,
        votes_abstain=1,
    )
    assert a.vote_result == "通过（赞成25票，反对0票，弃权1票）"
    assert Appointment(person="x", kind="任命", post="y", date=D(2025, 1, 1)).vote_result == ""


@pytest.fixture
def appointees(db):
    return [
        Appointment.objects.create(
            person=name,
            kind="任命",
            post=f"{name}局局长",
            date=D(2025, 3, 18),
            proposer="区长",
            doc_number=f"安人常任〔2025〕{i}号",
        )
        for i, name in enumerate(("李华", "王强", "赵敏"), 1)
    ]


def test_a_collective_oath_is_recorded_once(appointees, clerk_client, leader_client):
    url = reverse("appointments_oath")
    response = clerk_client.post(
        url,
        {
            "people": [appointees[0].pk, appointees[1].pk],
            "date": "2025/3/18",
            "place": "常委会会议室",
            "presided_by": "区人大常委会主任",
        },
    )
    assert response.status_code == 302
    ceremony = OathCeremony.objects.get()
    assert ceremony.form == "集体宣誓" and ceremony.appointments.count() == 2
    assert set(Appointment.objects.awaiting_oath().values_list("person", flat=True)) == {"赵敏"}
    early = clerk_client.post(url, {"people": [appointees[2].pk], "date": "2025-03-01"})
    assert early.status_code == 400 and "不能早于赵敏的任命日期" in early.content.decode()
    none = clerk_client.post(url, {"date": "2025-03-20"})
    assert none.status_code == 400 and OathCeremony.objects.count() == 1
    assert (
        leader_client.post(url, {"people": [appointees[2].pk], "date": "2025-03-20"}).status_code
        == 403
    )
    assert clerk_client.put(url).status_code == 405


def test_the_appointments_roster_as_pdf_and_excel(appointees, clerk_client, tmp_path):
    Appointment.objects.filter(pk=appointees[0].pk).update(
        votes_for=26, votes_against=0, votes_abstain=0
    )
    pdf = clerk_client.get(reverse("appointments_roster") + "?year=2025&format=pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = _pdf_text(pdf.content, tmp_path)
    assert "2025年人事任免名册" in text and "李华" in text and "安人常任〔2025〕1号" in text
    xlsx = clerk_client.get(reverse("appointments_roster") + "?year=2025&format=xlsx")
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert len(rows) == 3 and rows[0][0] == "李华" and rows[0][6] == "通过（26/0/0）"
    assert clerk_client.get(reverse("appointments_roster") + "?year=99999").status_code == 400
    assert clerk_client.get(reverse("appointments_roster") + "?format=doc").status_code == 404


def test_the_deputies_roster_as_pdf_and_excel(db, clerk_client, tmp_path):
    f.deputy("张明远", workplace="河清镇", post="党委书记", term=18)
    f.deputy("李秀英", sex="女", term=18)
    pdf = clerk_client.get(reverse("deputies_roster") + "?format=pdf")
    assert pdf.status_code == 200 and "张明远" in _pdf_text(pdf.content, tmp_path)
    ws = load_workbook(
        io.BytesIO(clerk_client.get(reverse("deputies_roster") + "?format=xlsx").content)
    ).active
    assert {r[0] for r in ws.iter_rows(min_row=4, values_only=True)} == {"张明远", "李秀英"}


# --- 批量交办 and 交办函 ----------------------------------------------------------------------


@pytest.fixture
def pending(db, unit, other_unit):
    lead = f.deputy("张明远")
    return [
        f.suggestion(str(n), lead, state=S.NEW, title=f"关于第{n}事项的建议") for n in (3, 12, 21)
    ]


def test_batch_assignment_makes_one_numbered_letter_per_unit(
    pending, clerk_client, unit, other_unit
):
    a, b, c = pending
    data = {
        "assigned": "2025-02-10",
        "unit_all": unit.pk,
        "deadline_all": "2025-05-30",
        "pick": [a.pk, b.pk, c.pk],
        f"unit_{c.pk}": other_unit.pk,
        f"deadline_{c.pk}": "20250615",
    }
    response = clerk_client.post(reverse("batch_assign"), data)
    assert response.status_code == 302
    for s in pending:
        s.refresh_from_db()
        assert s.state == S.HANDLING and s.assigned == D(2025, 2, 10)
    assert (a.lead_unit, a.deadline) == (unit, D(2025, 5, 30))
    assert (c.lead_unit, c.deadline) == (other_unit, D(2025, 6, 15))
    letters = {letter.unit: letter for letter in AssignmentLetter.objects.all()}
    assert set(letters) == {unit, other_unit}
    assert sorted(letter.number for letter in letters.values()) == [
        "安人常办〔2025〕1号",
        "安人常办〔2025〕2号",
    ]
    assert set(letters[unit].suggestions.all()) == {a, b}
    assert a.events.filter(action="交办").exists()


def test_batch_assignment_sets_the_assisting_units(pending, clerk_client, unit, other_unit):
    a, b, _c = pending
    third = Unit.objects.create(name="区财政局")
    data = {
        "assigned": "2025-02-10",
        "unit_all": unit.pk,
        "assist_all": [other_unit.pk, unit.pk],  # the lead is never its own assistant
        "pick": [a.pk, b.pk],
        f"assist_{b.pk}": third.pk,
    }
    assert clerk_client.post(reverse("batch_assign"), data).status_code == 302
    a.refresh_from_db()
    b.refresh_from_db()
    assert list(a.assist_units.all()) == [other_unit]
    assert list(b.assist_units.all()) == [third]
    assert "协办：区教育局" in a.events.get(action="交办").note


def test_a_refused_batch_changes_nothing(pending, clerk_client, unit):
    a, b, _c = pending
    no_unit = clerk_client.post(
        reverse("batch_assign"),
        {"assigned": "2025-02-10", "pick": [a.pk, b.pk], f"unit_{a.pk}": unit.pk},
    )
    assert no_unit.status_code == 400 and f"{b.number}：请选择主办单位" in no_unit.content.decode()
    bad_day = clerk_client.post(
        reverse("batch_assign"),
        {
            "assigned": "2025-02-10",
            "unit_all": unit.pk,
            "pick": [a.pk],
            "deadline_all": "2025-01-01",
        },
    )
    assert bad_day.status_code == 400 and "答复期限应晚于交办日期" in bad_day.content.decode()
    assert (
        not Suggestion.objects.exclude(state=S.NEW).exists()
        and not AssignmentLetter.objects.exists()
    )


def test_batch_assignment_for_each_role(pending, leader_client, unit_client, clerk_client):
    assert clerk_client.get(reverse("batch_assign")).status_code == 200
    assert leader_client.post(reverse("batch_assign"), {}).status_code == 403
    assert unit_client.get(reverse("batch_assign")).status_code == 403
    assert clerk_client.delete(reverse("batch_assign")).status_code == 405


def test_the_letter_in_the_official_layout(
    pending, clerk_client, unit, unit_client, other_unit_user, tmp_path
):
    clerk_client.post(
        reverse("batch_assign"),
        {"assigned": "2025-02-10", "unit_all": unit.pk, "pick": [s.pk for s in pending]},
    )
    letter = AssignmentLetter.objects.get()
    pdf = clerk_client.get(reverse("letter_pdf", args=[letter.pk]))
    text = _pdf_text(pdf.content, tmp_path)
    assert "安州区人大常委会办公室" in text and "安人常办〔2025〕1号" in text
    assert "区住房和城乡建设局：" in text and "关于交办代表建议的函" in text
    # Numbers sort as numbers: 第3 before 第12 before 第21.
    assert (
        text.index("关于第3事项的建议")
        < text.index("关于第12事项的建议")
        < text.index("关于第21事项的建议")
    )
    assert "— 1 —" in text or "—1—" in text.replace(" ", "")
    # The unit reads its own letter from the portal; another unit gets a 404.
    assert unit_client.get(reverse("letter_pdf", args=[letter.pk])).status_code == 200
    assert (
        "交办函" in unit_client.get(reverse("portal_detail", args=[pending[0].pk])).content.decode()
    )
    assert (
        client_for(other_unit_user).get(reverse("letter_pdf", args=[letter.pk])).status_code == 404
    )
    batch = clerk_client.get(reverse("letters_pdf") + f"?ids={letter.pk}")
    assert batch.status_code == 200 and batch.content.startswith(b"%PDF")
    assert clerk_client.get(reverse("letters_pdf") + "?ids=999999").status_code == 404


def test_a_new_year_numbers_its_letters_from_one(db, clerk, unit):
    from proposals.services import next_letter_number

    AssignmentLetter.objects.create(number="安人常办〔2025〕9号", unit=unit, date=D(2025, 3, 1))
    assert next_letter_number(2025) == "安人常办〔2025〕10号"
    assert next_letter_number(2026) == "安人常办〔2026〕1号"
    assert Unit.objects.count() == 1
