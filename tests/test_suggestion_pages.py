"""The staff's suggestion pages: registration, the workflow buttons, lists and their filters."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from proposals import services
from proposals.models import Suggestion
from tests import factories as f

D = f.D


def test_register_a_suggestion(clerk_client, db):
    lead, co = f.deputy("张明"), f.deputy("李红", sex="女")
    response = clerk_client.post(
        reverse("suggestions_create"),
        {
            "number": "第12号",
            "kind": "代表建议",
            "title": "关于优化城乡公交线路的建议",
            "text": "建议增加班次",
            "date": "2025-01-10",
            "lead": lead.pk,
            "cosigners": [co.pk],
        },
    )
    assert response.status_code == 302
    s = Suggestion.objects.get()
    assert s.state == "待交办" and s.year == 2025 and list(s.cosigners.all()) == [co]


def test_registration_errors_are_in_chinese_and_save_nothing(clerk_client, db):
    lead = f.deputy()
    f.suggestion("第12号", lead, date=D(2025, 1, 1))
    response = clerk_client.post(
        reverse("suggestions_create"),
        {
            "number": "第12号",
            "kind": "代表建议",
            "title": "",
            "date": "2025-02-30",
            "lead": lead.pk,
            "cosigners": [lead.pk],
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "这个字段是必填项" in text and "输入一个有效的日期" in text
    assert Suggestion.objects.count() == 1
    response = clerk_client.post(
        reverse("suggestions_create"),
        {
            "number": "第12号",
            "kind": "代表建议",
            "title": "重复",
            "date": "2025-03-01",
            "lead": lead.pk,
            "cosigners": [lead.pk],
        },
    )
    text = response.content.decode()
    assert "2025年已有编号为“第12号”的代表建议" in text
    assert "领衔代表不能同时是附议代表" in text
    assert Suggestion.objects.count() == 1


def test_staff_assign_then_illegal_close_shows_the_reason(clerk_client, unit, db, clerk):
    s = services.submit(f.suggestion("1", f.deputy()), clerk)
    response = clerk_client.post(
        reverse("suggestion_action", args=[s.pk, "assign"]),
        {"lead_unit": unit.pk, "assigned": "2025-01-20"},
    )
    assert response.status_code == 302
    s.refresh_from_db()
    assert s.state == "办理中" and s.deadline == D(2025, 4, 20)
    response = clerk_client.post(reverse("suggestion_action", args=[s.pk, "close"]), {})
    assert response.status_code == 400
    assert "当前状态为“办理中”，不能办结" in response.content.decode()
    page = clerk_client.get(reverse("suggestions_detail", args=[s.pk])).content.decode()
    assert "交办" in page and "主办：区住房和城乡建设局" in page


def test_leader_cannot_act(leader_client, unit, db, clerk):
    s = services.submit(f.suggestion("1", f.deputy()), clerk)
    response = leader_client.post(
        reverse("suggestion_action", args=[s.pk, "assign"]),
        {"lead_unit": unit.pk, "assigned": "2025-01-20"},
    )
    assert response.status_code == 403
    assert Suggestion.objects.get().state == "待交办"
    assert leader_client.get(reverse("suggestions_detail", args=[s.pk])).status_code == 200


def test_action_views_404_and_405(clerk_client, db, clerk):
    s = services.submit(f.suggestion("1", f.deputy()), clerk)
    assert clerk_client.post(reverse("suggestion_action", args=[s.pk, "fly"])).status_code == 404
    assert clerk_client.post(reverse("suggestion_action", args=[999, "close"])).status_code == 404
    assert clerk_client.get(reverse("suggestion_action", args=[s.pk, "close"])).status_code == 405


def test_list_filters_by_state_unit_key_and_overdue(clerk_client, db, clerk, unit, other_unit):
    lead = f.deputy()
    a = services.assign(
        services.submit(f.suggestion("1", lead, title="甲建议"), clerk),
        clerk,
        lead_unit=unit,
        assigned=D(2025, 1, 20),
    )
    services.set_key(a, clerk, key=True, leader="陈国强")
    services.submit(f.suggestion("2", lead, title="乙建议"), clerk)
    url = reverse("suggestions_list")

    def titles(**params):
        return clerk_client.get(url, params).content.decode()

    assert "甲建议" in titles(state="办理中") and "乙建议" not in titles(state="办理中")
    assert "乙建议" not in titles(unit=unit.pk)
    assert "甲建议" in titles(unit="住房") and "甲建议" not in titles(unit="教育")
    assert "甲建议" in titles(key="true") and "乙建议" not in titles(key="true")
    assert "甲建议" in titles(overdue="true")  # 2025 deadline long passed
    assert "甲建议" in titles(q="甲")
    assert "没有符合条件的记录" in titles(year=2019)


def test_overdue_redirects_to_the_filtered_list(clerk_client):
    response = clerk_client.get(reverse("suggestions_overdue"))
    assert response.status_code == 302 and "overdue=true" in response["Location"]


def test_unit_table_page(clerk_client, db, clerk, unit):
    s = services.submit(f.suggestion("1", f.deputy()), clerk)
    services.assign(s, clerk, lead_unit=unit, assigned=D(2025, 1, 20))
    text = clerk_client.get(reverse("suggestions_units"), {"year": 2025}).content.decode()
    assert "区住房和城乡建设局" in text


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_query_count_does_not_grow_with_rows(clerk_client, db, clerk, unit):
    lead = f.deputy()
    for i in range(3):
        services.assign(services.submit(f.suggestion(str(i), lead), clerk), clerk, lead_unit=unit)
    _queries(clerk_client, reverse("suggestions_list") + "?year=")  # what a process loads once
    few = _queries(clerk_client, reverse("suggestions_list") + "?year=")
    for i in range(3, 30):
        services.assign(services.submit(f.suggestion(str(i), lead), clerk), clerk, lead_unit=unit)
    assert _queries(clerk_client, reverse("suggestions_list") + "?year=") == few


def test_a_suggestion_registered_in_the_browser_has_its_registration_event(clerk_client, clerk, db):
    from proposals.models import Suggestion
    from tests import factories as f

    lead = f.deputy("张明远")
    response = clerk_client.post(
        "/suggestions/new/",
        {
            "number": "第31号",
            "kind": "代表建议",
            "title": "关于公交站台的建议",
            "date": "2025-01-10",
            "lead": lead.pk,
        },
    )
    assert response.status_code == 302
    s = Suggestion.objects.get(number="第31号")
    assert s.state == "待交办"
    assert list(s.events.values_list("action", "user__username")) == [("登记", "clerk")]


def test_staff_record_the_deputys_words_with_a_dissatisfied_opinion(
    clerk_client, db, unit, unit_user, clerk
):
    """代表意见 in the browser: its date, the reason (required with 不满意) and the signed form."""
    import datetime

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from proposals import services
    from proposals.models import Suggestion
    from tests import factories as fx

    today = datetime.date.today()
    s = services.submit(fx.suggestion("第50号", fx.deputy("黄代表"), date=today), clerk)
    s = services.assign(s, clerk, lead_unit=unit, assigned=today)
    s = services.reply(s, unit_user, unit=unit, date=today, text="已研究。", result="C")
    url = reverse("suggestion_action", args=[s.pk, "opinion"])
    refused = clerk_client.post(url, {"opinion": "不满意", "date": today.isoformat(), "reason": ""})
    assert refused.status_code == 400 and "必须写明不满意的理由" in refused.content.decode()
    assert Suggestion.objects.get(pk=s.pk).state == "已答复"
    done = clerk_client.post(
        url,
        {
            "opinion": "不满意",
            "date": today.isoformat(),
            "reason": "答复未提出解决时限",
            "file": SimpleUploadedFile("征询意见表.pdf", b"%PDF-1.4\n%%EOF\n"),
        },
    )
    assert done.status_code == 302
    s.refresh_from_db()
    assert s.round == 2 and s.opinion_reason == "答复未提出解决时限" and s.opinion_file


def test_the_registration_form_proposes_the_next_number(clerk_client, db):
    from django.urls import reverse
    from django.utils import timezone

    from tests import factories as fx

    lead = fx.deputy("许代表")
    fx.suggestion("第1号", lead, kind="代表建议", date=timezone.localdate())
    fx.suggestion("第2号", lead, kind="代表建议", date=timezone.localdate())
    page = clerk_client.get(reverse("suggestions_create")).content.decode()
    assert 'value="第3号"' in page and "代表建议第3号" in page and "闭会期间建议第1号" in page


def test_the_list_opens_on_this_year_and_every_year_is_one_link_away(clerk_client, db):
    from django.utils import timezone

    today = timezone.localdate()
    lead = f.deputy()
    f.suggestion("第1号", lead, title="去年的建议", date=today.replace(year=today.year - 1, day=1))
    f.suggestion("第2号", lead, title="今年的建议", date=today.replace(day=1))
    page = clerk_client.get(reverse("suggestions_list"), follow=True).content.decode()
    assert f"{today.year}年度" in page
    assert "今年的建议" in page and "去年的建议" not in page
    every = clerk_client.get(reverse("suggestions_list"), {"year": ""}).content.decode()
    assert "全部年度" in every and "今年的建议" in every and "去年的建议" in every


def test_a_detail_page_shows_what_the_record_says_and_names_what_is_still_empty(
    clerk_client, leader_client, db
):
    s = f.suggestion("第1号", f.deputy("张明远"), title="关于路灯的建议")
    page = clerk_client.get(reverse("suggestions_detail", args=[s.pk])).content.decode()
    fields = page[page.index('<dl class="fields">') : page.index("</dl>")]
    assert "张明远" in fields and "答复日期" not in fields and "—" not in fields
    unfilled = page[page.index('class="muted unfilled"') :]
    unfilled = unfilled[: unfilled.index("</p>")]
    assert "答复日期" in unfilled and "领衔代表" not in unfilled
    # A reader is not asked to fill anything.
    read = leader_client.get(reverse("suggestions_detail", args=[s.pk])).content.decode()
    assert "尚未填写" not in read and "张明远" in read


def test_a_number_that_skips_the_sequence_is_saved_and_said(clerk_client, db):
    lead = f.deputy("张明远")
    f.suggestion("第4号", lead)
    data = {"kind": "代表建议", "title": "关于路灯的建议", "date": "2025-03-01", "lead": "张明远"}
    skipped = clerk_client.post(
        reverse("suggestions_create"), {**data, "number": "第8号"}, follow=True
    )
    assert (
        "编号第8号跳过了第5号至第7号：2025年代表建议的下一个编号是第5号。"
        in skipped.content.decode()
    )
    one = clerk_client.post(
        reverse("suggestions_create"),
        {**data, "number": "第10号", "title": "关于公交的建议"},
        follow=True,
    )
    assert "跳过了第9号：" in one.content.decode()
    next_in_line = clerk_client.post(
        reverse("suggestions_create"),
        {**data, "number": "第11号", "title": "关于绿化的建议"},
        follow=True,
    )
    assert "跳过" not in next_in_line.content.decode()
    from proposals.models import Suggestion

    assert Suggestion.objects.count() == 4
