"""Real processes for the fault tests: a Celery worker and beat against the test database."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

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
        """One prefork worker, configured as deploy/congress-worker.service runs it."""
        return self.start(
            "worker",
            "-P",
            "prefork",
            "-c",
            "1",
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
        for proc in self.running:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.running:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture
def processes(real_env, tmp_path):
    procs = Processes(real_env)
    yield procs
    procs.stop()


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
