"""The ledger at ten times a district: import rows/s and export time, against openpyxl's own
read and write of the same workbook in the same run.

    .venv/bin/python bench/ledger.py [--engine sqlite|postgres] [--scale 10]

Targets (issue 14): import at least 2,500 rows/s and at most 4× openpyxl's read time; export at
most 3× openpyxl's write time.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path


def child(case: str) -> None:
    from _common import setup_django

    setup_django()
    from django.core.management import call_command
    from django.utils import timezone
    from openpyxl import Workbook, load_workbook

    from congress.ledger.export import workbook_bytes
    from congress.ledger.importer import import_workbook

    call_command("migrate", verbosity=0)
    scale = int(case)
    if scale:
        call_command("generate_sample", years=1, scale=scale, seed=1, stdout=open("/dev/null", "w"))
        year = timezone.localdate().year
        started = time.perf_counter()
        data, counts = workbook_bytes(year)
        export_s = time.perf_counter() - started
        # openpyxl writing the same cells, for the ratio
        wb = load_workbook(io.BytesIO(data))
        started = time.perf_counter()
        copy = Workbook()
        copy.remove(copy.active)
        for ws in wb.worksheets:
            target = copy.create_sheet(ws.title)
            for row in ws.iter_rows(values_only=True):
                target.append(row)
        copy.save(io.BytesIO())
        write_s = time.perf_counter() - started
        Path("/tmp/bench_ledger.xlsx").write_bytes(data)
        print(json.dumps({"rows": sum(counts.values()), "export_s": export_s, "write_s": write_s}))
        return
    data = Path("/tmp/bench_ledger.xlsx").read_bytes()
    started = time.perf_counter()
    wb = load_workbook(io.BytesIO(data), read_only=True)
    for ws in wb.worksheets:
        for _row in ws.iter_rows(values_only=True):
            pass
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    result = import_workbook(data)
    import_s = time.perf_counter() - started
    assert result.ok, [str(p) for p in result.errors[:5]]
    print(json.dumps({"import_s": import_s, "read_s": read_s}))


def main() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from _common import fresh_database, run_child

    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--engine", default="sqlite")
    parser.add_argument("--scale", default="10")
    parser.add_argument("case", nargs="?")
    args = parser.parse_args()
    if args.child:
        child(args.case)
        return
    made = run_child(__file__, fresh_database(args.engine, "bench_ledger_src"), args.scale)
    loaded = run_child(__file__, fresh_database(args.engine, "bench_ledger_dst"), "0")
    rows = made["rows"]
    print("| engine | rows | import s | rows/s | × openpyxl read | export s | × openpyxl write |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {args.engine} | {rows} | {loaded['import_s']:.1f} | {rows / loaded['import_s']:.0f} | "
        f"{loaded['import_s'] / loaded['read_s']:.1f}× | {made['export_s']:.1f} | "
        f"{made['export_s'] / made['write_s']:.1f}× |"
    )


if __name__ == "__main__":
    main()
