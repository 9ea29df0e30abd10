"""The foundation: login everywhere, roles' home pages, health check, settings for production."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_login_page_is_public_and_in_chinese(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "<title>登录" in text and "用户名" in text and "密码" in text


@pytest.mark.django_db
def test_wrong_password_gets_a_chinese_error(client, clerk):
    response = client.post(reverse("login"), {"username": "clerk", "password": "nope"})
    assert response.status_code == 200
    assert "请输入一个正确的" in response.content.decode()


@pytest.mark.django_db
def test_login_then_home(client, clerk):
    from tests.conftest import PASSWORD

    response = client.post(
        reverse("login"), {"username": "clerk", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "会议与任免" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["clerk", "leader", "admin_user"])
def test_office_roles_reach_the_home_page(client, request, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("home"))
    assert response.status_code == 200
    for area in ("会议", "监督工作", "人大代表", "代表建议"):
        assert area in response.content.decode()


@pytest.mark.django_db
def test_unit_user_lands_on_its_todo_list(unit_client):
    response = unit_client.get(reverse("home"))
    html = response.content.decode()
    assert response.status_code == 200 and "区住房和城乡建设局 · 今天要办的事" in html
    assert "待签收" in html and reverse("portal") in html


@pytest.mark.django_db
def test_user_without_a_role_is_refused(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("home")).status_code == 403
    assert client.get(reverse("meetings_list")).status_code == 403


@pytest.mark.django_db
def test_logout_is_a_post(clerk_client):
    assert clerk_client.get(reverse("logout")).status_code == 405
    response = clerk_client.post(reverse("logout"))
    assert response.status_code == 302
    assert clerk_client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_healthz_reports_a_broker_that_does_not_answer(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["broker"].startswith("error")


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (CI sets it)")
@pytest.mark.django_db
def test_healthz_ok_with_a_broker_that_answers(client, settings):
    settings.REDIS_URL = os.environ["REDIS_URL"]
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["broker"] == "ok"


@pytest.mark.django_db
def test_healthz_503_when_the_database_is_unreachable(client):
    from django.db import OperationalError

    with mock.patch("congress.site.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


@pytest.mark.django_db
def test_profile_is_seeded_and_editable_by_administrators(client, admin_user, clerk):
    from congress.accounts.models import Profile

    assert Profile.get().name == "安州区人大常委会"
    assert Profile.get().party_short == "区委"
    client.force_login(clerk)
    assert client.post(reverse("profile"), {"name": "x"}).status_code == 403
    client.force_login(admin_user)
    response = client.post(
        reverse("profile"),
        {
            "name": "青山县人大常委会",
            "place": "青山",
            "level": "县",
            "party_short": "县委",
            "term": 17,
            "office_unit": "青山县人大常委会办公室",
            "letter_prefix": "青人常办",
            "notice_prefix": "青人常办通",
        },
    )
    assert response.status_code == 302
    assert Profile.get().party_short == "县委"
    bad = client.post(
        reverse("profile"),
        {"name": "", "place": "青山", "level": "县", "party_short": "县委", "term": 0},
    )
    assert bad.status_code == 400
    assert "这个字段是必填项" in bad.content.decode()
    assert Profile.get().name == "青山县人大常委会"


def _run_manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    full.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_variables():
    result = _run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "k" * 20 + "Q7x!m2#Lp9$Zr4@Wv8^Tn3&Yb6*Hd1",
            "DJANGO_ALLOWED_HOSTS": "example.org",
            "DJANGO_HTTPS": "1",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_missing_secret_fails_fast_when_debug_is_off(tmp_path):
    result = _run_manage(
        "check",
        env={
            "DJANGO_DEBUG": "0",
            "DJANGO_DATA_DIR": str(tmp_path),
            "DJANGO_SECRET_KEY": "",
            "DJANGO_SECRET_KEY_FILE": str(tmp_path / "none"),
        },
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_every_log_line_is_printed_once_and_a_403_without_traceback(clerk_client, db):
    import io
    import logging

    stream = io.StringIO()
    console = logging.getLogger().handlers[0]
    old = console.setStream(stream)
    try:
        clerk_client.get("/settings/accounts/")  # a clerk is refused: 403
    finally:
        console.setStream(old)
    text = stream.getvalue()
    assert text.count("Forbidden") == 1, text
    assert "Traceback" not in text
