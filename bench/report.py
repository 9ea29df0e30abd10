"""The annual report: time spent gathering the figures vs WeasyPrint's layout, and peak memory.

    .venv/bin/python bench/report.py [--engine sqlite|postgres]

Runs on the demo year (2025) and on a year ten times larger (generate_sample --scale 10).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def child(case: str) -> None:
    from _common import setup_django

    setup_django()
    from django.core.management import call_command
    from django.utils import timezone

    from congress.report.gather import gather
    from congress.report.render import render_pdf

    call_command("migrate", verbosity=0)
    if case == "demo":
        call_command("load_demo", verbosity=0)
        year = 2025
    else:
        call_command("generate_sample", years=1, scale=10, seed=1, stdout=open("/dev/null", "w"))
        year = timezone.localdate().year
    started = time.perf_counter()
    context = gather(year)
    gathered = time.perf_counter()
    pdf, pages = render_pdf(context)
    rendered = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "gather_ms": (gathered - started) * 1000,
                "render_ms": (rendered - gathered) * 1000,
                "pages": pages,
                "bytes": len(pdf),
                "peak_mb": peak_mb,
            }
        )
    )


def main() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from _common import fresh_database, run_child

    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--engine", default="sqlite")
    parser.add_argument("case", nargs="?")
    args = parser.parse_args()
    if args.child:
        child(args.case)
        return
    print("| year | pages | gather ms | layout+write ms | gather share | peak MB | PDF KB |")
    print("|---|---|---|---|---|---|---|")
    for case, label in (("demo", "demo 2025"), ("x10", "10× a district")):
        r = run_child(__file__, fresh_database(args.engine, f"bench_report_{case}"), case)
        share = r["gather_ms"] / (r["gather_ms"] + r["render_ms"])
        print(
            f"| {label} | {r['pages']} | {r['gather_ms']:.0f} | {r['render_ms']:.0f} | "
            f"{share:.0%} | {r['peak_mb']:.0f} | {r['bytes'] // 1024} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
