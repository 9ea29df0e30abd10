"""Trust: history, no lost updates, the recycle bin, login lock-out, CSP and backups."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from congress.figures.cache import compute_year
from meetings.models import Decision, Meeting
from tests import factories as f
from tests.conftest import PASSWORD

D = f.D


def _decision_form(title: str, version) -> dict:
    return {"title": title, "kind": "决定", "date": "2025-03-18", "text": "", "_version": version}


@pytest.mark.django_db
def test_every_change_is_kept_with_who_and_what(client, clerk):
    client.force_login(clerk)
    d = Decision.objects.create(title="原标题", date=D(2025, 3, 18))
    response = client.post(
        reverse("decisions_edit", args=[d.pk]), _decision_form("新标题", d.version)
    )
    assert response.status_code == 302
    page = client.get(reverse("decisions_detail", args=[d.pk])).content.decode()
    assert "修改记录" in page and "名称：原标题 → 新标题" in page and "录入员" in page
    assert d.history.count() == 2


@pytest.mark.django_db
def test_second_save_of_a_stale_form_is_refused(client, clerk, admin_user):
    d = Decision.objects.create(title="原标题", date=D(2025, 3, 18))
    stale = d.version
    client.force_login(admin_user)
    assert (
        client.post(
            reverse("decisions_edit", args=[d.pk]), _decision_form("管理员的标题", stale)
        ).status_code
        == 302
    )
    client.force_login(clerk)
    response = client.post(
        reverse("decisions_edit", args=[d.pk]), _decision_form("录入员的标题", stale)
    )
    assert response.status_code == 409
    text = response.content.decode()
    assert "保存失败：您编辑期间，这条记录已被admin" in text and "修改了：名称" in text
    d.refresh_from_db()
    assert d.title == "管理员的标题"
    # Having seen the change, saving again is deliberate and goes through.
    again = client.post(
        reverse("decisions_edit", args=[d.pk]), _decision_form("录入员的标题", d.version)
    )
    assert again.status_code == 302


@pytest.mark.django_db
def test_workflow_moves_bump_the_version_too(clerk, unit):
    from proposals import services

    s = services.submit(f.suggestion("1", f.deputy()), clerk)
    before = s.version
    s = services.assign(s, clerk, lead_unit=unit, assigned=D(2025, 1, 20))
    assert s.version == before + 1


@pytest.mark.django_db
def test_recycle_bin_restores_a_deleted_record(client, clerk, admin_user):
    d = Decision.objects.create(title="误删的决定", date=D(2025, 3, 18))
    client.force_login(clerk)
    assert client.post(reverse("decisions_delete", args=[d.pk])).status_code == 302
    assert client.get(reverse("recycle_bin")).status_code == 403
    client.force_login(admin_user)
    page = client.get(reverse("recycle_bin")).content.decode()
    assert "误删的决定" in page
    entry = Decision.history.get(history_type="-")
    response = client.post(reverse("restore", args=["decisions", entry.history_id]))
    assert response.status_code == 302
    assert Decision.objects.get().title == "误删的决定"
    assert client.post(reverse("restore", args=["decisions", entry.history_id])).status_code == 404
    assert client.get(reverse("changes") + "?user=clerk").status_code == 200


@pytest.mark.django_db
def test_login_locks_out_after_repeated_failures(client, clerk):
    for _ in range(5):
        client.post(reverse("login"), {"username": "clerk", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 429
    assert "账号已暂时锁定" in response.content.decode()


@pytest.mark.django_db
def test_password_change_logs_out_other_sessions(client, clerk):
    from django.test import Client

    other = Client()
    other.force_login(clerk)
    assert other.get(reverse("home")).status_code == 200
    clerk.set_password("a-completely-new-passphrase-42")
    clerk.save()
    assert other.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_csp_header_forbids_inline_scripts(clerk_client):
    csp = clerk_client.get(reverse("home"))["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_into_an_empty_database(known_year, tmp_path):
    before = compute_year(2025)
    meetings = Meeting.objects.count()
    path = tmp_path / "backup.tar.gz"
    call_command("backup", str(path))
    call_command("flush", "--noinput")  # emits post_migrate: groups come back, records do not
    from congress.figures.cache import records_changed

    records_changed()
    assert Meeting.objects.count() == 0
    call_command("restore", str(path), "--force")
    assert Meeting.objects.count() == meetings
    assert compute_year(2025) == before
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="已有记录"):
        call_command("restore", str(path))


def test_one_address_failing_on_many_accounts_is_held_back(client, clerk, settings):
    """Password spraying: a few guesses at each of many accounts from one address."""
    settings.CONGRESS_LOGIN_FAILURES_PER_ADDRESS = 8
    for i in range(8):
        client.post(reverse("login"), {"username": f"someone{i}", "password": "guess-1"})
    blocked = client.post(reverse("login"), {"username": "clerk", "password": PASSWORD})
    assert blocked.status_code == 429 and "登录失败的次数过多" in blocked.content.decode()
    # Another address is not affected.
    other = client.post(
        reverse("login"), {"username": "clerk", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert other.status_code == 302


def test_behind_a_proxy_the_forwarded_address_counts(client, clerk, settings):
    from django.test import RequestFactory

    from congress.accounts.throttle import client_address

    # nginx appends the address it saw; what the client wrote before it is not trusted.
    request = RequestFactory().post(
        "/", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7", REMOTE_ADDR="10.0.0.1"
    )
    assert client_address(request) == "10.0.0.1"  # no proxy configured: the connection
    settings.CONGRESS_PROXY_COUNT = 1
    assert client_address(request) == "203.0.113.7"
    settings.CONGRESS_PROXY_COUNT = 2
    assert client_address(request) == "198.51.100.1"


@pytest.mark.django_db
def test_the_lost_update_page_shows_both_versions_and_asks_field_by_field(
    client, clerk, admin_user
):
    d = Decision.objects.create(title="原标题", date=D(2025, 3, 18), text="原文")
    stale = d.version
    client.force_login(admin_user)  # a colleague changes the title
    client.post(
        reverse("decisions_edit", args=[d.pk]),
        {**_decision_form("同事的标题", stale), "text": "原文"},
    )
    client.force_login(clerk)  # meanwhile the clerk changes the title and the text
    mine = {**_decision_form("我的标题", stale), "text": "我补充的全文"}
    response = client.post(reverse("decisions_edit", args=[d.pk]), mine)
    assert response.status_code == 409
    html = response.content.decode()
    assert 'data-compare="title"' in html and "同事的标题" in html and "我的标题" in html
    assert 'data-compare="text"' in html  # the clerk's own change is listed to keep too
    version = Decision.objects.get().version
    # Saving again without choosing is refused: nothing is overwritten unseen.
    undecided = client.post(
        reverse("decisions_edit", args=[d.pk]),
        {**mine, "_version": version, "_conflict_fields": ["title", "text"]},
    )
    assert undecided.status_code == 409 and "请对每一处不同逐项选择" in undecided.content.decode()
    assert Decision.objects.get().title == "同事的标题"
    # Keep the colleague's title, use my text.
    done = client.post(
        reverse("decisions_edit", args=[d.pk]),
        {
            **mine,
            "_version": version,
            "_conflict_fields": ["title", "text"],
            "pick:title": "theirs",
            "pick:text": "yours",
        },
    )
    assert done.status_code == 302
    d.refresh_from_db()
    assert d.title == "同事的标题" and d.text == "我补充的全文"


@pytest.mark.django_db
def test_the_history_speaks_of_people_and_records_by_name(client, clerk, admin_user, unit):
    from proposals.models import Suggestion

    s = f.suggestion("1", f.deputy("张明远"))
    s._history_user = clerk
    s.lead_unit = unit
    s.state = Suggestion.State.HANDLING
    s.save()
    from congress.records.history import record_history

    latest = record_history(s)[0]
    assert latest["who"] == "录入员"  # the clerk's name, not the login "clerk"
    assert ("主办单位", "", "区住房和城乡建设局") in latest["changes"]
    client.force_login(admin_user)
    page = client.get(reverse("changes") + "?user=clerk").content.decode()
    assert "录入员" in page and 'href="/dashboard/"' in page  # the menu is still there


@pytest.mark.django_db(transaction=True)
def test_a_restore_gives_back_every_time_to_the_microsecond(clerk, tmp_path):
    import datetime

    from meetings.models import Decision

    decision = Decision.objects.create(title="关于时间精度的决定", date=datetime.date(2025, 6, 1))
    entry = decision.history.get()
    entry.history_date = entry.history_date.replace(microsecond=123456)
    entry.save()
    before = list(Decision.history.values_list("history_id", "history_date"))
    path = tmp_path / "backup.tar.gz"
    call_command("backup", str(path))
    call_command("flush", "--noinput")
    call_command("restore", str(path), "--force")
    after = list(Decision.history.values_list("history_id", "history_date"))
    assert after == before and after[0][1].microsecond == 123456
