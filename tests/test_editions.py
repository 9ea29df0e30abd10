"""签发: a year's review issued as printed; changing a record of that year asks for
confirmation; the review page lists the changes since issue and the figures that moved; the
issued copy stays as it was; issuing again makes the next edition."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from congress.review.editions import issue
from congress.review.gather import checksum, gather
from congress.review.models import Edition, ReportJob
from meetings.models import Meeting

D = datetime.date
YEAR = 2025


def _report(pdf: bytes = b"%PDF-1.4 first\n%%EOF\n") -> ReportJob:
    """A finished report of the year as the job leaves it (its checksum of the data now)."""
    job = ReportJob(year=YEAR, status="已完成", checksum=checksum(gather(YEAR)))
    job.pdf.save("r.pdf", ContentFile(pdf), save=False)
    job.docx.save("r.docx", ContentFile(b"PK\x03\x04 first"), save=False)
    job.save()
    return job


@pytest.fixture
def meeting(db):
    return Meeting.objects.create(
        kind="常委会会议", term=18, seq=20, date=D(YEAR, 3, 18), place="机关会议室"
    )


def _edit(client, meeting, **extra):
    data = {
        "kind": meeting.kind,
        "term": meeting.term,
        "seq": meeting.seq,
        "date": meeting.date.isoformat(),
        "time": "",
        "place": "区政务中心",
        "guests": "",
        "notes": "",
        "name": meeting.name,
        "_version": Meeting.objects.get(pk=meeting.pk).version,
        "agenda-TOTAL_FORMS": "0",
        "agenda-INITIAL_FORMS": "0",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        **extra,
    }
    return client.post(reverse("meetings_edit", args=[meeting.pk]), data)


def test_issue_needs_a_report_that_still_says_what_the_system_says(clerk_client, meeting):
    url = reverse("edition_issue", args=[YEAR])
    page = clerk_client.post(url, follow=True).content.decode()
    assert "2025年度报告尚未生成" in page and not Edition.objects.exists()
    _report()
    Meeting.objects.create(kind="常委会会议", term=18, seq=21, date=D(YEAR, 6, 1))
    stale = clerk_client.post(url, follow=True).content.decode()
    assert "请重新生成报告" in stale and not Edition.objects.exists()
    _report()
    clerk_client.post(url)
    edition = Edition.objects.get()
    assert (edition.number, edition.year) == (1, YEAR)
    assert edition.figures["常委会会议"] == "2"


def test_after_issue_a_change_asks_first_and_is_listed_with_the_figure_it_moved(
    clerk, clerk_client, meeting
):
    _report()
    issue(YEAR, clerk)
    refused = _edit(clerk_client, meeting)
    assert refused.status_code == 409
    assert "签发（第1版）" in refused.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).place == "机关会议室"
    assert _edit(clerk_client, meeting, _confirmed="1").status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).place == "区政务中心"
    # A new record of the year moves a figure; a record of another year asks nothing.
    new = {
        "kind": "常委会会议",
        "term": 18,
        "seq": 22,
        "date": "2025-09-01",
        "agenda-TOTAL_FORMS": "0",
        "agenda-INITIAL_FORMS": "0",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    assert clerk_client.post(reverse("meetings_create"), new).status_code == 409
    assert (
        clerk_client.post(reverse("meetings_create"), {**new, "_confirmed": "1"}).status_code == 302
    )
    other = {**new, "seq": 23, "date": "2026-01-05"}
    assert clerk_client.post(reverse("meetings_create"), other).status_code == 302
    page = clerk_client.get(reverse("reports"), {"year": YEAR}).content.decode()
    changes = page[page.index("data-changes") :]
    changes = changes[: changes.index("</table>")]
    from congress.records.history import person

    # The edit and the new meeting of 2025 (the header row is the third); not the 2026 one.
    assert changes.count("<tr>") == 3 and person(clerk) in changes
    assert "修改" in changes and "新建" in changes
    moved = page[page.index("data-moved") : page.index("data-changes")]
    assert "常委会会议" in moved and ">1<" in moved and ">2<" in moved


def test_moving_a_record_out_of_an_issued_year_asks_too(clerk, clerk_client, meeting):
    _report()
    issue(YEAR, clerk)
    moved = _edit(clerk_client, meeting, date="2026-03-18")
    assert moved.status_code == 409 and Meeting.objects.get(pk=meeting.pk).date.year == YEAR


def test_deleting_a_record_of_an_issued_year_asks_first(clerk, clerk_client, meeting):
    _report()
    issue(YEAR, clerk)
    url = reverse("meetings_delete", args=[meeting.pk])
    assert "签发（第1版）" in clerk_client.get(url).content.decode()
    assert clerk_client.post(url).status_code == 409 and Meeting.objects.filter(pk=meeting.pk)
    clerk_client.post(url, {"_confirmed": "1"})
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_issued_copy_stays_and_issuing_again_makes_the_next_edition(
    clerk, clerk_client, leader_client, unit_client, meeting
):
    _report()
    first = issue(YEAR, clerk)
    Meeting.objects.create(kind="常委会会议", term=18, seq=24, date=D(YEAR, 10, 1))
    _report(b"%PDF-1.4 second\n%%EOF\n")
    second = issue(YEAR, clerk)
    assert second.number == 2
    got = leader_client.get(reverse("edition_download", args=[first.pk, "pdf"]))
    assert b"".join(got.streaming_content) == b"%PDF-1.4 first\n%%EOF\n"
    word = clerk_client.get(reverse("edition_download", args=[first.pk, "docx"]))
    assert b"".join(word.streaming_content).startswith(b"PK")
    page = clerk_client.get(reverse("reports"), {"year": YEAR}).content.decode()
    assert "第2版" in page and "第1版" in page and "重新签发（第 3 版）" in page
    # Who may do what.
    assert leader_client.post(reverse("edition_issue", args=[YEAR])).status_code == 403
    assert clerk_client.get(reverse("edition_issue", args=[YEAR])).status_code == 405
    assert unit_client.get(reverse("edition_download", args=[first.pk, "pdf"])).status_code == 403
    assert clerk_client.get(reverse("edition_download", args=[999999, "pdf"])).status_code == 404
    assert clerk_client.get(reverse("edition_download", args=[first.pk, "exe"])).status_code == 404
    assert clerk_client.post(reverse("edition_issue", args=[1800])).status_code == 404
    assert Edition.objects.count() == 2


def test_a_ledger_that_changes_an_issued_year_says_so_before_it_is_confirmed(clerk):
    from congress.ledger.importer import import_workbook
    from tests.ledgerbook import MEETING, book

    _report()
    issue(YEAR, clerk)
    rows = {"会议": [MEETING, ["常委会会议", "会一", "2025-09-18", 18, 30, ""]]}
    checked = import_workbook(book(rows), dry_run=True)
    assert checked.ok and any("签发（第1版）" in w for w in checked.warnings)
    other_year = {"会议": [MEETING, ["常委会会议", "会二", "2026-02-18", 18, 31, ""]]}
    assert not import_workbook(book(other_year), dry_run=True).warnings


def test_the_reviews_own_text_edited_after_issue_is_listed_too(clerk, clerk_client, meeting):
    from congress.review.editions import changes_since
    from congress.review.models import ReportText

    text = ReportText.objects.create(year=YEAR, title="2025年工作综述", text="全年召开会议。")
    _report()
    edition = issue(YEAR, clerk)
    assert changes_since(edition) == []
    text.text = "全年召开常委会会议。"
    text.save()
    (change,) = changes_since(edition)
    assert (change.kind, change.type) == ("年度工作综述文稿", "修改")
    assert change.link == reverse("report_text", args=[YEAR])
