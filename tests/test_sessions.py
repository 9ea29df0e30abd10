"""A session lasts eight hours from the last request, renewed every few minutes rather than
written on every page."""

import time

import pytest
from django.contrib.sessions.models import Session

pytestmark = pytest.mark.django_db


def _expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_page_renews_the_session_only_after_the_renewal_interval(clerk_client, settings):
    settings.SESSION_RENEW_SECONDS = 300
    clerk_client.get("/")
    first = _expiry(clerk_client)
    time.sleep(0.01)
    clerk_client.get("/")
    assert _expiry(clerk_client) == first  # not written again within five minutes
    settings.SESSION_RENEW_SECONDS = 0
    clerk_client.get("/")
    renewed = _expiry(clerk_client)
    assert renewed > first
    # Still signed in, and the expiry is a whole session age from now.
    assert clerk_client.get("/").status_code == 200
    from django.utils import timezone

    left = (renewed - timezone.now()).total_seconds()
    assert settings.SESSION_COOKIE_AGE - 60 < left <= settings.SESSION_COOKIE_AGE


def test_an_anonymous_visitor_gets_no_session_written(client):
    client.get("/accounts/login/")
    assert not Session.objects.exists()
