"""The annual report job and its pages: the PDF and Word files, the safe fetcher, the text's
editor and preview."""

import io
import os
import re
import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from congress.review.models import ReportJob, ReportText
from congress.review.render import FetchRefused, allowed_file, restricted_fetcher
from congress.review.services import request_report
from congress.review.tasks import claim, render_annual_report

S = ReportJob.Status


def _text(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [re.sub(r"\s+", "", page.extract_text()) for page in reader.pages]


HOSTILE_TEXT = (
    "# 一、总体情况\n\n开篇<script>alert(1)</script>第一段。\n\n"
    "全年召开常委会会议{{常委会会议}}。\n\n# 二、空的一章\n\n# 三、附录\n\n{{附表:决议决定}}\n"
)


@pytest.fixture
def done_job(known_year, leader, django_capture_on_commit_callbacks):
    ReportText.objects.create(
        year=2025, title="2025年工作综述", subtitle="副标题", text=HOSTILE_TEXT
    )
    with django_capture_on_commit_callbacks(execute=True):
        job, created = request_report(2025, leader)
    assert created
    job.refresh_from_db()
    return job


def test_report_holds_the_text_and_print_features(done_job):
    assert done_job.status == S.DONE, done_job.error
    assert done_job.progress == 100 and done_job.pages >= 3
    assert len(done_job.checksum) == 64 and done_job.gather_ms is not None
    reader, pages = _text(done_job.pdf.read())
    text = "".join(pages)
    assert "全年召开常委会会议3次。" in text
    assert "—" not in pages[0] and pages[1] == ""  # the cover and its blank back: no number
    assert "—1—" in pages[2]  # the text starts on page 1
    assert reader.metadata.title == "2025年工作综述"
    assert reader.metadata.author == "安州区人大常委会"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == ["一、总体情况", "三、附录"]  # a heading with nothing under it is dropped
    assert "二、空的一章" not in text
    assert "<script>" in text  # staff text is shown as text, never as markup
    assert "决议决定（1项）" in text and "决定一" in text  # the appendix table
    fonts = {
        str(f["/BaseFont"])
        for page in reader.pages
        for f in (page.get("/Resources", {}).get("/Font", {}) or {}).values()
        if "/BaseFont" in f.get_object()
    }
    assert any("+" in f for f in fonts)  # embedded as subsets (ABCDEF+Font)


def test_the_word_copy_holds_the_same_text(done_job):
    from docx import Document

    doc = Document(io.BytesIO(done_job.docx.read()))
    paragraphs = [p.text for p in doc.paragraphs]
    assert "全年召开常委会会议3次。" in paragraphs
    assert "开篇<script>alert(1)</script>第一段。" in paragraphs
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["一、总体情况", "三、附录"]
    assert doc.tables and doc.tables[0].rows[1].cells[0].text == "决定一"


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
    assert fetcher.fetch(css.as_uri()).read() == css.read_bytes()


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

    monkeypatch.setattr("congress.review.render.render_pdf", broken)
    job = ReportJob.objects.create(year=2025)
    assert render_annual_report.apply(args=[job.pk]).get() == "failed"
    job.refresh_from_db()
    assert job.status == S.FAILED and "字体缺失" in job.error
    # A later request starts afresh.
    assert request_report(2025, None)[1] is True


def test_transient_errors_are_retried(known_year, monkeypatch):
    from django.db import OperationalError

    from congress.review import render

    real = render.render_pdf
    calls = []

    def flaky(context):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection")
        return real(context)

    monkeypatch.setattr("congress.review.render.render_pdf", flaky)
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
    assert status["status"] == "已完成" and status["url"] and status["docx"]
    assert "下载 Word" in page
    docx = client.get(reverse("report_download_docx", args=[done_job.pk]))
    assert docx.status_code == 200 and b"".join(docx.streaming_content).startswith(b"PK")
    pdf = client.get(reverse("report_download", args=[done_job.pk]))
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    client.force_login(unit_user)
    assert client.get(reverse("reports")).status_code == 403
    assert client.get(reverse("report_download", args=[done_job.pk])).status_code == 403
    assert client.get(reverse("report_download_docx", args=[done_job.pk])).status_code == 403


def test_unfinished_job_has_no_download(clerk_client, known_year):
    job = ReportJob.objects.create(year=2025, status=S.RUNNING)
    assert clerk_client.get(reverse("report_download", args=[job.pk])).status_code == 404
    assert clerk_client.get(reverse("report_download_docx", args=[job.pk])).status_code == 404
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


def test_text_edit_and_preview(client, clerk, leader, known_year):
    url = reverse("report_text", args=[2025])
    client.force_login(clerk)
    page = client.get(url).content.decode()
    # No text saved yet: the built-in default is offered, its figures already the year's.
    assert "常委会会议{{常委会会议|数}}次" in page
    data = {
        "title": "标题",
        "subtitle": "",
        "date": "",
        "text": "我们的开篇<b>粗体</b>，{{决议决定}}。",
    }
    assert client.post(url, data).status_code == 302
    bad = client.post(url, {**data, "text": "第一行\n\n召开{{常委会会义}}次\n\n{{办结率|余}}"})
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "第3行：未知的统计数字“常委会会义”" in html and "第5行：“办结率”是比率" in html
    assert ReportText.objects.get(year=2025).text == data["text"]  # nothing saved
    client.force_login(leader)
    assert client.post(url, data).status_code == 403
    preview = client.get(reverse("report_preview", args=[2025])).content.decode()
    assert "我们的开篇&lt;b&gt;粗体&lt;/b&gt;，" in preview
    # Every figure in the preview is a link to the records behind it.
    link = re.search(r'<a class="figure" href="([^"]+)"[^>]*>1项</a>', preview).group(1)
    listing = client.get(link.replace("&amp;", "&")).content.decode()
    assert re.search(r"data-count>1<", listing)
    assert client.get(reverse("report_preview", args=[1066])).status_code == 404
    client.force_login(clerk)
    saved = client.post(url, {**data, "text": "第二稿{{决议决定}}。"})
    assert saved.status_code == 302
    history = client.get(url).content.decode()
    assert "修改记录" in history and "正文" in history and "录入员" in history


def test_live_preview_answers_with_html_or_errors(clerk_client, leader_client, known_year):
    url = reverse("report_text_preview", args=[2025])
    good = clerk_client.post(
        url, {"text": "# 一、概况\n\n召开常委会会议{{常委会会议|数}}次。"}
    ).json()
    assert good["ok"] and "召开常委会会议" in good["html"] and ">3</a>次" in good["html"]
    bad = clerk_client.post(url, {"text": "一\n\n{{常委会会议"}).json()
    assert not bad["ok"] and bad["errors"][0]["line"] == 3 and "闭合" in bad["errors"][0]["message"]
    assert clerk_client.get(url).status_code == 405
    # Leadership reads the text (and may preview it) but never saves it.
    assert leader_client.post(url, {"text": "x"}).json()["ok"]
    assert (
        clerk_client.post(reverse("report_text_preview", args=[99999]), {"text": ""}).status_code
        == 404
    )


def test_annual_report_command(known_year, tmp_path):
    out = tmp_path / "report.pdf"
    call_command("annual_report", "--year", "2025", "--output", str(out))
    _reader, pages = _text(out.read_bytes())
    assert "召开常委会会议3次" in "".join(pages)
    from docx import Document

    word = tmp_path / "report.docx"
    call_command("annual_report", "--year", "2025", "--output", str(word))
    assert any("召开常委会会议3次" in p.text for p in Document(word).paragraphs)
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=".pdf 或 .docx"):
        call_command("annual_report", "--year", "2025", "--output", str(tmp_path / "x.txt"))


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
