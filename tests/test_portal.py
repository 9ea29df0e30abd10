"""承办单位门户: a unit sees and answers only its own items."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from proposals import services
from proposals.models import Suggestion
from tests import factories as f

D = f.D
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def assigned(db, clerk, unit, other_unit):
    lead = f.deputy()
    mine = services.assign(
        services.submit(f.suggestion("第1号", lead, title="城乡公交优化"), clerk),
        clerk,
        lead_unit=unit,
        assigned=D(2025, 1, 20),
    )
    theirs = services.assign(
        services.submit(f.suggestion("第2号", lead, title="学校扩建"), clerk),
        clerk,
        lead_unit=other_unit,
        assigned=D(2025, 1, 20),
    )
    assisting = services.assign(
        services.submit(f.suggestion("第3号", lead, title="老旧小区"), clerk),
        clerk,
        lead_unit=other_unit,
        assist_units=[unit],
        assigned=D(2025, 1, 20),
    )
    return mine, theirs, assisting


def test_portal_lists_only_the_units_items(unit_client, assigned):
    text = unit_client.get(reverse("portal")).content.decode()
    assert "城乡公交优化" in text and "老旧小区" in text
    assert "学校扩建" not in text


def test_another_units_item_is_404(unit_client, assigned):
    _mine, theirs, _ = assigned
    assert unit_client.get(reverse("portal_detail", args=[theirs.pk])).status_code == 404
    response = unit_client.post(
        reverse("portal_action", args=[theirs.pk, "reply"]),
        {"date": "2025-02-01", "result": "A", "text": "x"},
    )
    assert response.status_code == 404
    assert Suggestion.objects.get(pk=theirs.pk).state == "办理中"
    assert unit_client.get(reverse("suggestion_reply_file", args=[theirs.pk])).status_code == 404


def test_isolation_both_ways(client, assigned, unit_user, other_unit_user):
    mine, theirs, _ = assigned
    client.force_login(other_unit_user)
    assert client.get(reverse("portal_detail", args=[theirs.pk])).status_code == 200
    assert client.get(reverse("portal_detail", args=[mine.pk])).status_code == 404


def test_unit_cannot_open_staff_pages(unit_client, assigned):
    mine = assigned[0]
    assert unit_client.get(reverse("suggestions_list")).status_code == 403
    assert unit_client.get(reverse("suggestions_detail", args=[mine.pk])).status_code == 403
    assert unit_client.get(reverse("meetings_list")).status_code == 403


def test_staff_cannot_use_the_portal(clerk_client):
    assert clerk_client.get(reverse("portal")).status_code == 403


def test_reply_with_an_attachment(unit_client, assigned):
    mine = assigned[0]
    upload = SimpleUploadedFile("答复.pdf", PDF, content_type="application/pdf")
    response = unit_client.post(
        reverse("portal_action", args=[mine.pk, "reply"]),
        {"date": "2025-03-01", "result": "A", "text": "已优化公交线路3条", "file": upload},
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.state == "已答复" and mine.result == "A"
    download = unit_client.get(reverse("suggestion_reply_file", args=[mine.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_reply_with_a_disguised_file_is_refused(unit_client, assigned):
    mine = assigned[0]
    upload = SimpleUploadedFile("答复.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = unit_client.post(
        reverse("portal_action", args=[mine.pk, "reply"]),
        {"date": "2025-03-01", "result": "A", "text": "x", "file": upload},
    )
    assert response.status_code == 400
    assert "文件内容与类型不符" in response.content.decode()
    mine.refresh_from_db()
    assert mine.state == "办理中"


def test_assisting_unit_sees_but_cannot_answer(unit_client, assigned):
    assisting = assigned[2]
    page = unit_client.get(reverse("portal_detail", args=[assisting.pk])).content.decode()
    assert "老旧小区" in page and "答复</button>" not in page
    response = unit_client.post(
        reverse("portal_action", args=[assisting.pk, "reply"]),
        {"date": "2025-02-01", "result": "A", "text": "x"},
    )
    assert response.status_code == 400
    assert "只有主办单位" in response.content.decode()


def test_return_with_reason_goes_back_to_staff(unit_client, assigned, monkeypatch):
    import datetime

    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2025, 1, 22))
    mine = assigned[0]
    empty = unit_client.post(reverse("portal_action", args=[mine.pk, "return"]), {"reason": ""})
    assert empty.status_code == 400 and "这个字段是必填项" in empty.content.decode()
    response = unit_client.post(
        reverse("portal_action", args=[mine.pk, "return"]), {"reason": "应由区交通运输局办理"}
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.state == "待交办" and mine.returned_reason == "应由区交通运输局办理"
    assert unit_client.get(reverse("portal_detail", args=[mine.pk])).status_code == 404


def test_unknown_action_is_404_and_get_is_405(unit_client, assigned):
    mine = assigned[0]
    assert unit_client.post(reverse("portal_action", args=[mine.pk, "close"])).status_code == 404
    assert unit_client.get(reverse("portal_action", args=[mine.pk, "reply"])).status_code == 405


def test_unit_reports_on_its_review_opinion(unit_client, unit, other_unit, db):
    from oversight.models import ReviewOpinion

    mine = ReviewOpinion.objects.create(
        name="就业审议意见", date=f.D(2025, 3, 1), body=unit.name, unit=unit
    )
    theirs = ReviewOpinion.objects.create(
        name="教育审议意见", date=f.D(2025, 3, 1), body="区教育局", unit=other_unit
    )
    page = unit_client.get(reverse("portal_opinions")).content.decode()
    assert "就业审议意见" in page and "教育审议意见" not in page
    assert unit_client.get(reverse("portal_opinion", args=[theirs.pk])).status_code == 404
    empty = unit_client.post(reverse("portal_opinion", args=[mine.pk]), {"date": "2025-05-01"})
    assert empty.status_code == 400 and "请填写研究处理情况或上传报告文件" in empty.content.decode()
    upload = SimpleUploadedFile("报告.pdf", PDF, content_type="application/pdf")
    done = unit_client.post(
        reverse("portal_opinion", args=[mine.pk]),
        {"date": "2025-05-01", "text": "已逐条整改", "file": upload},
    )
    assert done.status_code == 302
    mine.refresh_from_db()
    assert mine.state == "已报告" and mine.report_date == f.D(2025, 5, 1)
    again = unit_client.post(
        reverse("portal_opinion", args=[mine.pk]), {"date": "2025-05-02", "text": "再报"}
    )
    assert again.status_code == 400 and "不能再提交报告" in again.content.decode()
    assert unit_client.get(reverse("opinion_report_file", args=[mine.pk])).status_code == 200
    assert unit_client.get(reverse("opinion_report_file", args=[theirs.pk])).status_code == 404


def test_a_reply_class_is_chosen_never_assumed(unit_client, assigned):
    mine, _theirs, _ = assigned
    page = unit_client.get(reverse("portal_detail", args=[mine.pk])).content.decode()
    select = page[page.index('name="result"') :]
    select = select[: select.index("</select>")]
    assert '<option value="" selected>请选择答复类别</option>' in select
    unit_client.post(reverse("portal_action", args=[mine.pk, "accept"]))
    refused = unit_client.post(
        reverse("portal_action", args=[mine.pk, "reply"]), {"date": "2025-02-01", "text": "已研究"}
    )
    assert "请选择答复类别" in refused.content.decode()
    mine.refresh_from_db()
    assert mine.state == "办理中" and mine.result == ""


def test_the_units_opinions_are_the_oversight_apps_own_portal_page(
    unit_client, unit, other_unit, db
):
    from oversight.models import ReviewOpinion

    D_ = D(2025, 3, 5)
    mine = ReviewOpinion.objects.create(name="本单位的意见", date=D_, body="区政府", unit=unit)
    ReviewOpinion.objects.create(name="他单位的意见", date=D_, body="区政府", unit=other_unit)
    page = unit_client.get(reverse("portal_opinions")).content.decode()
    assert "本单位的意见" in page and "他单位的意见" not in page
    assert reverse("portal_opinion", args=[mine.pk]) in page
    # The unit's home links to it (declared by the oversight app), the suggestions' portal no more.
    assert reverse("portal_opinions") in unit_client.get("/").content.decode()
    assert "本单位的意见" not in unit_client.get(reverse("portal")).content.decode()


def test_staff_have_no_unit_portal_of_opinions(clerk_client):
    assert clerk_client.get(reverse("portal_opinions")).status_code == 403
    assert clerk_client.post(reverse("portal_opinions")).status_code == 405


def test_the_portal_opens_on_this_year_with_earlier_years_still_open(unit_client, assigned):
    from django.utils import timezone

    this_year = timezone.localdate().year
    mine, _theirs, assisting = assigned  # 2025, 办理中
    Suggestion.objects.filter(pk=assisting.pk).update(state=Suggestion.State.CLOSED)
    page = unit_client.get(reverse("portal")).content.decode()
    assert f"{this_year}年度及往年未办结" in page
    # Last year's item still being handled stays in view; last year's closed one does not.
    assert "城乡公交优化" in page and "老旧小区" not in page
    every = unit_client.get(reverse("portal"), {"year": ""}).content.decode()
    assert "全部年度" in every and "城乡公交优化" in every and "老旧小区" in every
    that_year = unit_client.get(reverse("portal"), {"year": "2025"}).content.decode()
    assert "2025年度" in that_year and "老旧小区" in that_year
    assert unit_client.get(reverse("portal"), {"year": "²"}).status_code == 400
