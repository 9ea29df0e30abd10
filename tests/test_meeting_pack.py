"""会议材料汇编: built in the background from the meeting's materials in agenda order, with a
cover, contents and running page numbers; a material that cannot be merged is listed, never
dropped; rebuilt when a material changes; members read it in their portal."""

import datetime
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader

from congress.documents.layout import page_html, print_pdf
from meetings.models import Meeting, MeetingDocument, PackJob

D = datetime.date
MM = 72 / 25.4


def material(title: str, pages: int) -> bytes:
    """A PDF of ``pages`` pages, each saying which it is, with no page numbers of its own."""
    body = "".join(
        f"<h1 class='title' style='break-after: page'>{title}第{i + 1}页</h1>" for i in range(pages)
    )
    html = page_html("documents/base.html", {"title": title}).replace(
        "<body>",
        "<body><style>@page :right { @bottom-right { content: none; } } @page :left { @bottom-left { content: none; } }</style>"
        + body,
    )
    return print_pdf([html], title=title).data


@pytest.fixture
def meeting(db, member_user):
    m = Meeting.objects.create(kind="常委会会议", term=18, seq=25, date=D(2025, 6, 18))
    first = m.agenda.create(order=1, title="听取和审议关于就业工作情况的报告")
    second = m.agenda.create(order=2, title="审议人事任免事项")
    for title, item, data, name in (
        ("任免说明", second, material("任免说明", 2), "b.pdf"),
        ("就业工作报告", first, material("就业工作报告", 3), "a.pdf"),
        ("报告附表（Word）", first, b"PK\x03\x04word", "c.docx"),
        ("损坏的材料", second, b"%PDF-1.4 not a pdf at all", "d.pdf"),
    ):
        doc = MeetingDocument(meeting=m, title=title, item=item)
        doc.file.save(name, ContentFile(data), save=True)
    return m


def _build(client, meeting, capture):
    with capture(execute=True):
        response = client.post(reverse("meeting_pack", args=[meeting.pk]))
    assert response.status_code == 302
    return PackJob.objects.filter(meeting=meeting).first()


def _tops(data: bytes) -> list[str]:
    """Each page's text above the text block: the pack's running number."""
    import pdfplumber

    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            chars = [c["text"] for c in page.chars if c["bottom"] < 37 * MM]
            out.append("".join(chars).replace(" ", ""))
    return out


def test_the_pack_in_agenda_order_with_contents_and_running_numbers(
    meeting, clerk_client, django_capture_on_commit_callbacks
):
    job = _build(clerk_client, meeting, django_capture_on_commit_callbacks)
    assert job.status == "已完成", job.error
    data = b"".join(clerk_client.get(reverse("meeting_pack", args=[meeting.pk])).streaming_content)
    reader = PdfReader(io.BytesIO(data))
    texts = [p.extract_text() for p in reader.pages]
    # Cover, contents (and the back of its sheet), then 3 + 1 + 2 + 1 pages of materials.
    flat = [re.sub(r"\s", "", t) for t in texts]
    # The cover, the blank back of its sheet, then the contents on a right-hand page.
    assert "材料汇编" in flat[0] and flat[1] == "" and flat[2].startswith("目录")
    firsts = [t for t in flat[3:] if "第1页" in t or "未并入" in t or "无法并入" in t]
    # Agenda order: item 1's report and its Word sheet, then item 2's explanation and the
    # broken file, whatever order they were uploaded in.
    assert [t[:4] for t in firsts] == ["就业工作", "报告附表", "任免说明", "损坏的材"]
    assert job.pages == len(reader.pages)
    # The Word file and the broken PDF are listed in the contents and on a page of their own.
    contents = re.sub(r"\s", "", texts[2])
    assert "报告附表（Word）" in contents and "损坏的材料" in contents and "无法并入" in contents
    assert "损坏的材料" in job.listed and "报告附表" in job.listed
    # The pack passes the layout checks: its own pages inside the block, its running numbers
    # 7 mm above it at the outside edge, from 1 on a right-hand page.
    from tests.layoutcheck import Spec, check, read

    first = next(p.number for p in read(data) if p.folio_number == 1)
    assert first % 2 == 1
    assert check(data, Spec(numbered_from=first)) == []
    # Running numbers through the materials, from 1, in the top margin.
    tops = [t for t in _tops(data) if t]
    assert tops == [f"—{n}—" for n in range(1, 8)]
    # The contents give each material's first page: 就业工作报告 1, its Word sheet 4, 任免说明 5.
    assert re.search(r"就业工作报告1", contents) and re.search(r"任免说明5", contents)


def test_members_read_the_pack_and_a_changed_material_rebuilds_it(
    meeting, clerk_client, member_client, django_capture_on_commit_callbacks
):
    first = _build(clerk_client, meeting, django_capture_on_commit_callbacks)
    pack = member_client.get(reverse("member_pack", args=[meeting.pk]))
    assert pack.status_code == 200
    page = member_client.get(reverse("member_meeting", args=[meeting.pk])).content.decode()
    assert reverse("member_pack", args=[meeting.pk]) in page
    with django_capture_on_commit_callbacks(execute=True):
        doc = MeetingDocument(meeting=meeting, title="补充材料")
        doc.file.save("e.pdf", ContentFile(material("补充材料", 1)), save=True)
    latest = PackJob.objects.filter(meeting=meeting).first()
    assert latest.pk != first.pk and latest.status == "已完成"
    assert latest.pages == first.pages + 1 and latest.digest != first.digest


def test_a_material_replaced_during_the_build_is_never_packed_stale(
    meeting, clerk_client, monkeypatch, django_capture_on_commit_callbacks
):
    from meetings import packs

    real = packs.build
    calls = []

    def replacing(m, progress=None):
        out = real(m, progress)
        if not calls:
            calls.append(1)
            MeetingDocument.objects.filter(title="任免说明").update(title="任免说明（修改稿）")
        return out

    monkeypatch.setattr(packs, "build", replacing)
    with django_capture_on_commit_callbacks(execute=True):
        clerk_client.post(reverse("meeting_pack", args=[meeting.pk]))
    jobs = list(PackJob.objects.filter(meeting=meeting).order_by("pk"))
    assert jobs[0].status == "失败" and "汇编期间有材料被修改或替换" in jobs[0].error
    assert not jobs[0].file
    assert len(jobs) == 2 and jobs[1].status in ("排队中", "已完成")


def test_who_builds_and_reads_the_pack(
    meeting, leader_client, unit_client, clerk_client, member_client
):
    url = reverse("meeting_pack", args=[meeting.pk])
    assert leader_client.post(url).status_code == 403
    assert unit_client.post(url).status_code == 403
    assert member_client.post(url).status_code == 403
    assert unit_client.get(reverse("member_pack", args=[meeting.pk])).status_code == 403
    assert not PackJob.objects.exists()
    # Nothing built yet: 404, for staff and for the member alike.
    assert clerk_client.get(url).status_code == 404
    assert member_client.get(reverse("member_pack", args=[meeting.pk])).status_code == 404
    assert clerk_client.delete(url).status_code == 405
    other = Meeting.objects.create(kind="主任会议", term=18, seq=41, date=D(2025, 6, 10))
    assert member_client.get(reverse("member_pack", args=[other.pk])).status_code == 404
