"""A deputy writes a suggestion, invites cosigners who confirm or decline in their own portal,
and submits it; the office registers it with the next number (立案), refuses it with a reason
the deputy reads, or merges it into another. Before 立案 it counts in no figure."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from congress.work import todo
from deputies.models import Deputy
from proposals.models import Cosign, Draft, Suggestion
from tests import factories as f
from tests.conftest import client_for, make_user

D = datetime.date


@pytest.fixture
def colleague(db):
    user = make_user("deputy2", "人大代表", first_name="林代表")
    return Deputy.objects.create(
        name="林代表", sex="男", term=18, elected=D(2021, 10, 1), user=user
    )


def _write(client, **extra):
    data = {
        "kind": "闭会期间建议",
        "title": "关于增设公交站点的建议",
        "text": "城东片区居民出行不便。",
        "cosigners": "",
    }
    return client.post(reverse("deputy_draft_new"), {**data, **extra})


def test_write_invite_confirm_submit_and_register(
    deputy_client, deputy_user, colleague, clerk, clerk_client
):
    bad = _write(deputy_client, cosigners="不存在的代表")
    assert bad.status_code == 400 and "找不到在任的代表“不存在的代表”" in bad.content.decode()
    assert not Draft.objects.exists()
    f.deputy("周代表", term=18)
    assert _write(deputy_client, cosigners="林代表、周代表").status_code == 302
    draft = Draft.objects.get()
    assert draft.state == "草稿" and draft.cosigns.count() == 2
    # 林代表 confirms in their own portal; 周代表 (no account) never does.
    mine = client_for(colleague.user)
    invitation = Cosign.objects.get(deputy=colleague)
    assert "关于增设公交站点的建议" in mine.get(reverse("deputy_drafts")).content.decode()
    mine.post(reverse("deputy_cosign", args=[invitation.pk]), {"answer": "confirm"})
    # The lead submits; the office sees it as a to-do.
    deputy_client.post(
        reverse("deputy_draft", args=[draft.pk]),
        {
            "kind": "闭会期间建议",
            "title": draft.title,
            "text": draft.text,
            "cosigners": "林代表、周代表",
            "submit": "1",
        },
    )
    draft.refresh_from_db()
    assert draft.state == "已提交"
    counts = {t["key"]: t["count"] for t in todo.counted(todo.STAFF, clerk, timezone.localdate())}
    assert counts["drafts_submitted"] == 1
    # Nothing counts before 立案.
    assert not Suggestion.objects.exists()
    lead = Deputy.objects.get(user=deputy_user)
    f.suggestion("第3号", lead, kind="闭会期间建议", date=timezone.localdate())
    clerk_client.post(reverse("draft_action", args=[draft.pk, "register"]))
    draft.refresh_from_db()
    s = draft.suggestion
    assert draft.state == "已立案" and s.number == "第4号" and s.state == "待交办"
    assert list(s.cosigners.all()) == [colleague]  # only the confirmed cosigner
    listing = deputy_client.get(reverse("deputy_suggestions")).content.decode()
    assert "第4号" in listing
    # Once submitted, the lead cannot change it any more.
    assert (
        deputy_client.post(reverse("deputy_draft", args=[draft.pk]), {"title": "x"}).status_code
        == 403
    )


def test_refused_with_the_reason_the_deputy_reads(deputy_client, clerk_client):
    _write(deputy_client, submit="1")
    draft = Draft.objects.get()
    no_reason = clerk_client.post(
        reverse("draft_action", args=[draft.pk, "refuse"]), {"reason": ""}
    )
    assert no_reason.status_code == 302
    draft.refresh_from_db()
    assert draft.state == "已提交"
    clerk_client.post(
        reverse("draft_action", args=[draft.pk, "refuse"]), {"reason": "属于司法个案"}
    )
    draft.refresh_from_db()
    assert draft.state == "不予立案"
    assert "属于司法个案" in deputy_client.get(reverse("deputy_drafts")).content.decode()


def test_merged_into_another_the_deputy_becomes_its_cosigner(
    deputy_client, deputy_user, clerk_client
):
    _write(deputy_client, submit="1")
    draft = Draft.objects.get()
    other = f.suggestion(
        "第7号", f.deputy("郑代表", term=18), kind="闭会期间建议", date=timezone.localdate()
    )
    missing = clerk_client.post(
        reverse("draft_action", args=[draft.pk, "merge"]), {"number": "第99号"}, follow=True
    )
    assert "找不到编号为“第99号”的建议" in missing.content.decode()
    clerk_client.post(reverse("draft_action", args=[draft.pk, "merge"]), {"number": "第7号"})
    draft.refresh_from_db()
    assert draft.state == "已并案" and draft.suggestion == other
    assert Deputy.objects.get(user=deputy_user) in other.cosigners.all()
    assert "第7号" in deputy_client.get(reverse("deputy_suggestions")).content.decode()


def test_each_sees_only_their_own_drafts(
    deputy_client, colleague, clerk_client, unit_client, leader_client
):
    _write(deputy_client)
    draft = Draft.objects.get()
    theirs = client_for(colleague.user)
    assert theirs.get(reverse("deputy_draft", args=[draft.pk])).status_code == 404
    assert theirs.post(reverse("deputy_draft", args=[draft.pk]), {"title": "x"}).status_code == 404
    for client in (clerk_client, unit_client):
        assert client.get(reverse("deputy_drafts")).status_code == 403
    assert deputy_client.get(reverse("drafts_review")).status_code == 403
    assert (
        leader_client.post(reverse("draft_action", args=[draft.pk, "register"])).status_code == 403
    )
    assert clerk_client.get(reverse("draft_action", args=[draft.pk, "register"])).status_code == 405
    assert (
        clerk_client.post(reverse("draft_action", args=[draft.pk, "nonsense"])).status_code == 404
    )
    assert deputy_client.get(reverse("deputy_cosign", args=[999])).status_code == 405


def test_hostile_input_changes_nothing(deputy_client, deputy_user, clerk_client):
    # Text beyond what a form holds, and a cosigner of another congress.
    huge = _write(deputy_client, text="长" * 20001)
    assert huge.status_code == 400 and "建议内容不能超过20000字" in huge.content.decode()
    f.deputy("市代表", term=18, level="市")
    other = _write(deputy_client, cosigners="市代表")
    assert other.status_code == 400 and "找不到在任的代表“市代表”" in other.content.decode()
    assert not Draft.objects.exists()
    # Submitted twice (two tabs): one submission.
    _write(deputy_client, submit="1")
    draft = Draft.objects.get()
    from proposals import services

    with pytest.raises(services.WorkflowError, match="不能再提交"):
        services.submit_draft(draft, deputy_user)
    # Registered twice: one suggestion.
    clerk_client.post(reverse("draft_action", args=[draft.pk, "register"]))
    clerk_client.post(reverse("draft_action", args=[draft.pk, "register"]))
    assert Suggestion.objects.count() == 1


def test_the_deputys_record_of_service(deputy_client, deputy_user):
    lead = Deputy.objects.get(user=deputy_user)
    f.activity("代表视察城东片区", "视察", D(2025, 5, 1), [lead])
    page = deputy_client.get(reverse("deputy_record")).content.decode()
    assert "代表视察城东片区" in page and "参加活动（1 次）" in page
