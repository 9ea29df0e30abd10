"""年度归档 as staff ask for it: one zip built in the background, downloaded from the reports
page; nobody else asks for it or reads it."""

import io
import zipfile

import pytest
from django.urls import reverse

from congress.review.models import ArchiveJob
from proposals.models import AssignmentLetter
from tests import factories as f


@pytest.fixture
def year_with_a_letter(db, unit):
    lead = f.deputy("张明")
    s = f.suggestion("第1号", lead, state="办理中", lead_unit=unit)
    letter = AssignmentLetter.objects.create(
        number="安人常办〔2025〕1号", unit=unit, date=f.D(2025, 2, 1)
    )
    letter.suggestions.set([s])
    return letter


def test_staff_build_the_archive_and_download_it(
    year_with_a_letter, clerk_client, leader_client, unit_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk_client.post(reverse("archive_request"), {"year": "2025"})
    assert response.status_code == 302
    job = ArchiveJob.objects.get()
    assert job.status == ArchiveJob.Status.DONE and job.files >= 4
    page = clerk_client.get(reverse("reports") + "?year=2025").content.decode()
    assert reverse("archive_download", args=[job.pk]) in page
    download = clerk_client.get(reverse("archive_download", args=[job.pk]))
    assert download.status_code == 200
    data = b"".join(download.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
    assert "交办函/安人常办〔2025〕1号.pdf" in names and "索引.csv" in names
    # Leadership reads it too; a unit never.
    assert leader_client.get(reverse("archive_download", args=[job.pk])).status_code == 200
    assert unit_client.get(reverse("archive_download", args=[job.pk])).status_code == 403


def test_asking_twice_joins_the_waiting_job(db, clerk, clerk_client, settings):
    from congress.review.services import request_archive

    waiting = ArchiveJob.objects.create(year=2025, requested_by=clerk)
    job, created = request_archive(2025, clerk)
    assert job == waiting and not created and ArchiveJob.objects.count() == 1


def test_a_bad_year_changes_nothing(db, clerk_client):
    response = clerk_client.post(reverse("archive_request"), {"year": "20255"}, follow=True)
    assert "年度无效" in response.content.decode()
    assert not ArchiveJob.objects.exists()


def test_units_neither_ask_for_nor_read_the_archive(
    year_with_a_letter, clerk, clerk_client, unit_client
):
    job = ArchiveJob.objects.create(year=2025, requested_by=clerk, status="已完成")
    assert unit_client.post(reverse("archive_request"), {"year": "2025"}).status_code == 403
    assert unit_client.get(reverse("archive_download", args=[job.pk])).status_code == 403
    assert ArchiveJob.objects.count() == 1
    assert clerk_client.get(reverse("archive_request")).status_code == 405
    # Done but without its file, or not there at all: 404.
    assert clerk_client.get(reverse("archive_download", args=[job.pk])).status_code == 404
    assert clerk_client.get(reverse("archive_download", args=[999999])).status_code == 404
