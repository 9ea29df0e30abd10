"""With the cache (Redis) away, records still save and the dashboard still shows its figures."""

import pytest
from django.core.cache import cache  # noqa: F401
from django.urls import reverse

from meetings.models import Decision
from tests import factories as f


@pytest.fixture
def redis_down(settings):
    """The real Redis cache backend, pointed at a port where nothing answers."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    from django.core.cache import cache as current

    with pytest.raises(Exception):  # noqa: B017 - the point: the cache really is away
        current.get("x")


def test_a_save_never_depends_on_the_cache(redis_down, clerk_client, db):
    response = clerk_client.post(
        reverse("decisions_create"),
        {"title": "关于缓存停机时保存的决定", "kind": "决定", "date": "2025-06-01"},
    )
    assert response.status_code == 302
    assert Decision.objects.filter(title="关于缓存停机时保存的决定").exists()


def test_the_dashboard_computes_without_the_cache(redis_down, leader_client, known_year):
    html = leader_client.get(reverse("dashboard") + "?year=2025").content.decode()
    assert 'data-figure="常委会会议"' in html and "3<small> 次" in html
    Decision.objects.create(title="新的决定", date=f.D(2025, 7, 1))
    html = leader_client.get(reverse("dashboard") + "?year=2025").content.decode()
    assert 'data-figure="决议决定"' in html


def test_health_still_reports_the_broker_down(client, settings, monkeypatch):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get(reverse("healthz"))
    assert response.status_code == 503 and response.json()["broker"].startswith("error")


def test_the_version_moves_again_after_commit(db, django_capture_on_commit_callbacks):
    from congress.figures.cache import VERSION_KEY

    cache.set(f"{VERSION_KEY}:2025", 5, None)
    with django_capture_on_commit_callbacks(execute=True):
        Decision.objects.create(title="决定甲", date=f.D(2025, 3, 1))
    assert cache.get(f"{VERSION_KEY}:2025") == 7  # once at the save, once after commit


@pytest.fixture
def redis_hung(settings):
    """A Redis that accepts connections and never answers (a stopped redis-server does this:
    the kernel completes the handshake, nothing reads)."""
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(200)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{listener.getsockname()[1]}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    yield
    listener.close()


def test_a_hung_cache_costs_a_page_one_timeout_not_one_per_call(redis_hung, leader_client, db):
    import time

    started = time.monotonic()
    response = leader_client.get(reverse("dashboard") + "?year=2025")
    assert response.status_code == 200 and 'data-figure="常委会会议"' in response.content.decode()
    # The dashboard asks the cache dozens of times; only the first waits for the timeout.
    assert time.monotonic() - started < 6
    started = time.monotonic()
    assert leader_client.get("/").status_code == 200
    assert time.monotonic() - started < 3  # within the pause, the next page does not wait at all
