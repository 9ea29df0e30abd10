"""A deputy attaches documents to a draft; they follow it into the suggestion it becomes, for
the office and the units that handle it, and nobody else can fetch them. Cosigners are found by
name or pinyin initials among the deputies the lead may invite, and a name taken off the list
withdraws its invitation."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from deputies.models import Deputy
from proposals import services
from proposals.models import Cosign, Draft, DraftFile
from tests import factories as f
from tests.conftest import client_for, make_user

D = datetime.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf(name: str = "调研报告.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _write(client, draft=None, **extra):
    data = {
        "kind": "闭会期间建议",
        "title": "关于增设公交站点的建议",
        "text": "城东片区居民出行不便。",
        "cosigners": "",
        **extra,
    }
    url = reverse("deputy_draft", args=[draft.pk]) if draft else reverse("deputy_draft_new")
    return client.post(url, data)


@pytest.fixture
def colleague(db):
    user = make_user("deputy2", "人大代表", first_name="林代表")
    return Deputy.objects.create(
        name="林代表", sex="男", term=18, elected=D(2021, 10, 1), user=user
    )


def test_files_follow_the_draft_to_the_office_and_the_unit(
    deputy_client, deputy_user, clerk, clerk_client, unit, unit_client, other_unit_user
):
    assert _write(deputy_client, files=[_pdf(), _pdf("现场照片.pdf")]).status_code == 302
    draft = Draft.objects.get()
    first, second = draft.files.all()
    assert (first.name, second.name) == ("调研报告.pdf", "现场照片.pdf")
    page = deputy_client.get(reverse("deputy_draft", args=[draft.pk])).content.decode()
    assert "调研报告.pdf" in page and 'enctype="multipart/form-data"' in page
    got = deputy_client.get(reverse("draft_file", args=[first.pk]))
    assert got.status_code == 200 and b"".join(got.streaming_content) == PDF
    # Staff never read a draft before it is submitted, not even by its file's link.
    assert clerk_client.get(reverse("draft_file", args=[first.pk])).status_code == 404
    # One taken off, then submitted.
    _write(deputy_client, draft, remove=[str(second.pk)], submit="1")
    assert [x.name for x in draft.files.all()] == ["调研报告.pdf"]
    assert "调研报告.pdf" in clerk_client.get(reverse("drafts_review")).content.decode()
    assert clerk_client.get(reverse("draft_file", args=[first.pk])).status_code == 200
    # Registered and assigned: on the suggestion's page, the unit's page and the deputy's.
    s = services.register_draft(draft, clerk)
    services.assign(s, clerk, lead_unit=unit)
    for client, url in (
        (clerk_client, reverse("suggestions_detail", args=[s.pk])),
        (unit_client, reverse("portal_detail", args=[s.pk])),
        (deputy_client, reverse("deputy_suggestion", args=[s.pk])),
    ):
        html = client.get(url).content.decode()
        assert reverse("draft_file", args=[first.pk]) in html, url
    assert unit_client.get(reverse("draft_file", args=[first.pk])).status_code == 200
    # Another unit, another deputy, a member: 404, as for any id that is not theirs.
    stranger = make_user("deputy3", "人大代表")
    Deputy.objects.create(name="路人", sex="女", term=18, elected=D(2021, 10, 1), user=stranger)
    for user in (other_unit_user, stranger):
        assert client_for(user).get(reverse("draft_file", args=[first.pk])).status_code == 404
    assert deputy_client.get(reverse("draft_file", args=[999999])).status_code == 404
    assert deputy_client.post(reverse("draft_file", args=[first.pk])).status_code == 405


def test_an_invited_cosigner_reads_the_files_of_the_draft_they_are_asked_to_sign(
    deputy_client, colleague
):
    _write(deputy_client, cosigners="林代表", files=[_pdf()])
    f_ = DraftFile.objects.get()
    assert client_for(colleague.user).get(reverse("draft_file", args=[f_.pk])).status_code == 200


def test_bad_files_and_too_many_change_nothing(deputy_client):
    fake = SimpleUploadedFile("报告.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    bad = _write(deputy_client, files=[fake])
    assert bad.status_code == 400 and "文件内容与类型不符" in bad.content.decode()
    assert not Draft.objects.exists()
    six = _write(deputy_client, files=[_pdf(f"{i}.pdf") for i in range(6)])
    assert six.status_code == 400 and "最多附 5 个附件" in six.content.decode()
    assert not Draft.objects.exists() and not DraftFile.objects.exists()
    # A cosigner who cannot be found keeps the files out too.
    refused = _write(deputy_client, cosigners="不存在的代表", files=[_pdf()])
    assert refused.status_code == 400 and not DraftFile.objects.exists()


def test_cosigners_are_found_among_those_the_lead_may_invite(
    deputy_client, deputy_user, colleague, clerk_client
):
    f.deputy("林小", term=18, level="市")  # another congress
    f.deputy("林前", term=17)  # an earlier 届
    found = deputy_client.get(reverse("deputy_lookup"), {"q": "l"}).json()["results"]
    assert [r["label"] for r in found] == ["林代表"]
    assert (
        deputy_client.get(reverse("deputy_lookup"), {"q": "林"}).json()["results"][0]["label"]
        == "林代表"
    )
    me = Deputy.objects.get(user=deputy_user)
    mine = deputy_client.get(reverse("deputy_lookup"), {"q": me.name}).json()["results"]
    assert mine == []  # never oneself
    assert clerk_client.get(reverse("deputy_lookup"), {"q": "l"}).status_code == 403
    assert deputy_client.post(reverse("deputy_lookup")).status_code == 405
    page = deputy_client.get(reverse("deputy_draft_new")).content.decode()
    assert f'data-deputy-lookup="{reverse("deputy_lookup")}"' in page


def test_a_name_taken_off_the_list_withdraws_its_invitation(deputy_client, colleague):
    f.deputy("周代表", term=18)
    _write(deputy_client, cosigners="林代表、周代表")
    draft = Draft.objects.get()
    _write(deputy_client, draft, cosigners="周代表")
    assert [c.deputy.name for c in Cosign.objects.filter(draft=draft)] == ["周代表"]


def test_the_model_refuses_a_sixth_file_as_the_form_does(deputy_user):
    from django.core.exceptions import ValidationError

    lead = Deputy.objects.get(user=deputy_user)
    draft = Draft.objects.create(lead=lead, title="关于路灯的建议", text="路灯不亮。")
    for i in range(5):
        DraftFile.objects.create(draft=draft, file=_pdf(f"{i}.pdf"))
    with pytest.raises(ValidationError, match="最多附 5 个附件"):
        DraftFile(draft=draft, file=_pdf("6.pdf")).full_clean()
    draft.files.first().delete()
    DraftFile(draft=draft, file=_pdf("6.pdf")).full_clean()
