"""Bad input, tried on every form: a clear Chinese error or a 404, never a 500, nothing written."""

import re

import pytest
from django import forms
from django.urls import reverse

import congress.urls  # noqa: F401 - registers every record kind
from congress.crud import KINDS

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
    listing = clerk_client.get(reverse("suggestions_list")).content.decode()
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
