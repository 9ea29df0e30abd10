"""Real processes for the fault tests: a Celery worker and beat against the test database."""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def real_env(settings, tmp_path):
    """The environment a worker needs to share this test's PostgreSQL database and Redis."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3") or not os.environ.get("REDIS_URL"):
        pytest.skip("fault tests run against PostgreSQL and Redis (CI sets both)")
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DJANGO_DATA_DIR": str(tmp_path),
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "DJANGO_SECRET_KEY": "fault-test-" + "x" * 40,
        "CONGRESS_JOB_LEASE": "4",
        "CONGRESS_SWEEP_EVERY": "2",
    }


class Processes:
    def __init__(self, env):
        self.env, self.running = env, []

    def start(self, *args: str) -> subprocess.Popen:
        from django.db import connections

        connections.close_all()
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "congress", *args],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
        )
        self.running.append(proc)
        return proc

    def worker(self) -> subprocess.Popen:
        """One prefork worker, configured as deploy/congress-worker.service runs it: two
        children, so that one listens while the other holds a job."""
        return self.start(
            "worker",
            "-P",
            "prefork",
            "-c",
            "2",
            "-l",
            "warning",
            "--without-gossip",
            "--without-mingle",
        )

    def beat(self) -> subprocess.Popen:
        return self.start(
            "beat", "-l", "warning", "-s", str(Path(self.env["DJANGO_DATA_DIR"]) / "beat")
        )

    def stop(self) -> None:
        # The test has seen what it came for: no warm shutdown to wait for.
        for proc in self.running:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        for proc in self.running:
            proc.wait(15)


@pytest.fixture
def processes(real_env, tmp_path):
    procs = Processes(real_env)
    yield procs
    procs.stop()


@contextmanager
def publishing_to(url: str):
    """This process publishes its jobs to ``url`` for the block (the worker reads its own).
    The app's configuration is left alone: the other tests of this process read it."""
    from unittest import mock

    from congress.celery import app

    connect = app.connection_for_write

    def reset() -> None:
        app._pool = None
        app.amqp._producer_pool = None

    reset()
    try:
        with mock.patch.object(
            app, "connection_for_write", lambda url_=None, **kw: connect(url_ or url, **kw)
        ):
            yield
    finally:
        reset()


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def wait_for(check, seconds: float, every: float = 0.05):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    return None


class RedisServer:
    """A Redis of the test's own, which it can shut down and start again on the same port."""

    def __init__(self, tmp_path: Path):
        import shutil
        import socket

        if not shutil.which("redis-server"):
            pytest.skip("redis-server is not installed")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        # The database number this test process uses (settings give each xdist process its
        # own); the worker's settings pick the same one from this URL.
        db = urlparse(os.environ.get("REDIS_URL", "")).path or "/0"
        self.url = f"redis://127.0.0.1:{self.port}{db}"
        self.dir = tmp_path
        self.proc: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        import redis

        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        assert wait_for(lambda: _pings(client), 10), "redis-server did not start"

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)

    def __enter__(self) -> "RedisServer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _pings(client) -> bool:
    try:
        return client.ping()
    except Exception:
        return False
