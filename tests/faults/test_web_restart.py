"""PostgreSQL restarts under a running web server: the first request after it is answered, not
a 500 (the persistent connection is checked before reuse: CONN_HEALTH_CHECKS)."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.faults.conftest import ROOT, wait_for
from tests.faults.proxy import Proxy

pytestmark = [pytest.mark.real_worker, pytest.mark.django_db(transaction=True)]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def test_the_first_request_after_a_database_restart_is_answered(real_env, settings):
    db = settings.DATABASES["default"]
    proxy = Proxy(int(db["PORT"] or 5432), db["HOST"] or "127.0.0.1")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        **real_env,
        "DATABASE_URL": f"postgres://{db['USER']}@127.0.0.1:{proxy.port}/{db['NAME']}",
        "DJANGO_CONN_MAX_AGE": "600",  # as deployed: connections kept between requests
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_DEBUG": "0",
    }
    # One worker, as each of deploy/'s three is: every request reuses its connection.
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "congress.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/healthz"
    try:
        assert wait_for(lambda: _status(url) == 200, 30, 0.2), "gunicorn did not start"
        assert _status(url) == 200  # the worker now holds an open database connection
        proxy.cut()  # PostgreSQL restarts: every open connection is gone
        time.sleep(0.5)
        proxy.restore()
        assert _status(url) == 200
    finally:
        web.kill()
        web.wait(10)
        proxy.close()
