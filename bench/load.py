"""Load on the deployed shape: gunicorn with three workers, PostgreSQL and Redis, the demo year,
and N signed-in sessions of three roles (录入员, 领导, 承办单位) each asking for its everyday pages
one after another for a bounded time. Prints requests per second and the latency percentiles of
each kind of page. Local only: the server it starts on 127.0.0.1 is the only target.

    BENCH_PG=postgres://postgres@127.0.0.1:5432 REDIS_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/load.py --sessions 20 --seconds 60

A fresh database ``congress_bench_load`` is made on BENCH_PG for the run.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict

from _common import PY, ROOT, fresh_database

PASSWORD = "demo-2025-anzhou"
# The pages each role opens in a working day, in turn.
PAGES = {
    "clerk": [("home", "/"), ("list", "/suggestions/?year=2025"), ("list", "/meetings/?year=2025"),
              ("list", "/deputies/"), ("detail", "/suggestions/{suggestion}/")],
    "leader": [("home", "/"), ("dashboard", "/dashboard/"),
               ("list", "/suggestions/?overdue=true&year=")],
    "unit": [("home", "/"), ("portal", "/portal/"), ("portal", "/portal/opinions/")],
}  # fmt: skip
MAX_REQUESTS = 20000  # a bound on the whole run, whatever the duration


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Session:
    def __init__(self, base: str, username: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        page = self.opener.open(base + "/accounts/login/", timeout=30).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(
            base + "/accounts/login/", data=data, headers={"Referer": base + "/accounts/login/"}
        )
        landed = self.opener.open(request, timeout=30)
        if "/accounts/login/" in landed.geturl():
            raise SystemExit(f"could not log in as {username}")

    def get(self, path: str) -> int:
        try:
            with self.opener.open(self.base + path, timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    if not os.environ.get("REDIS_URL"):
        raise SystemExit("REDIS_URL is needed: the load runs as deployed, with Redis")
    url = fresh_database("postgres", "congress_bench_load")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "congress.settings",
        # Logins from one address for many sessions: not password spraying.
        "CONGRESS_LOGIN_FAILURES_PER_ADDRESS": "100000",
    }
    for command in (["migrate", "-v0"], ["load_demo", "--if-empty"]):
        subprocess.run([PY, "manage.py", *command], cwd=ROOT, env=env, check=True)
    suggestion = subprocess.run(
        [PY, "manage.py", "shell", "-c",
         "from proposals.models import Suggestion; print(Suggestion.objects.first().pk)"],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "congress.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", str(args.workers), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        roles = ["clerk", "leader", "unit"]
        sessions = [(roles[i % 3], Session(base, roles[i % 3])) for i in range(args.sessions)]
        timings: dict[str, list[float]] = defaultdict(list)
        errors: dict[str, int] = defaultdict(int)
        lock = threading.Lock()
        stop = time.monotonic() + args.seconds
        counter = [0]

        def run(role: str, session: Session) -> None:
            i = 0
            while time.monotonic() < stop:
                with lock:
                    if counter[0] >= MAX_REQUESTS:
                        return
                    counter[0] += 1
                kind, path = PAGES[role][i % len(PAGES[role])]
                i += 1
                started = time.monotonic()
                status = session.get(path.format(suggestion=suggestion))
                elapsed = (time.monotonic() - started) * 1000
                with lock:
                    timings[kind].append(elapsed)
                    if status >= 400:
                        errors[kind] += 1

        threads = [threading.Thread(target=run, args=s) for s in sessions]
        began = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.monotonic() - began
    finally:
        server.terminate()
        server.wait(20)
    everything = [t for ts in timings.values() for t in ts]
    print(f"{args.sessions} sessions, {args.workers} gunicorn workers, {took:.0f} s")
    print("| pages | requests | req/s | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|---|")
    for kind, ts in sorted(timings.items()) + [("all", everything)]:
        q = statistics.quantiles(ts, n=100) if len(ts) > 1 else ts * 99
        err = sum(errors.values()) if kind == "all" else errors[kind]
        print(
            f"| {kind} | {len(ts)} | {len(ts) / took:.1f} | {q[49]:.0f} | {q[94]:.0f} | "
            f"{q[98]:.0f} | {err} |"
        )


if __name__ == "__main__":
    main()
