"""会议材料汇编: a meeting with 10 materials of 20 pages each (200 pages) built into its pack
(cover, contents, running numbers) against merging the same files with pypdf alone.

    .venv/bin/python bench/pack.py [--engine sqlite|postgres]

Wall time, best of three; the pack's extra cost is its cover and contents (laid out twice) and
stamping a number on every page.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import sys
import time
from pathlib import Path

ROUNDS = 3
MATERIALS, PAGES = 10, 20


def _best(fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(ROUNDS):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best * 1000, result


def child() -> None:
    from _common import setup_django

    setup_django()
    import datetime

    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from pypdf import PdfReader, PdfWriter

    from congress.documents.layout import page_html, print_pdf
    from meetings import packs
    from meetings.models import Meeting, MeetingDocument

    call_command("migrate", verbosity=0)
    meeting = Meeting.objects.create(
        kind="常委会会议", term=18, seq=99, date=datetime.date(2025, 6, 18)
    )
    items = [meeting.agenda.create(order=i, title=f"第{i}项议题") for i in range(1, 6)]
    body = "".join(
        f"<h1 class='title' style='break-after: page'>材料第{i + 1}页</h1><p>{'正文' * 200}</p>"
        for i in range(PAGES)
    )
    html = page_html("documents/base.html", {"title": "材料"}).replace("<body>", "<body>" + body)
    one = print_pdf([html], title="材料").data
    for n in range(MATERIALS):
        doc = MeetingDocument(meeting=meeting, title=f"材料{n + 1}", item=items[n % len(items)])
        doc.file.save(f"m{n}.pdf", ContentFile(one), save=True)

    def pypdf_alone() -> int:
        writer = PdfWriter()
        for doc in packs.materials(meeting):
            with doc.file.open("rb") as f:
                writer.append(PdfReader(io.BytesIO(f.read())))
        out = io.BytesIO()
        writer.write(out)
        return len(writer.pages)

    pack_ms, (data, pages, _listed) = _best(lambda: packs.build(meeting))
    merge_ms, merged = _best(pypdf_alone)
    print(
        json.dumps(
            {
                "pages": pages,
                "merged": merged,
                "pack_ms": pack_ms,
                "merge_ms": merge_ms,
                "mb": len(data) / 1e6,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def main() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from _common import fresh_database, run_child

    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--engine", default="sqlite")
    args = parser.parse_args()
    if args.child:
        child()
        return
    r = run_child(__file__, fresh_database(args.engine, "bench_pack"))
    print(
        "| materials | pages in pack | pack ms | pypdf merge alone ms | ratio | PDF MB | peak MB |"
    )
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {MATERIALS} × {PAGES} | {r['pages']} | {r['pack_ms']:.0f} | {r['merge_ms']:.0f} | "
        f"{r['pack_ms'] / r['merge_ms']:.1f}× | {r['mb']:.1f} | {r['peak_mb']:.0f} |"
    )


if __name__ == "__main__":
    main()
