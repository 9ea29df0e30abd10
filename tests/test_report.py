"""The annual report: its text, its print features, the safe fetcher and the job."""

import io
import os
import re
import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from congress.figures import compute_year
from congress.models import ReportDraft, ReportJob
from congress.overview import overview_sentences
from congress.report.render import FetchRefused, allowed_file, restricted_fetcher
from congress.services import request_report
from congress.tasks import claim, render_annual_report

S = ReportJob.Status


def _text(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [re.sub(r"\s+", "", page.extract_text()) for page in reader.pages]


@pytest.fixture
def done_job(known_year, leader, django_capture_on_commit_callbacks):
    ReportDraft.objects.create(
        year=2025,
        intro="开篇<script>alert(1)</script>第一段。\n第二段。",
        politics_text="政治\x0b建设\r\n第二段",
    )
    with django_capture_on_commit_callbacks(execute=True):
        job, created = request_report(2025, leader)
    assert created
    job.refresh_from_db()
    return job


def test_report_holds_the_overview_and_print_features(done_job):
    assert done_job.status == S.DONE, done_job.error
    assert done_job.progress == 100 and done_job.pages >= 5
    assert len(done_job.checksum) == 64 and done_job.gather_ms is not None
    reader, pages = _text(done_job.pdf.read())
    text = "".join(pages)
    for sentence in overview_sentences(compute_year(2025)):
        assert re.sub(r"\s+", "", sentence) in text
    assert "第1页" not in pages[0]  # no footer on the cover
    assert "第2页/共" in pages[1]
    assert "安州区人大常委会·2025年度工作综述" in pages[1]  # running header
    assert reader.metadata.title == "安州区人大常委会2025年度工作综述"
    assert reader.metadata.author == "安州区人大常委会"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "一、总体情况" in titles and any(t.startswith("附录") for t in titles)
    assert "<script>" in text  # staff text is shown as text, never as markup
    fonts = {
        str(f["/BaseFont"])
        for page in reader.pages
        for f in (page.get("/Resources", {}).get("/Font", {}) or {}).values()
        if "/BaseFont" in f.get_object()
    }
    assert any("+" in f for f in fonts)  # embedded as subsets (ABCDEF+Font)


def test_the_fetcher_refuses_anything_outside_static(settings):
    css = settings.STATICFILES_DIRS[0] / "css" / "report.css"
    assert allowed_file(css.as_uri()) == css.resolve()
    fetcher = restricted_fetcher()
    for url in (
        "http://example.org/logo.png",
        "https://127.0.0.1/x.css",
        "file:///etc/passwd",
        css.as_uri() + "/../../../../etc/passwd",
        "ftp://example.org/x",
    ):
        with pytest.raises((FetchRefused, ValueError)):
            fetcher.fetch(url)
    assert fetcher.fetch(css.as_uri()).read().startswith(b"@page")


def test_asking_again_while_running_joins_the_job(known_year, leader):
    running = ReportJob.objects.create(year=2025, status=S.RUNNING)
    job, created = request_report(2025, leader)
    assert job == running and not created
    assert ReportJob.objects.filter(year=2025).count() == 1


def test_a_duplicated_task_does_no_work_twice(known_year):
    job = ReportJob.objects.create(year=2025)
    assert claim(job.pk) is True
    assert claim(job.pk) is False
    assert render_annual_report.apply(args=[job.pk]).get() == "skipped"


def test_failure_is_recorded_on_the_job(known_year, monkeypatch):
    def broken(context):
        raise RuntimeError("字体缺失")

    monkeypatch.setattr("congress.report.render.render_pdf", broken)
    job = ReportJob.objects.create(year=2025)
    assert render_annual_report.apply(args=[job.pk]).get() == "failed"
    job.refresh_from_db()
    assert job.status == S.FAILED and "字体缺失" in job.error
    # A later request starts afresh.
    assert request_report(2025, None)[1] is True


def test_transient_errors_are_retried(known_year, monkeypatch):
    from django.db import OperationalError

    from congress.report import render

    real = render.render_pdf
    calls = []

    def flaky(context):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection")
        return real(context)

    monkeypatch.setattr("congress.report.render.render_pdf", flaky)
    monkeypatch.setattr(render_annual_report, "retry", _eager_retry(render_annual_report))
    job = ReportJob.objects.create(year=2025)
    render_annual_report.apply(args=[job.pk])
    job.refresh_from_db()
    assert job.status == S.DONE and job.attempts == 2


def _eager_retry(task):
    """Run the retry at once (the countdown is a worker's business)."""

    def retry(exc=None, countdown=None, **kwargs):
        task.request.retries += 1
        return task.run(*task.request.args)

    return retry


def test_report_pages_for_each_role(client, done_job, clerk, unit_user):
    client.force_login(clerk)
    page = client.get(reverse("reports") + "?year=2025").content.decode()
    assert "生成年度报告" in page and "下载 PDF" in page
    status = client.get(reverse("report_status", args=[done_job.pk])).json()
    assert status["status"] == "已完成" and status["url"]
    pdf = client.get(reverse("report_download", args=[done_job.pk]))
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    client.force_login(unit_user)
    assert client.get(reverse("reports")).status_code == 403
    assert client.get(reverse("report_download", args=[done_job.pk])).status_code == 403


def test_unfinished_job_has_no_download(clerk_client, known_year):
    job = ReportJob.objects.create(year=2025, status=S.RUNNING)
    assert clerk_client.get(reverse("report_download", args=[job.pk])).status_code == 404
    assert clerk_client.get(reverse("report_status", args=[999])).status_code == 404
    assert clerk_client.post(reverse("report_status", args=[job.pk])).status_code == 405


def test_leader_generates_and_bad_year_is_refused(
    leader_client,
    known_year,
    django_capture_on_commit_callbacks,
):
    bad = leader_client.post(reverse("reports"), {"year": "abc"})
    assert bad.status_code == 400 and "输入整数" in bad.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = leader_client.post(reverse("reports"), {"year": "2025"})
    assert response.status_code == 302
    assert ReportJob.objects.get().status == S.DONE


def test_draft_and_preview(client, clerk, leader, known_year):
    url = reverse("report_draft", args=[2025])
    client.force_login(clerk)
    clerk_client = client
    assert clerk_client.get(url).status_code == 200
    data = {
        "title": "标题",
        "intro": "我们的开篇<b>粗体</b>",
        "politics_heading": "一",
        "oversight_heading": "二",
        "law_heading": "三",
        "deputies_heading": "四",
        "self_heading": "五",
    }
    assert clerk_client.post(url, data).status_code == 302
    client.force_login(leader)
    leader_client = client
    assert leader_client.post(url, data).status_code == 403
    preview = leader_client.get(reverse("report_preview", args=[2025])).content.decode()
    assert "我们的开篇&lt;b&gt;粗体&lt;/b&gt;" in preview
    assert overview_sentences(compute_year(2025))[1] in preview
    assert leader_client.get(reverse("report_preview", args=[1066])).status_code == 404


def test_annual_report_command(known_year, tmp_path):
    out = tmp_path / "report.pdf"
    call_command("annual_report", "--year", "2025", "--output", str(out))
    _reader, pages = _text(out.read_bytes())
    assert "召开常委会会议3次" in "".join(pages)


@pytest.mark.real_worker
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (CI sets it)")
def test_the_report_through_a_real_worker(known_year):
    from celery.contrib.testing.worker import start_worker

    from congress.celery import app

    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        job, _ = request_report(2025, None)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if not job.active:
                break
            time.sleep(0.5)
    assert job.status == S.DONE, job.error
    assert job.pdf.read().startswith(b"%PDF")
