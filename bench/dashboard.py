"""Dashboard and list pages at 1, 10 and 100 times a district's volume over ten years.

    .venv/bin/python bench/dashboard.py [--scales 1,10,100] [--engines sqlite,postgres]

Each (engine, scale) gets a fresh database filled by ``generate_sample --years 10``; the pages
are requested in-process with Django's test client as a leader (the dashboard, the staff's
suggestion list with a filter) and as an administrator (the Django admin's changelist of the
same model, the baseline). Times are server times, the median of 5 requests. "cold" clears the
whole cache first; "warm" is a second look. "after an edit" saves one of this year's suggestions before each request, as a staff member
would: only the figures, charts and tables that read suggestions are recomputed. Prints a
Markdown table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time


def child(scale: int) -> None:
    from _common import setup_django

    setup_django()
    from django.contrib.auth.models import Group, User
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from proposals.models import Suggestion

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    call_command("generate_sample", years=10, scale=scale, seed=1, stdout=open("/dev/null", "w"))
    generated = time.monotonic() - started
    # As autovacuum would have done on a live database: statistics and the visibility map.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    leader = User.objects.create_user("bench-leader")
    leader.groups.add(Group.objects.get(name="领导"))
    admin = User.objects.create_superuser("bench-admin")
    year = timezone.localdate().year

    def measure(user, url: str, cold: bool = False, edited: bool = False) -> tuple[float, int]:
        client = Client()
        client.force_login(user)
        client.get(url)  # warm the connection and templates
        times, queries = [], 0
        for _ in range(5):
            if cold:
                cache.clear()
            if edited:
                edit = Suggestion.objects.filter(year=year).order_by("pk").first()
                edit.title = edit.title.rstrip("。") + "。"
                edit.save()
            with CaptureQueriesContext(connection) as ctx:
                t = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - t)
            assert response.status_code == 200, (url, response.status_code)
            queries = len(ctx.captured_queries)
        return statistics.median(times) * 1000, queries

    rows = {
        "dashboard (cold)": measure(leader, f"/dashboard/?year={year}", cold=True),
        "dashboard (after an edit)": measure(leader, f"/dashboard/?year={year}", edited=True),
        "dashboard (warm)": measure(leader, f"/dashboard/?year={year}"),
        "suggestion list": measure(leader, f"/suggestions/?year={year}&state=办理中"),
        "admin changelist": measure(
            admin, f"/admin/proposals/suggestion/?state__exact=办理中&year={year}"
        ),
    }
    print(json.dumps({"generated_s": generated, "rows": rows}))


def main() -> None:
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    from _common import fresh_database, run_child

    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("scale", nargs="?", type=int)
    args = parser.parse_args()
    if args.child:
        child(args.scale)
        return
    print("| engine | K | sample (s) | page | server ms | queries |")
    print("|---|---|---|---|---|---|")
    for engine in args.engines.split(","):
        for scale in [int(s) for s in args.scales.split(",")]:
            url = fresh_database(engine, f"bench_k{scale}")
            result = run_child(__file__, url, str(scale))
            for page, (ms, queries) in result["rows"].items():
                print(
                    f"| {engine} | {scale} | {result['generated_s']:.0f} | {page} | "
                    f"{ms:.0f} | {queries} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
