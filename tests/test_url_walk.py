"""Walk every URL anonymously and as every role: login is required, leadership cannot POST."""

import datetime

import pytest
from django.urls import reverse

from tests.urlwalk import PUBLIC, all_patterns, concrete, plain_routes

ROLES = ["clerk", "leader", "admin_user", "unit_user", "member_user", "deputy_user", "outsider"]


@pytest.fixture
def records(db, unit, unit_user):
    """One record of each kind (the example its app declares), so that pages with an id are
    walked too; and a suggestion assigned to the unit, for its portal."""
    from congress.records.kinds import KINDS
    from deputies.models import Deputy
    from proposals.models import Suggestion

    day = datetime.date(2025, 3, 18)
    made = {key: kind.example(n).pk for n, (key, kind) in enumerate(sorted(KINDS.items()), 1)}
    suggestion = Suggestion.objects.create(
        number="第1号",
        title="公交优化",
        date=day,
        lead=Deputy.objects.create(name="张明", sex="男", elected=day),
        lead_unit=unit,
        state="办理中",
        assigned=day,
    )
    return {
        **made,
        "activity": made["activities"],  # activity_enrolled
        "suggestion": suggestion.pk,
        "portal": suggestion.pk,
        **_newer_records(day, unit, unit_user, suggestion),
    }


def _newer_records(day, unit, unit_user, suggestion) -> dict:
    """Records behind the pages added with the review, the to-dos and the documents."""
    from django.core.files.base import ContentFile

    from congress.work.models import Notification
    from oversight.models import OpinionDocument, ReviewOpinion
    from petitions.models import Petition
    from proposals.models import AssignmentLetter

    petition = Petition.objects.create(
        number="X1", channel="来信", date=day, summary="反映", unit=unit, state="已转办"
    )
    letter = AssignmentLetter.objects.create(number="安人常办〔2025〕1号", unit=unit, date=day)
    letter.suggestions.add(suggestion)
    opinion = ReviewOpinion.objects.create(name="附件意见", date=day, body="区政府", unit=unit)
    doc = OpinionDocument(opinion=opinion, title="签发稿")
    doc.file.save("x.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    from congress.ledger.models import LedgerImport
    from congress.review.models import ReportJob
    from meetings.models import Meeting, MeetingDocument

    job = ReportJob(year=2025, status="已完成")
    job.pdf.save("r.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    job.docx.save("r.docx", ContentFile(b"PK\x03\x04"), save=False)
    job.save()
    from congress.review.models import ArchiveJob

    archive = ArchiveJob(year=2025, status="已完成")
    archive.file.save("a.zip", ContentFile(b"PK\x05\x06" + bytes(18)), save=False)
    archive.save()
    from congress.review.models import Edition

    edition = Edition(year=2025, number=1, issued_by=unit_user, checksum="x")
    edition.pdf.save("e.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    edition.save()
    imported = LedgerImport(filename="台账.xlsx", status="待确认", result={"created": {}})
    imported.file.save("l.xlsx", ContentFile(b"PK\x03\x04"), save=False)
    imported.save()
    meeting_doc = MeetingDocument(meeting=Meeting.objects.first(), title="材料")
    meeting_doc.file.save("m.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return {
        "ledger": imported.pk,  # ledger_import
        "ledger_import": imported.pk,  # …_status, …_confirm
        "report": job.pk,  # report_status, report_download
        "report_download": job.pk,  # report_download_docx
        "archive": archive.pk,  # archive_download
        "edition": edition.pk,  # edition_download
        "member": meeting_doc.meeting_id,  # member_meeting, member_notice, member_document
        "deputy": suggestion.pk,  # deputy_suggestion
        "deputy_reply": suggestion.pk,  # deputy_reply_file
        "draft": _draft(suggestion).pk,  # draft_action
        "meeting": meeting_doc.pk,  # meeting_document
        "opinion_report": opinion.pk,  # opinion_report_file
        "suggestion_reply": suggestion.pk,  # suggestion_reply_file
        "petitions": petition.pk,
        "unit": petition.pk,  # unit_petition
        "letter": letter.pk,  # letter_pdf
        "opinion": doc.pk,  # opinion_document
        "account": unit_user.pk,  # account_edit, account_active, account_reset
        "notification": Notification.objects.create(user=unit_user, key="k", title="t").pk,
    }


def _draft(suggestion):
    from proposals.models import Draft

    return Draft.objects.create(lead=suggestion.lead, title="代表提交的建议", text="正文")


def test_pages_with_an_id_are_walked_with_a_real_record(records):
    """A page with <pk> walked only as /…/999999/ would never run its view."""
    unwalked = []
    for route, name, _p in all_patterns():
        if "<int:pk>" in route and not route.startswith(("admin/", "^")):
            if concrete(route, records, name).count("999999"):
                unwalked.append(name)
    assert unwalked == [], unwalked


def test_the_walk_finds_the_views():
    names = {name for _route, name, _p in all_patterns()}
    assert {"home", "meetings_list", "suggestions_list", "portal", "healthz"} <= names


@pytest.mark.django_db
def test_every_plain_url_requires_login(client):
    login = reverse("login")
    for path, name in plain_routes():
        response = client.get(path)
        if name in PUBLIC:
            assert response.status_code == 200, path
        else:
            assert response.status_code == 302, path
            assert response["Location"].startswith(login), path


@pytest.mark.django_db
@pytest.mark.parametrize("who", ROLES)
def test_every_url_as_every_role_never_fails(client, request, records, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    for route, name, _p in all_patterns():
        if route.startswith("admin/") or route.startswith("^"):
            continue
        path = concrete(route, records, name)
        response = client.get(path)
        assert response.status_code in (200, 302, 403, 404, 405), (who, path, response.status_code)
        # Any signed-in account signs out and changes its own password; nothing else.
        if who == "outsider" and name not in PUBLIC and name not in ("logout", "change_password"):
            assert response.status_code in (302, 403, 404, 405), path
        if (
            who in ("unit_user", "member_user")
            and name
            and name.endswith(("_list", "_edit", "_create"))
        ):
            assert response.status_code == 403, path
        if (
            who == "member_user"
            and name
            and name.startswith(("portal", "unit_", "report", "ledger"))
        ):
            assert response.status_code in (403, 404, 405), path


@pytest.mark.django_db
def test_leader_gets_403_on_every_post(leader_client, records):
    allowed = set()
    for route, name, pattern in all_patterns():
        if route.startswith("admin/") or route.startswith("^"):
            continue
        if getattr(pattern.callback, "leader_may_post", False):
            allowed.add(name)
            continue
        path = concrete(route, records, name)
        response = leader_client.post(path, {"name": "x"})
        assert response.status_code == 403, (path, response.status_code)
    assert "logout" in allowed


@pytest.mark.django_db
def test_leader_reads_every_list(leader_client, records):
    for path, name in plain_routes():
        if name and name.endswith("_list"):
            assert leader_client.get(path, follow=True).status_code == 200, path


@pytest.mark.django_db
@pytest.mark.parametrize("who", ROLES)
def test_every_post_as_every_role_never_fails(client, request, records, who):
    """A POST with a nonsense body to every URL: refused or answered, never a server error."""
    user = request.getfixturevalue(who)
    client.force_login(user)
    for route, name, _p in all_patterns():
        if route.startswith("admin/") or route.startswith("^") or name == "logout":
            continue
        path = concrete(route, records, name)
        response = client.post(path, {"name": "<b>x</b>", "year": "abc", "date": "2025-99-99"})
        assert response.status_code in (200, 302, 400, 403, 404, 405, 409), (
            who,
            path,
            response.status_code,
        )
        if (
            who in ("unit_user", "outsider")
            and name
            and name.endswith(("_create", "_edit", "_delete"))
        ):
            assert response.status_code == 403, (who, path)
