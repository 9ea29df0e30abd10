"""Shared by the benchmark scripts: a fresh database per run, in a child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def fresh_database(engine: str, name: str) -> str:
    if engine == "sqlite":
        path = Path("/tmp") / f"{name}.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    host = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    admin = f"{host}/postgres"
    for sql in (
        f"DROP DATABASE IF EXISTS {name}",
        f"CREATE DATABASE {name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' "
        f"LC_CTYPE 'C.UTF-8' TEMPLATE template0",
    ):
        subprocess.run(["psql", admin, "-q", "-c", sql], check=True, capture_output=True)
    return f"{host}/{name}"


def run_child(script: str, url: str, *args: str) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
    env.pop("REDIS_URL", None)
    out = subprocess.run(
        [PY, script, "--child", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congress.settings")
    import django

    django.setup()
