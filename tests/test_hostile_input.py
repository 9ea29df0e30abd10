"""Bad input, tried on every form: a clear Chinese error or a 404, never a 500, nothing written."""

import re

import pytest
from django import forms
from django.urls import reverse

import congress.urls  # noqa: F401 - registers every record kind
from congress.records.kinds import KINDS

SCRIPT = "<script>alert('x')</script>"
CJK = re.compile(r"[\u4e00-\u9fff]")


def hostile_value(field: forms.Field) -> str:
    if isinstance(field, forms.DateField):
        return "2025-13-45"
    if isinstance(field, (forms.IntegerField, forms.DecimalField)):
        return "-99999999999999999999999"
    if isinstance(field, forms.ModelMultipleChoiceField):
        return "999999"
    if isinstance(field, forms.ModelChoiceField):
        return "999999"
    if isinstance(field, forms.BooleanField):
        return "on"
    if isinstance(field, forms.ChoiceField):
        return SCRIPT
    if isinstance(field, forms.FileField):
        return ""
    length = getattr(field, "max_length", None) or 100
    return SCRIPT + "长" * (length + 10)


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(KINDS))
def test_every_create_form_refuses_hostile_values(clerk_client, key):
    kind = KINDS[key]
    form = kind.form()
    data = {name: hostile_value(field) for name, field in form.fields.items()}
    before = kind.model.objects.count()
    response = clerk_client.post(reverse(f"{key}_create"), data)
    assert response.status_code == 400, key
    html = response.content.decode()
    assert "<script>alert" not in html, key
    errors = re.findall(r'<p class="error">([^<]+)</p>', html)
    assert errors, key
    assert all(CJK.search(e) for e in errors), (key, errors)
    assert kind.model.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(KINDS))
def test_every_create_form_requires_its_fields(clerk_client, key):
    kind = KINDS[key]
    before = kind.model.objects.count()
    response = clerk_client.post(reverse(f"{key}_create"), {})
    assert response.status_code == 400
    assert "这个字段是必填项" in response.content.decode()
    assert kind.model.objects.count() == before


@pytest.mark.django_db
def test_script_in_text_is_shown_escaped_everywhere(clerk_client):
    from tests import factories as f

    lead = f.deputy(SCRIPT)
    response = clerk_client.post(
        reverse("suggestions_create"),
        {
            "number": "=1+2",
            "kind": "代表建议",
            "title": SCRIPT,
            "text": SCRIPT,
            "date": "2025-01-10",
            "lead": lead.pk,
        },
    )
    assert response.status_code == 302
    detail = clerk_client.get(response["Location"]).content.decode()
    listing = clerk_client.get(reverse("suggestions_list"), {"year": 2025}).content.decode()
    for html in (detail, listing):
        assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    export = clerk_client.get(reverse("suggestions_list") + "?format=xlsx")
    import io

    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(export.content))["代表建议"]
    assert ws["A2"].data_type == "s" and ws["A2"].value == "=1+2"
    assert ws["B2"].value == SCRIPT


@pytest.mark.django_db
def test_workflow_forms_with_hostile_values(clerk, unit_user, unit):
    from django.test import Client

    from proposals import services
    from tests import factories as f

    clerk_client, unit_client = Client(), Client()
    clerk_client.force_login(clerk)
    unit_client.force_login(unit_user)
    s = services.submit(f.suggestion("1", f.deputy()), clerk)
    r = clerk_client.post(
        reverse("suggestion_action", args=[s.pk, "assign"]),
        {"lead_unit": "999999", "assigned": "0000-00-00"},
    )
    assert r.status_code == 400 and "选择一个有效的选项" in r.content.decode()
    services.assign(s, clerk, lead_unit=unit, assigned=f.D(2025, 1, 20))
    r = unit_client.post(
        reverse("portal_action", args=[s.pk, "reply"]),
        {"date": "1900-01-01", "result": "Z", "text": SCRIPT},
    )
    assert r.status_code == 400
    assert "<script>alert" not in r.content.decode()
    s.refresh_from_db()
    assert s.state == "办理中" and not s.reply_text


ODD_YEARS = ["0", "-1", "99999", "99999999999", "二〇二五", "2025.5"]


@pytest.mark.parametrize("year", ODD_YEARS)
def test_odd_years_are_a_400_never_a_500(clerk_client, year):
    from tests.urlwalk import plain_routes

    for path, _name in plain_routes():
        if path.startswith("/accounts/") or path == "/healthz":
            continue
        response = clerk_client.get(path, {"year": year})
        assert response.status_code == 400, (path, year, response.status_code)
        assert "年度应为" in response.content.decode()


def test_a_nul_byte_in_any_parameter_is_a_400(clerk_client):
    for path in ("/suggestions/", "/meetings/", "/dashboard/", "/portal/", "/ledger/export.xlsx"):
        response = clerk_client.get(path, {"q": "公交\x00"})
        assert response.status_code == 400 and "无效字符" in response.content.decode()


def test_a_date_far_in_the_future_is_a_form_error(clerk_client, db):
    from tests import factories as f

    lead = f.deputy("张明远")
    s = f.suggestion("1", lead, state="待交办", date=f.D(2025, 1, 10))
    from congress.accounts.models import Unit

    unit = Unit.objects.create(name="区水利局")
    response = clerk_client.post(
        f"/suggestions/{s.pk}/do/assign/", {"lead_unit": unit.pk, "assigned": "9999-11-30"}
    )
    assert response.status_code in (200, 302, 400)
    s.refresh_from_db()
    assert s.state == "待交办"
    page = clerk_client.post(
        "/decisions/new/", {"title": "未来", "kind": "决定", "date": "9999-11-30"}
    )
    assert page.status_code == 400 and "日期应在1900年至2100年之间" in page.content.decode()


def test_a_long_upload_name_is_shortened_and_saved(clerk_client, db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meetings.models import MeetingDocument

    name = "很长的文件名" * 40 + ".pdf"  # 244 characters
    upload = SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = clerk_client.post(
        "/meetings/new/",
        {
            "kind": "常委会会议",
            "term": "18",
            "date": "2025-03-18",
            "agenda-TOTAL_FORMS": "0",
            "agenda-INITIAL_FORMS": "0",
            "documents-TOTAL_FORMS": "1",
            "documents-INITIAL_FORMS": "0",
            "documents-0-title": "长名",
            "documents-0-file": upload,
        },
    )
    assert response.status_code == 302, re.findall(
        r"class=\"error[^>]*>([^<]+)", response.content.decode()
    )
    doc = MeetingDocument.objects.get()
    assert len(doc.file.name) <= 100 and doc.file.name.endswith(".pdf")
    assert doc.file.storage.exists(doc.file.name)


def test_a_duplicate_save_answers_with_the_form_not_a_500(clerk_client, db, monkeypatch):
    """The second of two simultaneous saves meets the first's unique key in the database."""
    from meetings.forms import DecisionForm
    from meetings.models import Decision

    Decision.objects.create(title="关于重复提交的决定", date=f_date())
    # As when both requests passed validation before either was written.
    monkeypatch.setattr(DecisionForm, "validate_unique", lambda self: None)
    response = clerk_client.post(
        "/decisions/new/", {"title": "关于重复提交的决定", "kind": "决定", "date": "2025-06-01"}
    )
    assert response.status_code == 409
    assert "已有相同的决议决定" in response.content.decode()
    assert Decision.objects.count() == 1


def f_date():
    import datetime

    return datetime.date(2025, 6, 1)
